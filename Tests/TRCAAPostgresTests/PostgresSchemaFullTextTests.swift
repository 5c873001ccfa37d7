import Testing
import TestSupport
import TRCAAStore

/// `issues_fts` and `evidence_fts` in PostgreSQL: filled by their triggers, cut into the tokens
/// FTS5's unicode61 makes (so the same queries find the same rows as in a SQLCipher store), and
/// kept in step through updates and deletes.
@Suite(.needsPostgres)
struct PostgresSchemaFullTextTests {
    typealias Query = PostgresSchemaStores.Query

    static let issueQueries = [
        Query(fts5: "app*", tsquery: "app:*"), Query(fts5: "log", tsquery: "log"), Query(fts5: "10", tsquery: "10"),
        Query(fts5: "1*", tsquery: "1:*"), Query(fts5: "\"10.0.0.1\"", tsquery: "10 <-> 0 <-> 0 <-> 1"),
        Query(fts5: "\"10.0.0.2\"", tsquery: "10 <-> 0 <-> 0 <-> 2"), Query(fts5: "\"app.log\"", tsquery: "app <-> log"),
        Query(fts5: "applog", tsquery: "applog"), Query(fts5: "disk full", tsquery: "disk & full"),
        Query(fts5: "\"full disk\"", tsquery: "full <-> disk"), Query(fts5: "user", tsquery: "user"),
        Query(fts5: "\"example.com\"", tsquery: "example <-> com"), Query(fts5: "cafe", tsquery: "cafe"),
        Query(fts5: "naive*", tsquery: "naive:*"), Query(fts5: "memory", tsquery: "memory"),
    ]

