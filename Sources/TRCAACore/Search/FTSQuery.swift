import Foundation

/// Turns what a person typed into FTS5 queries.
///
/// Plain words are searched as phrases (so `10.0.0.1` or `app.log` are never parsed as
/// syntax), and the last word as a prefix too, since it may be the one being typed:
/// `database conn` finds "database connection". Text with double quotes, `*`, parentheses,
/// `^` or the operators AND, OR, NOT, NEAR is FTS5 syntax and is passed as it is (mistakes
/// there become `TriageError.searchSyntax`).
struct FTSQuery: Equatable {
    /// The query with the last word matched exactly; `nil` when it is the same as `prefix`.
    var exact: String?
    /// The query with the last word matched as a prefix (or the FTS5 syntax as typed).
    var prefix: String
    /// Whether the word being typed is a single letter or digit: a prefix that matches
    /// nearly every row.
    var endsInOneLetter = false

    /// Prefixes this short have their own FTS5 index (`prefix='1 2 3'`) and are cheap.
    static let indexedPrefixLength = 3

    init(exact: String?, prefix: String, endsInOneLetter: Bool = false) {
        self.exact = exact
        self.prefix = prefix
        self.endsInOneLetter = endsInOneLetter
    }

    init?(_ input: String) {
        let tokens = input.split(whereSeparator: \.isWhitespace).map(String.init)
        if input.contains(where: { "\"*()^".contains($0) }) || tokens.contains(where: { ["AND", "OR", "NOT", "NEAR"].contains($0) }) {
            exact = nil
            prefix = input
            return
        }
        let words = tokens.filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard let last = words.last else { return nil }
        let phrases = words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }
        prefix = (phrases.dropLast() + [phrases[phrases.count - 1] + "*"]).joined(separator: " ")
        exact = last.count > Self.indexedPrefixLength ? phrases.joined(separator: " ") : nil
        endsInOneLetter = last.filter { $0.isLetter || $0.isNumber }.count == 1
    }
}
