import TRCAAStore

// Full-text search in PostgreSQL 15: 010, 100, 102 and 111 (SQLite's FTS5 bodies are in
// TRCAAStore/SQLCipher/Migrations/). Each FTS5 table becomes an ordinary table of the same name
// holding a `tsvector` (GIN-indexed) and `seq`, an identity that plays FTS5's rowid: the most
// recent matches are the highest `seq`, and an update keeps a row's `seq` as it keeps the
// rowid. PL/pgSQL triggers keep them in step with their tables, as SQLite's triggers do.
//
// Text is cut into tokens as FTS5's `unicode61` tokenizer cuts it (`trcaa_fts_text`): letters
// and digits of any script make tokens, everything else separates them, case is folded, and a
// Latin letter with one diacritic loses it (remove_diacritics=1: é → e, but ǖ, ά and й stay).
// PostgreSQL's own parser would keep `10.0.0.1`, `app.log` or `user@example.com` as one token
// each. The store's database compares text in the C locale, whose lower() and [:alnum:] know
// ASCII only, so the folding names ICU's root collation.

extension PostgresMigrations {
    /// `issues_fts`, empty until 100 fills it (as the original's FTS5 table stayed).
    static let issuesFTS = Migration("010_issues_fts", sql: issuesFTSTable)

    /// Keeps `issues_fts` in step with `issues` and indexes the rows already there; the title
    /// weighs as `setweight` A, the description as B.
    static let issuesFTSSync = Migration("100_issues_fts_sync", sql: """
        DROP TABLE IF EXISTS issues_fts;
        \(issuesFTSTable)
        CREATE OR REPLACE FUNCTION trcaa_fts_text(content text) RETURNS text
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            RETURN regexp_replace(
                normalize(regexp_replace(normalize(lower(content COLLATE "und-x-icu"), NFD),
                                         '([a-z\\u00df-\\u024f\\u1e00-\\u1eff])[\\u0300-\\u036f](?![\\u0300-\\u036f])', '\\1', 'g'),
                          NFC) COLLATE "und-x-icu",
                '[^[:alnum:]]+', ' ', 'g');
        CREATE OR REPLACE FUNCTION trcaa_issue_vector(title text, description text) RETURNS tsvector
            LANGUAGE sql IMMUTABLE PARALLEL SAFE
            RETURN setweight(to_tsvector('simple', trcaa_fts_text(title)), 'A')
                || setweight(to_tsvector('simple', trcaa_fts_text(description)), 'B');
        CREATE OR REPLACE FUNCTION issues_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' THEN
                DELETE FROM issues_fts WHERE id = OLD.id;
            ELSIF TG_OP = 'UPDATE' THEN
                UPDATE issues_fts SET id = NEW.id, tsv = trcaa_issue_vector(NEW.title, NEW.description)
                WHERE id = OLD.id;
            ELSE
                INSERT INTO issues_fts (id, tsv) VALUES (NEW.id, trcaa_issue_vector(NEW.title, NEW.description));
            END IF;
            RETURN NULL;
        END
        $$;
        CREATE OR REPLACE TRIGGER issues_fts_after_insert AFTER INSERT ON issues
            FOR EACH ROW EXECUTE FUNCTION issues_fts_sync();
        CREATE OR REPLACE TRIGGER issues_fts_after_delete AFTER DELETE ON issues
            FOR EACH ROW EXECUTE FUNCTION issues_fts_sync();
        CREATE OR REPLACE TRIGGER issues_fts_after_update AFTER UPDATE OF id, title, description ON issues
            FOR EACH ROW EXECUTE FUNCTION issues_fts_sync();
        INSERT INTO issues_fts (id, tsv)
            SELECT id, trcaa_issue_vector(title, description) FROM issues ORDER BY created_at, id;
        """)

