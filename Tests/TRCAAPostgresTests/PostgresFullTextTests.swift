import Testing
@testable import TRCAAPostgres
import TRCAAStore

/// Full-text queries as `tsquery` text, on the inputs the FTS5 renderer's tests use.
@Suite struct PostgresFullTextTests {
    let fullText = PostgresFullText()

    @Test func treesRenderAsTSQueries() {
        let cases: [(FullTextQuery, String)] = [
            (.phrase("database"), "'database'"),
            (.phrase("conn", prefix: true), "'conn':*"),
            (.phrase(#"say "hi""#), "('say' <-> 'hi')"),
            (.all([.phrase("10.0.0.1"), .phrase("app.log", prefix: true)]),
             "(('10' <-> '0' <-> '0' <-> '1') & ('app' <-> 'log':*))"),
            (.typed(#"say "hi" OR bye"#), "(('say' & 'hi') | 'bye')"),
            (.all([.phrase("disk"), .typed("full OR empty"), .all([.phrase("a"), .phrase("b")])]),
             "('disk' & ('full' | 'empty') & ('a' & 'b'))"),
            (.phrase("Café CRÈME it's"), "('cafe' <-> 'creme' <-> 'it' <-> 's')"),
            (.phrase("日本語", prefix: true), "'日本語':*"),
            (.phrase("--"), ""),
        ]
        for (query, tsquery) in cases { #expect(fullText.render(query) == tsquery, "\(query)") }
    }

    /// The typed inputs of FTSQueryTests (which FTS5 accepts) and what they become.
    @Test(arguments: [
        (#"say "hi" OR bye"#, "(('say' & 'hi') | 'bye')"),
        ("NEAR(a b)", "('a' & 'b')"),
        ("NEAR(a b, 5) c", "(('a' & 'b') & 'c')"),
        ("disk*", "'disk':*"),
        ("(a OR b)", "('a' | 'b')"),
        ("^start", "'start'"),
        ("a NOT b c", "(('a' & !'b') & 'c')"),
        ("a AND b OR c NOT d", "(('a' & 'b') | ('c' & !'d'))"),
        (#""10.0.0.1" + app*"#, "('10' <-> '0' <-> '0' <-> '1' <-> 'app':*)"),
        ("title: disk", "'disk'"),
    ])
    func typedFTS5SyntaxTranslates(typed: String, tsquery: String) {
        #expect(fullText.render(.typed(typed)) == tsquery)
    }

    /// Inputs FTS5 refuses render as an unbalanced tsquery, so that the server refuses them.
    @Test(arguments: [#""unterminated"#, "AND OR", #"ab"cd efgh"#, "x-ray", "(a OR b", "NEAR(a b, x)"])
    func typedSyntaxErrorsStayErrors(typed: String) {
        #expect(fullText.render(.typed(typed)).hasPrefix("( '"))
    }

    /// The reasons FTS5 gives for these (checked against SQLite's own messages).
    @Test func typedSyntaxErrorsGiveFTS5sReason() {
        #expect(TypedFullTextQuery.syntaxError(in: #""unterminated"#) == "unterminated string")
        #expect(TypedFullTextQuery.syntaxError(in: #"ab"cd efgh"#) == "unterminated string")
        #expect(TypedFullTextQuery.syntaxError(in: "AND OR") == #"fts5: syntax error near "AND""#)
        #expect(TypedFullTextQuery.syntaxError(in: "(a OR b") == #"fts5: syntax error near """#)
        #expect(TypedFullTextQuery.syntaxError(in: "a OR b") == nil)
        let refused = StoreError.server(ServerFailure(
            sqlState: "42601", message: #"syntax error in tsquery: "( 'fts5: syntax error near "it''s"'""#, sql: nil))
        #expect(fullText.syntaxErrorMessage(refused) == #"fts5: syntax error near "it's""#)
    }

    @Test func onlySyntaxErrorsAreExplainedAsSuch() {
        let syntax = StoreError.server(ServerFailure(sqlState: "42601", message: "syntax error in tsquery: \"( 'x\"", sql: nil))
        #expect(fullText.syntaxErrorMessage(syntax) == "syntax error in tsquery: \"( 'x\"")
        #expect(fullText.syntaxErrorMessage(.server(ServerFailure(sqlState: "42P01", message: "", sql: nil))) == nil)
        #expect(fullText.syntaxErrorMessage(.busy(path: "x")) == nil)
    }
}
