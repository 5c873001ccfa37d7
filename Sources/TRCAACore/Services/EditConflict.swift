import TRCAAStore

/// Edits made on a copy that has gone stale. An editor (a form, `$EDITOR`, a picker) shows a
/// copy of what is stored; another process or a teammate may change it before the edit is
/// saved. An edit that carries what its editor saw is refused when a field it sets was
/// changed since — unless the field now holds what the edit writes — so nobody's change is
/// overwritten silently. The caller may then save again without the copy: overwrite.
struct EditConflict {
    /// A field an edit sets: its name as the audit log writes it, what the editor saw, what
    /// is stored now and what the edit writes.
    struct Field {
        var name: String
        var seen: String
        var stored: String
        var new: String?
    }

    /// - throws: `TriageError.editConflict` for the first field changed since it was seen,
    ///   naming who changed `entityType`/`entityId` last and when, from the audit log.
    static func check(_ fields: [Field], entityType: String, entityId: String, in db: Database) throws {
        guard let field = fields.first(where: { $0.new != nil && $0.stored != $0.seen && $0.stored != $0.new }) else { return }
        let last = try db.row("""
            SELECT user_id, timestamp FROM audit_log WHERE entity_type = ? AND entity_id = ?
            ORDER BY timestamp DESC, id DESC LIMIT 1
            """, [.text(entityType), .text(entityId)])
        throw TriageError.editConflict(field: field.name, by: try last?.decode(at: 0, as: String.self) ?? "someone",
                                       at: try last?.decode(at: 1, as: String.self) ?? "")
    }
}
