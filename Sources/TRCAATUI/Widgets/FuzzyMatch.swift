import Foundation

/// Subsequence matching for the command palette: every query character must appear in
/// order; consecutive matches and matches at word starts score higher, and the query as a
/// whole word (`rca` in "Generate the RCA") highest. Case-insensitive.
public enum FuzzyMatch {
    /// The score of `query` in `text`, or `nil` when it does not match.
    public static func score(_ query: String, in text: String) -> Int? {
        let lowered = text.lowercased(), wanted = query.lowercased().trimmingCharacters(in: .whitespaces)
        if !wanted.isEmpty, let range = lowered.range(of: wanted) {
            let atWordStart = range.lowerBound == lowered.startIndex || lowered[lowered.index(before: range.lowerBound)] == " "
            return (atWordStart ? 200 : 100) - lowered.count / 10
        }
        let needle = Array(query.lowercased())
        let haystack = Array(lowered)
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
