import Foundation

/// Turns what a person typed into an FTS5 query.
///
/// Plain words match as prefixes, in any order: `data conn` finds "database connection", and
/// `10.0.0.1` or `app.log` are searched as phrases, never parsed as syntax. Text with double
/// quotes, `*`, parentheses, `^` or the operators AND, OR, NOT, NEAR is FTS5 syntax and is
/// passed as it is (mistakes there become `TriageError.searchSyntax`).
enum FTSQuery {
    static func make(_ input: String) -> String? {
        let tokens = input.split(whereSeparator: \.isWhitespace).map(String.init)
        if isSyntax(input, tokens: tokens) { return input }
        let words = tokens.filter { $0.contains { $0.isLetter || $0.isNumber } }
        guard !words.isEmpty else { return nil }
        return words.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"*" }.joined(separator: " ")
    }

    private static func isSyntax(_ input: String, tokens: [String]) -> Bool {
        input.contains { "\"*()^".contains($0) } || tokens.contains { ["AND", "OR", "NOT", "NEAR"].contains($0) }
    }
}
