/// Subsequence matching for the command palette: every query character must appear in
/// order; consecutive matches and matches at word starts score higher. Case-insensitive.
public enum FuzzyMatch {
    /// The score of `query` in `text`, or `nil` when it does not match.
    public static func score(_ query: String, in text: String) -> Int? {
        let needle = Array(query.lowercased())
        let haystack = Array(text.lowercased())
        var score = 0
        var position = 0
        var previousMatch = -2
        for character in needle where character != " " {
            guard let found = haystack[position...].firstIndex(of: character) else { return nil }
            score += found == previousMatch + 1 ? 8 : 1
            if found == 0 || haystack[found - 1] == " " { score += 5 }
            previousMatch = found
            position = found + 1
        }
        return score - haystack.count / 10
    }
}
