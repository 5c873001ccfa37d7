import Testing
import TestSupport
@testable import TRCAAStore

@Suite(.sqlcipherOnly) struct SQLCipherFullTextTests {
    let fixture = StoreFixture()

    @Test func fullTextQueriesRenderAsFTS5Syntax() {
        let fullText = SQLCipherFullText()
        let cases: [(FullTextQuery, String)] = [
            (.phrase("database"), #""database""#),
            (.phrase("conn", prefix: true), #""conn"*"#),
            (.phrase(#"say "hi""#), #""say ""hi""""#),
            (.all([.phrase("10.0.0.1"), .phrase("app.log", prefix: true)]), #""10.0.0.1" "app.log"*"#),
            (.typed(#"say "hi" OR bye"#), #"say "hi" OR bye"#),
            (.all([.phrase("disk"), .typed("full OR empty"), .all([.phrase("a"), .phrase("b")])]),
             #""disk" (full OR empty) ("a" "b")"#),
        ]
        for (query, fts5) in cases { #expect(fullText.render(query) == fts5) }
    }

    @Test func onlyQuerySyntaxErrorsAreExplainedAsSuch() throws {
        let db = try fixture.openMigrated()
        let fullText = db.dialect.fullText
        let failure = #expect(throws: StoreError.self) {
            try db.rows(fullText.issueCandidates(titleWeight: 10), [.text("\"open"), .integer(300), .integer(50)])
        }
        #expect(failure.flatMap(fullText.syntaxErrorMessage) == "unterminated string")
        #expect(fullText.syntaxErrorMessage(.busy(path: fixture.path)) == nil)
    }
}
