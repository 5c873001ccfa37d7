// trcaa's own migrations, numbered from 100 (SPEC §3). They add indexes, triggers and search
// tables and never change the meaning of a column of 001–022. Each is listed in the README.

extension Migration {
    /// Keeps `issues_fts` (010) in step with `issues` and indexes the rows already there.
    ///
    /// The table is recreated with the same name and columns plus prefix indexes for 1–3
    /// characters, so that search-as-you-type reads one doclist instead of merging every term
    /// that starts with what was typed.
    ///
    /// The index is keyed by the rowid of `issues`, which has no INTEGER PRIMARY KEY: a VACUUM
    /// may renumber rowids, so anything that vacuums must run `'rebuild'` afterwards. Writers
    /// must not use INSERT OR REPLACE on `issues` (its implicit delete fires no trigger).
    static let issuesFTSSync = Migration("100_issues_fts_sync", sql: """
        DROP TABLE IF EXISTS issues_fts;
        CREATE VIRTUAL TABLE issues_fts USING fts5(
            id UNINDEXED, title, description, content='issues', content_rowid='rowid', prefix='1 2 3'
        );
        CREATE TRIGGER IF NOT EXISTS issues_fts_after_insert AFTER INSERT ON issues BEGIN
            INSERT INTO issues_fts(rowid, id, title, description)
            VALUES (new.rowid, new.id, new.title, new.description);
        END;
        CREATE TRIGGER IF NOT EXISTS issues_fts_after_delete AFTER DELETE ON issues BEGIN
            INSERT INTO issues_fts(issues_fts, rowid, id, title, description)
            VALUES ('delete', old.rowid, old.id, old.title, old.description);
        END;
        CREATE TRIGGER IF NOT EXISTS issues_fts_after_update AFTER UPDATE OF id, title, description ON issues BEGIN
            INSERT INTO issues_fts(issues_fts, rowid, id, title, description)
            VALUES ('delete', old.rowid, old.id, old.title, old.description);
            INSERT INTO issues_fts(rowid, id, title, description)
            VALUES (new.rowid, new.id, new.title, new.description);
        END;
        INSERT INTO issues_fts(issues_fts) VALUES ('rebuild');
        """)
}

extension Migration {
    /// Indexes for lists of 100 000 issues, per-issue children and the audit chain order.
    static let indexes = Migration("101_indexes", sql: """
        CREATE INDEX IF NOT EXISTS idx_issues_updated_at ON issues(updated_at);
        CREATE INDEX IF NOT EXISTS idx_issues_created_at ON issues(created_at);
        CREATE INDEX IF NOT EXISTS idx_issues_status_updated ON issues(status, updated_at);
        CREATE INDEX IF NOT EXISTS idx_issues_severity_updated ON issues(severity, updated_at);
        CREATE INDEX IF NOT EXISTS idx_resolution_steps_issue ON resolution_steps(issue_id, step_order);
        CREATE INDEX IF NOT EXISTS idx_log_files_issue ON log_files(issue_id);
        CREATE INDEX IF NOT EXISTS idx_image_attachments_issue ON image_attachments(issue_id);
        CREATE INDEX IF NOT EXISTS idx_pii_spans_log ON pii_spans(log_file_id, start_offset);
        CREATE INDEX IF NOT EXISTS idx_documents_issue ON documents(issue_id, doc_type);
        CREATE INDEX IF NOT EXISTS idx_audit_log_chain ON audit_log(timestamp, id);
        """)

