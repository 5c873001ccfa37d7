/// Where the schema of a migrated PostgreSQL store differs from a migrated SQLCipher store's on
/// purpose, each with its reason. The parity test fails on any other difference.
enum PostgresSchemaDifferences {
    /// FTS5's shadow tables: SQLite keeps a full-text index in them, PostgreSQL in the
    /// `tsvector` column of the full-text table and its GIN index.
    static let sqlcipherOnlyTables: Set<String> = [
        "issues_fts_config", "issues_fts_data", "issues_fts_docsize", "issues_fts_idx",
        "evidence_fts_config", "evidence_fts_content", "evidence_fts_data", "evidence_fts_docsize", "evidence_fts_idx",
    ]

    /// The full-text tables: FTS5 virtual tables in SQLite, ordinary tables of the same name in
    /// PostgreSQL (PostgresMigrationsFullText.swift), so they are compared by the columns each
    /// store's has. PostgreSQL's add `seq` (an identity in the place of FTS5's rowid, indexed
    /// for "most recent first") and `tsv` (the indexed text, GIN); `issues_fts` holds no copy of
    /// the title and description (FTS5's is external-content too: it reads them from
    /// `issues`), and an `evidence_fts` row names its source row (`source_id`) where FTS5
    /// derives a rowid from the source row's. Their constraints and indexes are PostgreSQL's own.
    static let fullTextColumns: [String: (sqlcipher: [String], postgres: [String])] = [
        "issues_fts": (["id", "title", "description"], ["id", "seq", "tsv"]),
        "evidence_fts": (["issue_id", "source", "text"], ["seq", "issue_id", "source", "text", "source_id", "tsv"]),
    ]

    /// Whether a SQLite column is compared as NOT NULL. SQLite lets NULL into a PRIMARY KEY
    /// column that is not an INTEGER PRIMARY KEY (a legacy quirk, so `pragma_table_info` says
    /// it may be NULL), PostgreSQL never: such a column counts as NOT NULL. No trcaa code writes
    /// a NULL key.
    static func sqlcipherNotNull(declared notNull: Bool, inPrimaryKey: Bool) -> Bool { notNull || inPrimaryKey }
}
