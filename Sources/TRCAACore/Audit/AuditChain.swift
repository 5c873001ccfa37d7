import Foundation
import TRCAAStore

/// The tamper-evident audit log (SPEC §5): every change trcaa makes appends one row whose
/// `entry_hash` covers the previous row's hash, in chain order (timestamp, id).
public struct AuditChain {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// The settings key under which the newest row and the number of rows are recorded, so
    /// that removing rows from the end of the chain is detected too (migration 106 makes sure
    /// every store has it).
    static let headKey = "audit_chain_head"

    /// The `count` of a recorded head (`{"id": …, "entry_hash": …, "count": …}`), 0 when it
    /// has none. Text that is not JSON fails as SQLite's `json_extract` did: appends stop
    /// rather than cover a damaged head with a new one.
    static func recordedCount(_ json: String) throws -> Int {
        guard let value = try? JSONSerialization.jsonObject(with: Data(json.utf8), options: [.fragmentsAllowed]) else {
            throw StoreError.sqlite(SQLiteFailure(code: 1, message: "malformed JSON", sql: nil))
        }
        return ((value as? [String: Any])?["count"] as? Int) ?? 0
    }

    /// Appends a row. Call inside the write transaction of the change it records: the chain
    /// head is read and extended under the same lock, so concurrent writers stay linear.
    ///
    /// The timestamp never goes below the head's and the id is made greater than the head's,
    /// so a clock that steps back cannot put the new row before the old ones. The recorded
    /// count goes on from the recorded head, so a chain cut before this append still shows.
    @discardableResult
    func append(action: String, entityType: String, entityId: String, details: JSONText, in db: Database) throws
        -> AuditEntry
    {
        let now = context.clock.now()
        let head = try db.cachedStatement("""
            SELECT id, timestamp, entry_hash FROM audit_log WHERE entry_hash <> ''
            ORDER BY timestamp DESC, id DESC LIMIT 1
            """).firstRow()
        let headTimestamp: String? = try head?.decode("timestamp")
        var entry = AuditEntry(
            id: UUIDv7.next(at: now, after: try head?.decode("id", as: String.self)),
            timestamp: max(Timestamp.format(now), headTimestamp ?? ""),
            action: action, entityType: entityType, entityId: entityId, userId: context.user,
            details: details.rendered, prevHash: try head?.decode("entry_hash") ?? "", entryHash: "")
        entry.entryHash = entry.computedHash
        try db.cachedStatement("INSERT INTO audit_log (\(AuditEntry.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)").run([
            .text(entry.id), .text(entry.timestamp), .text(entry.action), .text(entry.entityType),
            .text(entry.entityId), .text(entry.userId), .text(entry.details), .text(entry.prevHash),
            .text(entry.entryHash),
        ])
        let recorded = try db.cachedStatement("SELECT value FROM settings WHERE key = ?")
            .firstRow([.text(Self.headKey)]).flatMap { try $0.decode(at: 0, as: String?.self) }
        let count = try recorded.map(Self.recordedCount) ?? 0
        let headValue = JSONText.object([
            ("id", .string(entry.id)), ("entry_hash", .string(entry.entryHash)), ("count", .int(Int64(count + 1))),
        ])
        try db.cachedStatement("""
            INSERT INTO settings (key, value, updated_at) VALUES (?1, ?2, ?3)
            ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at
            """).run([.text(Self.headKey), .text(headValue.rendered), .text(entry.timestamp)])
        return entry
    }

    /// Records a change that has no transaction of its own yet (a rekey).
    public func record(action: String, entityType: String, entityId: String, details: JSONText) throws {
        try context.database.write { db in
            _ = try append(action: action, entityType: entityType, entityId: entityId, details: details, in: db)
        }
    }

    /// Rows newest first, filtered.
    public func list(_ filter: AuditFilter = AuditFilter()) throws -> [AuditEntry] {
        var conditions: [String] = []
        var arguments: [SQLValue] = []
        if let action = filter.action {
            conditions.append("action = ?")
            arguments.append(.text(action))
        }
        if let entity = filter.entity {
            let idPrefix = context.database.dialect.caseInsensitiveLike("entity_id", pattern: "?")
            conditions.append("(entity_type = ? OR entity_id = ? OR \(idPrefix))")
            arguments += [.text(entity), .text(entity), .text(SQLLike.prefix(entity))]
        }
        if let since = filter.since {
            conditions.append("timestamp >= ?")
            arguments.append(.text(since))
        }
        if let until = filter.until {
            conditions.append("timestamp <= ?")
            arguments.append(.text(until))
        }
        let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        arguments += [.integer(Int64(filter.limit)), .integer(Int64(filter.offset))]
        return try context.database.rows("""
            SELECT \(AuditEntry.columns) FROM audit_log \(whereClause)
            ORDER BY timestamp DESC, id DESC LIMIT ? OFFSET ?
            """, arguments).map(AuditEntry.init(row:))
    }
}

/// Which audit rows to list.
public struct AuditFilter: Sendable {
    public var action: String?
    /// An entity type (`issue`) or an entity id or id prefix.
    public var entity: String?
    /// Inclusive bounds on `timestamp` (`YYYY-MM-DD` or `YYYY-MM-DD HH:MM:SS`).
    public var since: String?
    public var until: String?
    public var limit = 100
    public var offset = 0

    public init(action: String? = nil, entity: String? = nil, since: String? = nil, until: String? = nil,
                limit: Int = 100, offset: Int = 0) {
        self.action = action
        self.entity = entity
        self.since = since
        self.until = until
        self.limit = limit
        self.offset = offset
    }
}