    /// Full-text index of the text around an issue: 5-Whys (question, answer, evidence),
    /// timeline descriptions and attachment file names, kept in step by triggers.
    ///
    /// Row ids are `source rowid * 4 + kind` (0 why, 1 timeline, 2 log, 3 image), so an update
    /// or delete finds its entry by rowid. Like 100_, anything that vacuums must rebuild.
    static let evidenceFTS = Migration("102_evidence_fts", sql: """
        CREATE VIRTUAL TABLE IF NOT EXISTS evidence_fts USING fts5(
            issue_id UNINDEXED, source UNINDEXED, text, prefix='1 2 3'
        );
        \(evidenceTriggers(table: "resolution_steps", kind: 0, source: "why",
                           columns: "why_question, answer, evidence",
                           text: "new.why_question || char(10) || new.answer || char(10) || new.evidence"))
        \(evidenceTriggers(table: "timeline_events", kind: 1, source: "timeline", columns: "description",
                           text: "new.description"))
        \(evidenceTriggers(table: "log_files", kind: 2, source: "log", columns: "file_name", text: "new.file_name"))
        \(evidenceTriggers(table: "image_attachments", kind: 3, source: "image", columns: "file_name",
                           text: "new.file_name"))
        INSERT INTO evidence_fts(rowid, issue_id, source, text)
            SELECT rowid * 4 + 0, issue_id, 'why', why_question || char(10) || answer || char(10) || evidence
            FROM resolution_steps;
        INSERT INTO evidence_fts(rowid, issue_id, source, text)
            SELECT rowid * 4 + 1, issue_id, 'timeline', description FROM timeline_events;
        INSERT INTO evidence_fts(rowid, issue_id, source, text) SELECT rowid * 4 + 2, issue_id, 'log', file_name FROM log_files;
        INSERT INTO evidence_fts(rowid, issue_id, source, text)
            SELECT rowid * 4 + 3, issue_id, 'image', file_name FROM image_attachments;
        """)

    private static func evidenceTriggers(table: String, kind: Int, source: String, columns: String, text: String)
        -> String
    {
        """
        CREATE TRIGGER IF NOT EXISTS evidence_fts_\(table)_insert AFTER INSERT ON \(table) BEGIN
            INSERT INTO evidence_fts(rowid, issue_id, source, text)
            VALUES (new.rowid * 4 + \(kind), new.issue_id, '\(source)', \(text));
        END;
        CREATE TRIGGER IF NOT EXISTS evidence_fts_\(table)_delete AFTER DELETE ON \(table) BEGIN
            DELETE FROM evidence_fts WHERE rowid = old.rowid * 4 + \(kind);
        END;
        CREATE TRIGGER IF NOT EXISTS evidence_fts_\(table)_update AFTER UPDATE OF issue_id, \(columns) ON \(table) BEGIN
            DELETE FROM evidence_fts WHERE rowid = old.rowid * 4 + \(kind);
            INSERT INTO evidence_fts(rowid, issue_id, source, text)
            VALUES (new.rowid * 4 + \(kind), new.issue_id, '\(source)', \(text));
        END;
        """
    }

    /// The hash of each document's content as last generated, so a regeneration can tell
    /// whether the user has edited it since.
    static let documentGenerations = Migration("103_document_generations", sql: """
        CREATE TABLE IF NOT EXISTS document_generations (
            document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
            generated_sha256 TEXT NOT NULL,
            generated_at INTEGER NOT NULL
        );
        """)
}

extension Migration {
    /// Random access into stored logs. `content_compressed` is one gzip member whose deflate
    /// stream is fully flushed every ~1 MiB; each flush point is a block a reader can start
    /// inflating at. Per block: where it starts in both the text and the compressed bytes, the
    /// line its first byte belongs to, whether it starts inside a line, and its error and
    /// warning lines. Per log: the totals, and the PII spans per type (a JSON object kept in
    /// step by import, dismissal and purge), so lists never count millions of spans.
    static let logIndex = Migration("104_log_index", sql: """
        CREATE TABLE IF NOT EXISTS log_blocks (
            log_file_id TEXT NOT NULL REFERENCES log_files(id) ON DELETE CASCADE,
            block INTEGER NOT NULL,
            uncompressed_offset INTEGER NOT NULL,
            compressed_offset INTEGER NOT NULL,
            first_line INTEGER NOT NULL,
            continues_line INTEGER NOT NULL,
            error_count INTEGER NOT NULL DEFAULT 0,
            warning_count INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (log_file_id, block)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS log_stats (
            log_file_id TEXT PRIMARY KEY REFERENCES log_files(id) ON DELETE CASCADE,
            line_count INTEGER NOT NULL,
            compressed_size INTEGER NOT NULL,
            block_count INTEGER NOT NULL,
            error_count INTEGER NOT NULL DEFAULT 0,
            warning_count INTEGER NOT NULL DEFAULT 0,
            source_compressed INTEGER NOT NULL DEFAULT 0,
            pii_counts TEXT NOT NULL DEFAULT '{}'
        );
        """)
}

