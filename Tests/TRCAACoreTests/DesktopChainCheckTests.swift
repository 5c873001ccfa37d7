import Testing
@testable import TRCAACore
import TRCAAStore

/// The desktop's own chain rule (reference/trcaa-original.md §4, appendix A) on an audit_log
/// table shaped as the desktop leaves it.
@Suite struct DesktopChainCheckTests {
    private func source(hashColumns: Bool = true) throws -> Database {
        let db = try Database.open(path: ":memory:", passphrase: Passphrase(passphrase: ""))
        try db.execute("""
            CREATE TABLE audit_log (id TEXT PRIMARY KEY, timestamp TEXT NOT NULL, action TEXT NOT NULL,
                entity_type TEXT NOT NULL DEFAULT '', entity_id TEXT NOT NULL DEFAULT '', user_id TEXT NOT NULL DEFAULT 'local',
                details TEXT NOT NULL DEFAULT '{}'\(hashColumns ? ", prev_hash TEXT NOT NULL DEFAULT '', entry_hash TEXT NOT NULL DEFAULT ''" : ""))
            """)
        return db
    }

    /// Appendix A's two rows, after one row from before migration 012.
    private func appendixA(_ db: Database) throws {
        let first = "d16d83fa5fd0d556d6f30863b1e3a0cf2e6dadb7e93bf61dee21804d8f6845b1"
        try db.execute("""
            INSERT INTO audit_log (id, timestamp, action) VALUES ('00000000-0000-7000-8000-000000000000', '2024-12-31 09:00:00', 'upload_log_file');
            INSERT INTO audit_log VALUES ('01900000-0000-7000-8000-000000000001', '2025-01-15 10:00:00', 'upload_log_file',
                'log_file', 'lf-1', 'local', '{"issue_id":"i-1","file_name":"app.log"}', '', '\(first)');
            INSERT INTO audit_log VALUES ('01900000-0000-7000-8000-000000000002', '2025-01-15 10:00:05', 'rca_generated',
                'issue', 'i-1', 'local', '{"description":"RCA document generated","metadata":"{}"}', '\(first)',
                'c2fe0102590bb888de0897baaa836e8c4344d1ae83692902dbabebd7e3111799');
            """)
    }

    @Test func theAppendixVectorIsIntact() throws {
        let db = try source()
        try appendixA(db)
        let check = try DesktopChainCheck.verify(db)
        #expect(check.state == .intact && check.verifiedEntries == 2 && check.unhashedEntries == 1)
        #expect(check.headHash == "c2fe0102590bb888de0897baaa836e8c4344d1ae83692902dbabebd7e3111799")
        #expect(check.summary == "intact (2 entries; 1 from before 012 without hashes)")
    }

    @Test func anEditedOrDeletedRowBreaksItThere() throws {
        let edited = try source()
        try appendixA(edited)
        try edited.execute("UPDATE audit_log SET details = '{}' WHERE id = '01900000-0000-7000-8000-000000000002'")
        #expect(try DesktopChainCheck.verify(edited).brokenAt == 2)
        let deleted = try source()
        try appendixA(deleted)
        try deleted.execute("DELETE FROM audit_log WHERE id = '01900000-0000-7000-8000-000000000001'")
        let check = try DesktopChainCheck.verify(deleted)
        #expect(check.state == .broken && check.brokenAt == 1 && check.brokenEntryId == "01900000-0000-7000-8000-000000000002")
    }

    @Test func beforeMigration012ThereAreNoHashes() throws {
        let db = try source(hashColumns: false)
        try db.execute("INSERT INTO audit_log (id, timestamp, action) VALUES ('a', '2024-12-31 09:00:00', 'upload_log_file')")
        let check = try DesktopChainCheck.verify(db)
        #expect(check.state == .noHashes && check.unhashedEntries == 1)
        #expect(check.summary == "no hashes before 012 (1 entry, none hashed)")
    }
}
