import TRCAAStore

/// The desktop app's audit chain, verified with its own rule (reference/trcaa-original.md
/// §4): rows with an `entry_hash`, in (timestamp, id) order, each hashing
/// `prev_hash|id|timestamp|action|entity_type|entity_id|user_id|details` and linking to the
/// one before (the first to `''`); rows from before migration 012 have no hash and are skipped.
public struct DesktopChainCheck: Sendable, Equatable, Encodable {
    public enum State: String, Sendable, Encodable {
        case intact
        /// A row was edited, deleted, inserted or moved.
        case broken
        /// Rows but no hashes: the database predates migration 012.
        case noHashes = "no_hashes"
        /// No audit rows at all.
        case empty
    }

    public var state: State
    /// Hashed rows that hold, up to the break.
    public var verifiedEntries: Int
    /// Rows without a hash (from before 012).
    public var unhashedEntries: Int
    /// 1-based position of the first broken hashed row, and its id.
    public var brokenAt: Int?
    public var brokenEntryId: String?
    /// The last hashed row's hash, when the chain is intact.
    public var headHash: String?

    /// One line: `intact (12 entries; 3 from before 012 without hashes)`, `broken at entry 5 (…)`…
    public var summary: String {
        let unhashed = unhashedEntries > 0 ? "; \(unhashedEntries) from before 012 without hashes" : ""
        switch state {
        case .intact: return "intact (\(counted(verifiedEntries, "entry", plural: "entries"))\(unhashed))"
        case .broken:
            return "broken at entry \(brokenAt ?? 0) (\(brokenEntryId ?? "")): it was edited, or an entry was deleted, "
                + "inserted or moved there\(unhashed)"
        case .noHashes: return "no hashes before 012 (\(counted(unhashedEntries, "entry", plural: "entries")), none hashed)"
        case .empty: return "empty (no audit entries)"
        }
    }

    /// Walks the source's `audit_log` (a database without the hash columns has only
    /// unhashed rows).
    public static func verify(_ source: Database) throws -> DesktopChainCheck {
        var check = DesktopChainCheck(state: .empty, verifiedEntries: 0, unhashedEntries: 0)
        guard try source.schemaObjectExists("audit_log", type: .table) else { return check }
        let total = try source.scalar("SELECT count(*) FROM audit_log", as: Int.self) ?? 0
        guard try source.columns(of: "audit_log").contains("entry_hash") else {
            check.unhashedEntries = total
            check.state = total == 0 ? .empty : .noHashes
            return check
        }
        check.unhashedEntries = try source.scalar("SELECT count(*) FROM audit_log WHERE entry_hash = ''", as: Int.self) ?? 0
        // The desktop app writes every column; a NULL hashes as the empty string would.
        let statement = try source.prepare("""
            SELECT id, timestamp, action, coalesce(entity_type, '') AS entity_type, coalesce(entity_id, '') AS entity_id,
                   coalesce(user_id, '') AS user_id, coalesce(details, '') AS details, prev_hash, entry_hash
            FROM audit_log WHERE entry_hash <> '' ORDER BY timestamp, id
            """)
        var previous = ""
        while try statement.step() {
            let entry = try AuditEntry(row: statement.row())
            guard entry.prevHash == previous, entry.computedHash == entry.entryHash else {
                check.state = .broken
                check.brokenAt = check.verifiedEntries + 1
                check.brokenEntryId = entry.id
                return check
            }
            previous = entry.entryHash
            check.verifiedEntries += 1
        }
        check.headHash = previous.isEmpty ? nil : previous
        check.state = check.verifiedEntries > 0 ? .intact : (total == 0 ? .empty : .noHashes)
        return check
    }
}
