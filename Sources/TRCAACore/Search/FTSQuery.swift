import Foundation
import TRCAAStore

/// Turns what a person typed into full-text queries, which the store renders for its index.
///
/// Plain words are searched as phrases (so `10.0.0.1` or `app.log` are never parsed as
/// syntax), and the last word as a prefix too, since it may be the one being typed:
/// `database conn` finds "database connection". Text with double quotes, `*`, parentheses,
/// `^` or the operators AND, OR, NOT, NEAR is FTS5 syntax and is kept as typed (mistakes
/// there become `TriageError.searchSyntax`).
struct FTSQuery: Equatable {
    /// The query with the last word matched exactly; `nil` when it is the same as `prefix`.
    var exact: FullTextQuery?
    /// The query with the last word matched as a prefix (or the FTS5 syntax as typed).
    var prefix: FullTextQuery
    /// Whether the word being typed is a single letter or digit: a prefix that matches
    /// nearly every row.
    var endsInOneLetter = false

    /// Prefixes this short have their own FTS5 index (`prefix='1 2 3'`) and are cheap.
    static let indexedPrefixLength = 3

    init(exact: FullTextQuery?, prefix: FullTextQuery, endsInOneLetter: Bool = false) {
        self.exact = exact
        self.prefix = prefix
        self.endsInOneLetter = endsInOneLetter
    }

    init?(_ input: String) {
        let tokens = input.split(whereSeparator: \.isWhitespace).map(String.init)
        if input.contains(where: { "\"*()^".contains($0) }) || tokens.contains(where: { ["AND", "OR", "NOT", "NEAR"].contains($0) }) {
            exact = nil
            prefix = .typed(input)
            return
        }
        let words = tokens.filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard let last = words.last else { return nil }
        prefix = .all(words.dropLast().map { .phrase($0) } + [.phrase(last, prefix: true)])
        exact = last.count > Self.indexedPrefixLength ? .all(words.map { .phrase($0) }) : nil
        endsInOneLetter = last.filter { $0.isLetter || $0.isNumber }.count == 1
    }
}