    /// The text around issues (whys, timeline descriptions, attachment file names), one row
    /// per source row, found again by `(source, source_id)` where FTS5 computes a rowid from
    /// the source row's. `evidence_fts_put` writes a row's entry from the row as JSON and the
    /// names of its text columns, joined by newlines as SQLite's triggers join them.
    static let evidenceFTS = Migration("102_evidence_fts", sql: """
        CREATE TABLE IF NOT EXISTS evidence_fts (
            seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            issue_id text COLLATE "C" NOT NULL,
            source text NOT NULL,
            text text NOT NULL,
            source_id text COLLATE "C" NOT NULL,
            tsv tsvector NOT NULL,
            UNIQUE (source, source_id)
        );
        CREATE INDEX IF NOT EXISTS idx_evidence_fts_tsv ON evidence_fts USING gin (tsv);
        CREATE OR REPLACE FUNCTION evidence_fts_put(source_name text, source_row jsonb, text_columns text[])
            RETURNS void LANGUAGE sql AS $$
            INSERT INTO evidence_fts (issue_id, source, text, source_id, tsv)
            SELECT source_row ->> 'issue_id', source_name, joined.content, source_row ->> 'id',
                   to_tsvector('simple', trcaa_fts_text(joined.content))
            FROM (SELECT string_agg(source_row ->> name, chr(10) ORDER BY ordinal) AS content
                  FROM unnest(text_columns) WITH ORDINALITY AS text_column(name, ordinal)) AS joined
            ON CONFLICT (source, source_id) DO UPDATE
                SET issue_id = excluded.issue_id, text = excluded.text, tsv = excluded.tsv
        $$;
        CREATE OR REPLACE FUNCTION evidence_fts_sync() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF TG_OP = 'DELETE' OR (TG_OP = 'UPDATE' AND OLD.id <> NEW.id) THEN
                DELETE FROM evidence_fts WHERE source = TG_ARGV[0] AND source_id = OLD.id;
            END IF;
            IF TG_OP <> 'DELETE' THEN
                PERFORM evidence_fts_put(TG_ARGV[0], to_jsonb(NEW), TG_ARGV[1:]);
            END IF;
            RETURN NULL;
        END
        $$;
        \(PostgresEvidenceSource.original.map(\.triggersAndFill).joined(separator: "\n"))
        """)

    /// Incident events and action items join the sources.
    static let evidenceSearchOfIncidents = Migration("111_evidence_search_of_incidents", sql: """
        \(PostgresEvidenceSource.incidents.map(\.triggersAndFill).joined(separator: "\n"))
        """)

    /// A function per index that gives a search its candidates (`PostgresFullText`): up to
    /// `recent` of the index's matches, with the columns that rank them. GIN finds the rows of a
    /// word but not its most recent ones, and reading every match costs ~1.5 µs each; walking
    /// the newest rows costs ~0.4 µs a row however rare the word is. So by the planner's
    /// estimate: a query expected in at most `few` rows takes its most recent matches through
    /// the index; a commoner one its matches among the `newest` rows, and when none of those
    /// match and the planner expects at most `many` rows, the first `recent` matches the index
    /// gives (the oldest: that reads about `recent` rows, not every match). Only a query
    /// expected in more than `many` rows may come back without candidates, when none of its
    /// matches is recent. The function runs without sequential scans, so each branch reads
    /// the index it is written for.
    static let searchCandidates = Migration("115_search_candidates", sql: """
        \(candidateFunction(table: "issues_fts", columns: [("id", "text")]))
        \(candidateFunction(table: "evidence_fts", columns: [("issue_id", "text"), ("source", "text")]))
        """)