    @Test func issuesAreIndexedAsFTS5IndexesThemThroughInsertsUpdatesAndDeletes() throws {
        let stores = try PostgresSchemaStores()
        try stores.execute("""
            INSERT INTO issues (id, title, description)
            VALUES ('i-1', 'Disk full on app.log 10.0.0.1', 'Mail user@example.com at the Café; NAÏVE retry')
            """)
        var found = try stores.matching(Self.issueQueries, in: "issues_fts")
        #expect(found.postgres == found.sqlcipher)
        #expect(found.postgres == ["app* / app:*", "log / log", "10 / 10", "1* / 1:*", "\"10.0.0.1\" / 10 <-> 0 <-> 0 <-> 1",
                                   "\"app.log\" / app <-> log", "disk full / disk & full", "user / user",
                                   "\"example.com\" / example <-> com", "cafe / cafe", "naive* / naive:*"])
        #expect(try stores.postgres.psql("SELECT id FROM issues_fts WHERE tsv @@ to_tsquery('simple', 'app:* & 10')") == "i-1")
        // The title weighs A, the description B.
        #expect(try stores.postgres.psql("SELECT count(*) FROM issues_fts WHERE tsv @@ to_tsquery('simple', 'disk:A & user:B')") == "1")
        #expect(try stores.postgres.psql("SELECT count(*) FROM issues_fts WHERE tsv @@ to_tsquery('simple', 'user:A')") == "0")
        let seq = try stores.postgres.psql("SELECT seq FROM issues_fts")

        try stores.execute("UPDATE issues SET title = 'Memory leak in the worker' WHERE id = 'i-1'")
        found = try stores.matching(Self.issueQueries, in: "issues_fts")
        #expect(found.postgres == found.sqlcipher)
        #expect(found.postgres == ["user / user", "\"example.com\" / example <-> com", "cafe / cafe", "naive* / naive:*",
                                   "memory / memory"])
        #expect(try stores.postgres.psql("SELECT seq FROM issues_fts") == seq, "an update keeps the entry's place, as FTS5's rowid")

        try stores.execute("DELETE FROM issues WHERE id = 'i-1'")
        #expect(try stores.matching(Self.issueQueries, in: "issues_fts").postgres.isEmpty)
        #expect(try stores.postgres.psql("SELECT count(*) FROM issues_fts") == "0")
    }

    /// Text of the kinds logs and incidents hold, in several scripts.
    static let texts = [
        ("Disk full on app.log 10.0.0.1", "Mail user@example.com at the Café; NAÏVE retry"),
        ("Connection refused: tcp://db-01.internal:5432 (errno=111)", "GET /api/v2/users?id=42&sort=desc → 502 Bad Gateway"),
        ("Ünïcödé ÀÉÎÕÜ straße Größe", "Москва ПРОВАЙДЕР отказ; 東京 サーバー 障害; Ελληνικά ΣΦΑΛΜΑ"),
        ("snake_case_identifier CamelCaseWord x86_64 0x1F3A",
         "2025-01-15T10:00:00Z [ERROR] java.lang.NullPointerException at com.example.Foo.bar(Foo.java:42)"),
        ("tabs\tand\nnewlines, emoji 🔥 fire", "٣ digits ١٢٣, fullwidth ＡＢＣ１２３, ligature ﬁle"),
        ("Øresund İstanbul ḁ ǖ ệ ñ", "ÆØÅ ĳ ŀ"),
    ]

    /// Every term, exactly: FTS5's vocabulary (fts5vocab) against the lexemes of the tsvectors.
    @Test func theIndexHoldsTheTermsFTS5Holds() throws {
        let stores = try PostgresSchemaStores()
        for (number, text) in Self.texts.enumerated() {
            try stores.sqlcipher.execute("INSERT INTO issues (id, title, description) VALUES (?, ?, ?)",
                                         [.text("i-\(number)"), .text(text.0), .text(text.1)])
        }
        try stores.sqlcipher.execute("CREATE VIRTUAL TABLE temp.issues_terms USING fts5vocab(main, issues_fts, 'row')")
        let fts5Terms = try stores.sqlcipher.rows("SELECT term FROM temp.issues_terms").map { try $0.decode(at: 0, as: String.self) }
        try stores.postgres.psql(Self.texts.enumerated().map { number, text in
            "INSERT INTO issues (id, title, description) VALUES ('i-\(number)', \(Self.literal(text.0)), \(Self.literal(text.1)));"
        }.joined(separator: "\n"))
        let terms = try stores.postgres.psql("SELECT DISTINCT lexeme FROM issues_fts, unnest(tsv)").split(separator: "\n").map(String.init)
        #expect(terms.sorted() == fts5Terms.sorted())
    }

    /// `text` as a PostgreSQL string literal.
    static func literal(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "''") + "'" }

    static let evidenceQueries = [
        Query(fts5: "rotated", tsquery: "rotated"), Query(fts5: "quota", tsquery: "quota"),
        Query(fts5: "\"var/log/app.log\"", tsquery: "var <-> log <-> app <-> log"), Query(fts5: "\"server-01\"", tsquery: "server <-> 01"),
        Query(fts5: "graph", tsquery: "graph"), Query(fts5: "paged", tsquery: "paged"), Query(fts5: "pager", tsquery: "pager"),
        Query(fts5: "ops", tsquery: "ops"), Query(fts5: "rotate", tsquery: "rotate"),
    ]

    @Test func theTextAroundIssuesIsIndexedFromEverySourceAndFollowsUpdatesAndDeletes() throws {
        let stores = try PostgresSchemaStores()
        try stores.execute("""
            INSERT INTO issues (id, title) VALUES ('i-1', 'Disk full');
            INSERT INTO resolution_steps (id, issue_id, why_question, answer, evidence)
                VALUES ('w-1', 'i-1', 'Why full?', 'Logs not rotated', 'see /var/log/app.log');
            INSERT INTO timeline_events (id, issue_id, event_type, description, created_at)
                VALUES ('t-1', 'i-1', 'note', 'Paged on-call', '2025-01-15 10:00:00');
            INSERT INTO log_files (id, issue_id, file_name) VALUES ('l-1', 'i-1', 'server-01.log');
            INSERT INTO image_attachments (id, issue_id, file_name) VALUES ('m-1', 'i-1', 'disk-graph.png');
            INSERT INTO incident_events (id, issue_id, occurred_at, kind, description, evidence, created_at)
                VALUES ('e-1', 'i-1', '2025-01-15 09:58:00', 'detected', 'Alert fired', 'pager', '2025-01-15 10:00:00');
            INSERT INTO action_items (id, issue_id, description, owner, created_at, updated_at)
                VALUES ('a-1', 'i-1', 'Rotate logs hourly', 'ops', '2025-01-15 10:00:00', '2025-01-15 10:00:00');
            """)
        // The same entries, a why's three texts joined by newlines as SQLite's trigger joins them.
        let entries = "SELECT source || '|' || issue_id || '|' || replace(text, '\n', '/') FROM evidence_fts ORDER BY source"
        #expect(try stores.postgres.psql(entries).split(separator: "\n").map(String.init)
            == stores.sqlcipher.rows(entries).map { try $0.decode(at: 0, as: String.self) })
        #expect(try stores.postgres.psql("SELECT text FROM evidence_fts WHERE source = 'why'")
            == "Why full?\nLogs not rotated\nsee /var/log/app.log")
        var found = try stores.matching(Self.evidenceQueries, in: "evidence_fts")
        #expect(found.postgres == found.sqlcipher)
        #expect(found.postgres.count == 8, "\(found.postgres)")
        let seq = try stores.postgres.psql("SELECT seq FROM evidence_fts WHERE source = 'why'")

        try stores.execute("""
            UPDATE resolution_steps SET answer = 'Disk quota reached' WHERE id = 'w-1';
            DELETE FROM log_files WHERE id = 'l-1';
            DELETE FROM action_items WHERE id = 'a-1';
            """)
        found = try stores.matching(Self.evidenceQueries, in: "evidence_fts")
        #expect(found.postgres == found.sqlcipher)
        #expect(found.postgres == ["quota / quota", "\"var/log/app.log\" / var <-> log <-> app <-> log", "graph / graph",
                                   "paged / paged", "pager / pager"])
        #expect(try stores.postgres.psql("SELECT seq FROM evidence_fts WHERE source = 'why'") == seq)
        #expect(try stores.postgres.psql("SELECT string_agg(source, ',' ORDER BY source) FROM evidence_fts") == "image,incident,timeline,why")
    }

    @Test func anIssueIsNumberedInTheTransactionThatCreatesIt() throws {
        let db = try PostgresSchemaDatabase()
        try db.migrate()
        try db.psql("INSERT INTO issues (id, title) VALUES ('i-1', 'one'), ('i-2', 'two'); DELETE FROM issues WHERE id = 'i-2';")
        try db.psql("INSERT INTO issues (id, title) VALUES ('i-3', 'three')")
        #expect(try db.psql("SELECT string_agg(number || ':' || issue_id, ',' ORDER BY number) FROM issue_numbers") == "1:i-1,3:i-3")
    }
}
