// trcaa's own migrations, numbered from 100 (SPEC §3). They add indexes, triggers and search
// tables and never change the meaning of a column of 001–022. Each is listed in the README.

extension Migration {
    /// Keeps `issues_fts` (010) in step with `issues` and indexes the rows already there.
    ///
    /// The index is keyed by the rowid of `issues`, which has no INTEGER PRIMARY KEY: a VACUUM
    /// may renumber rowids, so anything that vacuums must run `'rebuild'` afterwards. Writers
    /// must not use INSERT OR REPLACE on `issues` (its implicit delete fires no trigger).
    static let issuesFTSSync = Migration("100_issues_fts_sync", sql: """
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

extension Migrator {
    /// The original's 22 migrations in order, then trcaa's own.
    public static let trcaa = Migrator([
        .createIssues, .createLogFiles, .createPIISpans, .createAIConversations, .createAIMessages,
        .createResolutionSteps, .createDocuments, .createAuditLog, .createSettings, .issuesFTS,
        .createIntegrations, .auditHashChain, .imageAttachments, .createAIProviders, .addUseDatastoreUpload,
        .addCreatedAt, .createTimelineEvents, .mcpServers, .createSudoConfig, .addLogContentCompressed,
        .addImageData, .attachmentViews,
        .issuesFTSSync,
    ])

    /// Names of the original app's migrations 001–022.
    public static let originalNames: [String] = trcaa.migrations.map(\.name).filter { (Int($0.prefix(3)) ?? 0) <= 22 }
}