    private static func candidateFunction(table: String, columns: [(name: String, type: String)]) -> String {
        let declared = (["seq bigint"] + columns.map { "\($0.name) \($0.type)" } + ["tsv tsvector"]).joined(separator: ", ")
        func selected(_ alias: String) -> String {
            (["seq"] + columns.map(\.name) + ["tsv"]).map { "\(alias).\($0)" }.joined(separator: ", ")
        }
        return """
            CREATE OR REPLACE FUNCTION \(table)_recent(query tsquery, recent bigint, few bigint, newest bigint, many bigint)
                RETURNS TABLE (\(declared)) LANGUAGE plpgsql VOLATILE SET enable_seqscan = off AS $$
            DECLARE
                plan jsonb;
                expected float8;
                found bigint;
            BEGIN
                EXECUTE 'EXPLAIN (FORMAT JSON) SELECT 1 FROM \(table) WHERE tsv @@ $1' INTO plan USING query;
                expected := (plan -> 0 -> 'Plan' ->> 'Plan Rows')::float8;
                IF expected <= few THEN
                    RETURN QUERY SELECT \(selected("f")) FROM \(table) AS f
                        WHERE f.tsv @@ query ORDER BY f.seq + 0 DESC LIMIT recent;
                    RETURN;
                END IF;
                RETURN QUERY SELECT \(selected("n")) FROM (
                    SELECT \(selected("f")) FROM \(table) AS f ORDER BY f.seq DESC LIMIT newest
                ) AS n WHERE n.tsv @@ query ORDER BY n.seq DESC LIMIT recent;
                GET DIAGNOSTICS found = ROW_COUNT;
                IF found = 0 AND expected <= many THEN
                    RETURN QUERY SELECT \(selected("f")) FROM \(table) AS f WHERE f.tsv @@ query LIMIT recent;
                END IF;
            END
            $$;
            """
    }

    private static let issuesFTSTable = """
        CREATE TABLE IF NOT EXISTS issues_fts (
            id text COLLATE "C" PRIMARY KEY,
            seq bigint GENERATED ALWAYS AS IDENTITY,
            tsv tsvector NOT NULL
        );
        CREATE INDEX IF NOT EXISTS idx_issues_fts_tsv ON issues_fts USING gin (tsv);
        CREATE INDEX IF NOT EXISTS idx_issues_fts_seq ON issues_fts (seq);
        """
}

/// A table whose text `evidence_fts` indexes, and how.
private struct PostgresEvidenceSource {
    let table: String
    /// What search results call it.
    let source: String
    /// The columns whose text is indexed, in order.
    let columns: [String]

    /// The four sources of 102.
    static let original = [
        PostgresEvidenceSource(table: "resolution_steps", source: "why", columns: ["why_question", "answer", "evidence"]),
        PostgresEvidenceSource(table: "timeline_events", source: "timeline", columns: ["description"]),
        PostgresEvidenceSource(table: "log_files", source: "log", columns: ["file_name"]),
        PostgresEvidenceSource(table: "image_attachments", source: "image", columns: ["file_name"]),
    ]

    /// The two sources 111 adds.
    static let incidents = [
        PostgresEvidenceSource(table: "incident_events", source: "incident", columns: ["description", "evidence"]),
        PostgresEvidenceSource(table: "action_items", source: "action", columns: ["description", "owner"]),
    ]

    /// SQLite's three triggers, by the same names, and the entries of the rows already there.
    var triggersAndFill: String {
        let arguments = ([source] + columns).map { "'\($0)'" }.joined(separator: ", ")
        let events = [("insert", "INSERT"), ("delete", "DELETE"),
                      ("update", "UPDATE OF id, issue_id, \(columns.joined(separator: ", "))")]
        let triggers = events.map { name, event in
            """
            CREATE OR REPLACE TRIGGER evidence_fts_\(table)_\(name) AFTER \(event) ON \(table)
                FOR EACH ROW EXECUTE FUNCTION evidence_fts_sync(\(arguments));
            """
        }
        let columnArray = "ARRAY[" + columns.map { "'\($0)'" }.joined(separator: ", ") + "]"
        return (triggers + ["SELECT evidence_fts_put('\(source)', to_jsonb(source_row), \(columnArray)) FROM \(table) AS source_row;"])
            .joined(separator: "\n")
    }
}
