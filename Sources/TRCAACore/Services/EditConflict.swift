import TRCAAStore

/// Edits made on a copy that has gone stale. An editor (a form, `$EDITOR`, a picker) shows a
/// copy of what is stored; another process or a teammate may change it before the edit is
/// saved. An edit that carries what its editor saw is refused when a field it sets was
/// changed since — unless the field now holds what the edit writes — so nobody's change is
/// overwritten silently. A field the edit leaves as the editor showed it is not set at all:
/// it neither conflicts nor writes the old value back over a newer one. The caller may save
/// again without the copy: overwrite.
struct EditConflict {
    /// A field an edit sets: its name as a person reads it ("the title"), what the editor saw,
    /// what is stored now and what the edit writes.
    struct Field {
        var name: String
        var seen: String
        var stored: String
        var new: String?
    }

    /// The value to write: nil when the edit leaves the field as the editor showed it.
    static func changed<Value: Equatable>(_ new: Value?, seen: Value) -> Value? { new == seen ? nil : new }

    /// - throws: `TriageError.editConflict` for the first field changed since it was seen,
    ///   naming who changed `entityType`/`entityId` last and when, from the audit log.
    static func check(_ fields: [Field], entityType: String, entityId: String, in db: Database) throws {
        guard let field = fields.first(where: { $0.new != nil && $0.new != $0.seen && $0.stored != $0.seen && $0.stored != $0.new })
        else { return }
        let last = try db.row("""
            SELECT user_id, timestamp FROM audit_log WHERE entity_type = ? AND entity_id = ?
            ORDER BY timestamp DESC, id DESC LIMIT 1
            """, [.text(entityType), .text(entityId)])
        throw TriageError.editConflict(field: field.name, by: try last?.decode(at: 0, as: String.self) ?? "someone",
                                       at: try last?.decode(at: 1, as: String.self) ?? "")
    }
}
