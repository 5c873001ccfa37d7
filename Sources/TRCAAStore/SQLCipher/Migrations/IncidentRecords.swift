extension Migration {
    /// What the incident report is made of beyond the original's schema: events in incident
    /// time (`incident_events`; the original's `timeline_events` stay the app's own record of
    /// the triage) and follow-ups (`action_items`). Both belong to an issue and go with it.
    static let incidentRecords = Migration("110_incident_records", sql: """
        CREATE TABLE IF NOT EXISTS incident_events (
            id TEXT PRIMARY KEY,
            issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            occurred_at TEXT NOT NULL,
            kind TEXT NOT NULL CHECK (kind IN ('impact_started', 'detected', 'mitigated', 'resolved', 'note')),
            description TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '',
            log_file_id TEXT REFERENCES log_files(id) ON DELETE SET NULL,
            line_number INTEGER,
            created_at TEXT NOT NULL,
            created_by TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX IF NOT EXISTS idx_incident_events_issue ON incident_events(issue_id, occurred_at);
        CREATE TABLE IF NOT EXISTS action_items (
            id TEXT PRIMARY KEY,
            issue_id TEXT NOT NULL REFERENCES issues(id) ON DELETE CASCADE,
            description TEXT NOT NULL,
            owner TEXT NOT NULL DEFAULT '',
            due_date TEXT NOT NULL DEFAULT '',
            priority TEXT NOT NULL DEFAULT 'P2' CHECK (priority IN ('P0', 'P1', 'P2', 'P3')),
            status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped')),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS idx_action_items_issue ON action_items(issue_id, created_at);
        CREATE INDEX IF NOT EXISTS idx_action_items_status ON action_items(status, due_date);
        """)
}
