import Testing
import TestSupport
@testable import TRCAACore
import TRCAAStore

@Suite struct FTSQueryTests {
    @Test func plainWordsArePhrasesAndTheLastOneAPrefixToo() {
        #expect(FTSQuery("database conn") == FTSQuery(exact: .all([.phrase("database"), .phrase("conn")]),
                                                      prefix: .all([.phrase("database"), .phrase("conn", prefix: true)])))
        #expect(FTSQuery("data co") == FTSQuery(exact: nil, prefix: .all([.phrase("data"), .phrase("co", prefix: true)])))
        #expect(FTSQuery("data c") == FTSQuery(exact: nil, prefix: .all([.phrase("data"), .phrase("c", prefix: true)]),
                                               endsInOneLetter: true))
        #expect(FTSQuery("say \"hi\" OR bye") == FTSQuery(exact: nil, prefix: .typed("say \"hi\" OR bye")))
        #expect(FTSQuery(" - ") == nil)
    }

    /// The FTS5 strings SearchService matched before queries became trees (input, exact,
    /// prefix, ends in one letter).
    @Test(.sqlcipherOnly) func sqlcipherRendersTheFTS5StringsOfBefore() throws {
        let db = try Database.open(path: ":memory:", passphrase: Passphrase(passphrase: ""))
        let fullText = db.dialect.fullText
        let cases: [(String, String?, String, Bool)] = [
            ("database conn", "\"database\" \"conn\"", "\"database\" \"conn\"*", false),
            ("data co", nil, "\"data\" \"co\"*", false),
            ("data c", nil, "\"data\" \"c\"*", true),
            ("d", nil, "\"d\"*", true),
            ("connect", "\"connect\"", "\"connect\"*", false),
            ("conn", "\"conn\"", "\"conn\"*", false),
            ("10.0.0.12", "\"10.0.0.12\"", "\"10.0.0.12\"*", false),
            ("app.log", "\"app.log\"", "\"app.log\"*", false),
            ("user@example.com", "\"user@example.com\"", "\"user@example.com\"*", false),
            ("Café crème", "\"Café\" \"crème\"", "\"Café\" \"crème\"*", false),
            ("it's", "\"it's\"", "\"it's\"*", false),
            ("a b c", nil, "\"a\" \"b\" \"c\"*", true),
            ("x-ray machine", "\"x-ray\" \"machine\"", "\"x-ray\" \"machine\"*", false),
            ("title:disk", "\"title:disk\"", "\"title:disk\"*", false),
            ("日本語 テスト", nil, "\"日本語\" \"テスト\"*", false),
            ("-- --x", nil, "\"--x\"*", true),
            ("say \"hi\" OR bye", nil, "say \"hi\" OR bye", false),
            ("\"unterminated", nil, "\"unterminated", false),
            ("AND OR", nil, "AND OR", false),
            ("NEAR(a b)", nil, "NEAR(a b)", false),
            ("disk*", nil, "disk*", false),
            ("(a OR b)", nil, "(a OR b)", false),
            ("^start", nil, "^start", false),
            ("ab\"cd efgh", nil, "ab\"cd efgh", false),
        ]
        for (input, exact, prefix, oneLetter) in cases {
            let query = try #require(FTSQuery(input))
            #expect(query.exact.map(fullText.render) == exact, "\(input)")
            #expect(fullText.render(query.prefix) == prefix, "\(input)")
            #expect(query.endsInOneLetter == oneLetter, "\(input)")
        }
    }
}
