import TestSupport
import Testing
@testable import TRCAAPostgres
import TRCAAStore

/// The rendered queries are what the server reads as `tsquery`, and a typed syntax error is
/// one the server reports as such.
@Suite(.needsPostgres)
struct PostgresFullTextServerTests {
    @Test func renderedQueriesParseOnTheServerAndMatch() throws {
        let server = try TestDatabase()
        let db = server.db
        let fullText = db.dialect.fullText
        let document = "to_tsvector('simple', 'kafka broker 10 0 0 1 connection refused on node 3 cafe')"
        let matches: [(FullTextQuery, Bool)] = [
            (.all([.phrase("kafka"), .phrase("conn", prefix: true)]), true),
            (.phrase("10.0.0.1"), true),
            (.phrase("0.0.1.10"), false),
            (.phrase("Café"), true),
            (.typed("broker NOT refused"), false),
            (.typed(#"NEAR(node "3") OR nothing"#), true),
        ]
        for (query, expected) in matches {
            #expect(try db.scalar("SELECT \(document) @@ CAST(? AS tsquery)", [.text(fullText.render(query))],
                                  as: Bool.self) == expected, "\(query)")
        }
        let error = #expect(throws: StoreError.self) {
            try db.scalar("SELECT CAST(? AS tsquery)", [.text(fullText.render(.typed(#""unterminated"#)))], as: String.self)
        }
        #expect(error.flatMap(fullText.syntaxErrorMessage) == "unterminated string", "FTS5's words, through the server")
    }

    /// The ranking statements over index tables of the shape plan §4 gives them and migration
    /// 115's functions (the PostgreSQL migrations create the real ones): recent matches scored,
    /// title matches first.
    @Test func candidatesAreTheBestOfTheMostRecentMatches() throws {
        let server = try TestDatabase(schema: """
            CREATE TABLE issues_fts (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, tsv tsvector NOT NULL);
            CREATE TABLE evidence_fts (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, issue_id text, source text,
                                       text text, tsv tsvector NOT NULL);
            \(try #require(PostgresMigrations.searchCandidates.script))
            """)
        let db = server.db
        let issues = [("old", "disk full", "the disk"), ("title", "disk full", "nothing"), ("body", "nothing", "disk disk"),
                      ("none", "cpu", "cpu")]
        for (id, title, description) in issues {
            try db.execute("""
                INSERT INTO issues_fts (id, tsv) VALUES (?1, setweight(to_tsvector('simple', ?2), 'A')
                                                                 || setweight(to_tsvector('simple', ?3), 'B'))
                """, [.text(id), .text(title), .text(description)])
        }
        try db.execute("INSERT INTO evidence_fts (issue_id, source, text, tsv) VALUES ('body', 'log', 'disk error', to_tsvector('simple', 'disk error'))")
        let fullText = db.dialect.fullText
        let query = SQLValue.text(fullText.render(.phrase("dis", prefix: true)))
        let ranked = try db.rows(fullText.issueCandidates(titleWeight: 10), [query, .integer(300), .integer(50)])
        #expect(try ranked.map { try $0.decode(at: 2) as String } == ["old", "title", "body"], "title terms weigh most")
        #expect(try ranked.map { try $0.decode(at: 1) as Double }.allSatisfy { $0 < 0 })
        let recent = try db.rows(fullText.issueCandidates(titleWeight: 10), [query, .integer(2), .integer(50)])
        #expect(Set(try recent.map { try $0.decode(at: 2) as String }) == ["title", "body"])
        let evidence = try #require(try db.row(fullText.evidenceCandidates(weight: 0.5), [query, .integer(300), .integer(50)]))
        #expect(evidence.values[2...] == [.text("body"), .text("log")])
        #expect(try db.rows(fullText.evidenceTexts, [.text("[\(try evidence.decode(at: 0) as Int64), 99]")]).map(\.values)
                == [[evidence.values[0], .text("disk error")]])
    }

    /// Migration 115's functions on both indexes, with small limits (few 10, newest 500, many
    /// 1 200) over 2 000 rows: a word expected in few rows is found however old, the most
    /// recent first; a common one among the newest rows; one in older rows only gets its oldest
    /// matches while the planner expects at most `many`; above that, a word none of whose rows
    /// is among the newest gets no candidates (the bound on a search's work).
    @Test(arguments: ["issues_fts", "evidence_fts"])
    func rareWordsAreFoundAnywhereAndCommonOnesAmongTheNewestRows(index: String) throws {
        let server = try TestDatabase(schema: """
            CREATE TABLE issues_fts (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, tsv tsvector NOT NULL);
            CREATE TABLE evidence_fts (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, issue_id text, source text,
                                       text text, tsv tsvector NOT NULL);
            CREATE INDEX ON issues_fts USING gin (tsv);
            CREATE INDEX ON issues_fts (seq);
            CREATE INDEX ON evidence_fts USING gin (tsv);
            \(try #require(PostgresMigrations.searchCandidates.script))
            """)
        let db = server.db
        // Rows 1…2 000 say "common"; three say "rare"; rows up to 1 000 say "older", up to 1 500 "ancient".
        let words = """
            'common ' || CASE WHEN n IN (1, 2, 1000) THEN 'rare ' ELSE '' END || CASE WHEN n <= 1000 THEN 'older ' ELSE '' END
            || CASE WHEN n <= 1500 THEN 'ancient' ELSE '' END
            """
        let columns = index == "issues_fts" ? "id, tsv" : "issue_id, source, text, tsv"
        let values = index == "issues_fts" ? "'i' || n, to_tsvector('simple', \(words))"
            : "'i' || n, 'why', \(words), to_tsvector('simple', \(words))"
        try db.execute("INSERT INTO \(index) (\(columns)) SELECT \(values) FROM generate_series(1, 2000) AS n")
        try db.execute("ANALYZE \(index)")
        func candidates(_ word: String, window: Int = 300) throws -> [Int] {
            let idColumn = index == "issues_fts" ? "id" : "issue_id"
            return try db.rows("SELECT \(idColumn) FROM \(index)_recent(CAST(? AS tsquery), ?, 10, 500, 1200)",
                               [.text(word), .integer(Int64(window))])
                .map { Int(try ($0.decode(at: 0) as String).dropFirst())! }
        }
        #expect(try candidates("rare") == [1000, 2, 1], "all of them, the most recent first")
        #expect(try candidates("rare", window: 2) == [1000, 2])
        #expect(try candidates("common") == Array((1701...2000).reversed()), "the 300 newest")
        #expect(try candidates("older").sorted() == Array(1...300), "none among the newest 500: its first 300 from the index")
        #expect(try candidates("ancient").isEmpty, "expected in more than 1 200 rows, none among the newest 500")
    }
}
