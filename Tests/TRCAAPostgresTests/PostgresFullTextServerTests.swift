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

    /// Migration 115 on an index larger than its walk: a word the planner expects in few rows
    /// is found however old its rows, the most recent first; a common one is scored among its
    /// matches in the newest rows only, so a search reads a bounded number of rows.
    @Test func rareWordsAreFoundAnywhereAndCommonOnesAmongTheNewestRows() throws {
        let server = try TestDatabase(schema: """
            CREATE TABLE issues_fts (id text PRIMARY KEY, seq bigint GENERATED ALWAYS AS IDENTITY, tsv tsvector NOT NULL);
            CREATE INDEX ON issues_fts USING gin (tsv);
            CREATE INDEX ON issues_fts (seq);
            \(try #require(PostgresMigrations.searchCandidates.script))
            """)
        let db = server.db
        let rows = PostgresFullText.newestRows * 2
        let rareRows: Set = [1, 2, rows / 2]
        // Every row says "common"; three say "rare"; the older half also says "older".
        try db.execute("""
            INSERT INTO issues_fts (id, tsv)
            SELECT 'i' || n, to_tsvector('simple', 'common ' || CASE WHEN n IN (\(rareRows.map(String.init).joined(separator: ", ")))
                THEN 'rare ' ELSE '' END || CASE WHEN n <= \(rows / 2) THEN 'older' ELSE '' END)
            FROM generate_series(1, \(rows)) AS n
            """)
        try db.execute("ANALYZE issues_fts")
        let fullText = db.dialect.fullText
        func candidates(_ word: String, window: Int = 300) throws -> [Int] {
            try db.rows(fullText.issueCandidates(titleWeight: 10), [.text(fullText.render(.phrase(word))), .integer(Int64(window)),
                                                                   .integer(Int64(rows))])
                .map { Int(try ($0.decode(at: 2) as String).dropFirst())! }
        }
        #expect(Set(try candidates("rare")) == rareRows, "the oldest rows too")
        #expect(try candidates("rare", window: 2).sorted() == [2, rows / 2], "the most recent of them")
        let common = try candidates("common")
        #expect(common.count == 300 && common.allSatisfy { $0 > rows - 300 }, "the 300 newest")
        #expect(try candidates("older").isEmpty, "\(rows / 2) matches, all older than the newest \(PostgresFullText.newestRows) rows")
    }
}
