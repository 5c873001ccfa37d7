/// A row of `audit_log`, one link of the hash chain.
public struct AuditEntry: Sendable, Equatable, Codable {
    public var id: String
    @ISOTimestamp public var timestamp: String
    public var action: String
    public var entityType: String
    public var entityId: String
    public var userId: String
    /// Compact JSON text, hashed as stored.
    public var details: String
    public var prevHash: String
    public var entryHash: String

    static let columns = "id, timestamp, action, entity_type, entity_id, user_id, details, prev_hash, entry_hash"

    /// `sha256_hex(prev_hash|id|timestamp|action|entity_type|entity_id|user_id|details)`, the
    /// original's formula.
    public var computedHash: String {
        SHA256.hex([prevHash, id, timestamp, action, entityType, entityId, userId, details].joined(separator: "|"))
    }
}