extension Migration {
    /// One index per list order, ending in `id` like the ORDER BY it serves, so that a page deep
    /// in 100 000 issues (`OFFSET 99800`) walks the index alone instead of looking up every row
    /// it skips; the reversed order walks the same index backwards. They replace 101's
    /// single-column sort indexes.
    static let listOrderIndexes = Migration("105_list_order_indexes", sql: """
        CREATE INDEX IF NOT EXISTS idx_issues_updated_order ON issues(updated_at, id);
        CREATE INDEX IF NOT EXISTS idx_issues_created_order ON issues(created_at, id);
        CREATE INDEX IF NOT EXISTS idx_issues_severity_order ON issues(severity, updated_at DESC, id DESC);
        DROP INDEX IF EXISTS idx_issues_updated_at;
        DROP INDEX IF EXISTS idx_issues_created_at;
        DROP INDEX IF EXISTS idx_issues_severity_updated;
        """)
}

extension Migration {
    /// Every store records the head of its audit chain (`settings.audit_chain_head`: the newest
    /// entry's id and hash and the number of hashed entries), so that a missing head is itself
    /// a sign of tampering. A store without one (the original app's, or one with no entry yet)
    /// adopts its chain's current end; a head written before the count was kept gets its count
    /// when its entry still exists (otherwise verification reports the truncation it shows).
    static let auditChainHead = Migration("106_audit_chain_head", sql: """
        INSERT INTO settings (key, value, updated_at)
        SELECT 'audit_chain_head',
               json_object('id', COALESCE(newest.id, ''), 'entry_hash', COALESCE(newest.entry_hash, ''),
                           'count', (SELECT count(*) FROM audit_log WHERE entry_hash <> '')),
               datetime('now')
        FROM (SELECT 1) LEFT JOIN (
            SELECT id, entry_hash FROM audit_log WHERE entry_hash <> '' ORDER BY timestamp DESC, id DESC LIMIT 1
        ) AS newest
        WHERE NOT EXISTS (SELECT 1 FROM settings WHERE key = 'audit_chain_head');

        UPDATE settings SET value = json_set(value, '$.count', (
            SELECT count(*) FROM audit_log AS entry, audit_log AS head
            WHERE head.id = json_extract(settings.value, '$.id') AND entry.entry_hash <> ''
              AND (entry.timestamp < head.timestamp OR (entry.timestamp = head.timestamp AND entry.id <= head.id))))
        WHERE key = 'audit_chain_head' AND json_valid(value) AND json_type(value, '$.count') IS NULL
          AND EXISTS (SELECT 1 FROM audit_log WHERE id = json_extract(settings.value, '$.id'));
        """)
}

extension Migration {
    /// A small number for every issue (`#42`), for people to say and type. AUTOINCREMENT
    /// never hands out a number again, even after the newest issue is deleted; the trigger
    /// numbers an issue in the transaction that creates it, whoever inserts it. Issues already
    /// there are numbered by creation time. The UUID stays the key everything else uses.
    static let issueNumbers = Migration("107_issue_numbers", sql: """
        CREATE TABLE IF NOT EXISTS issue_numbers (
            number INTEGER PRIMARY KEY AUTOINCREMENT,
            issue_id TEXT NOT NULL UNIQUE REFERENCES issues(id) ON DELETE CASCADE
        );
        INSERT INTO issue_numbers (issue_id)
        SELECT id FROM issues WHERE id NOT IN (SELECT issue_id FROM issue_numbers) ORDER BY created_at, id;
        CREATE TRIGGER IF NOT EXISTS issues_numbered AFTER INSERT ON issues BEGIN
            INSERT INTO issue_numbers (issue_id) VALUES (new.id);
        END;
        """)
}
