import TRCAAStore

extension AuditChain {
    /// What each entry changed, named as people type it: an issue by its key (`#42`), a log,
    /// document or image by its place (`#42/L1`), anything else — a why, a reviewed PII span,
    /// or what no longer exists — by a short id unique among `entries`, in its table (so that
    /// it names one row wherever an id is asked for) and among every entity the audit log
    /// holds (so that `audit list --entity` takes it back alone). Keyed by entity id.
    public func entityNames(_ entries: [AuditEntry]) throws -> [String: String] {
        let db = context.database
        var names: [String: String] = [:]
        var unnamed: [String: [String]] = [:]  // table ("" for none) → ids
        var seen = Set<String>()
        for entry in entries where seen.insert(entry.entityId).inserted {
            let part: IssuePart? = switch entry.entityType {
            case "log_file": .log
            case "document": .document
            case "image_attachment": .image
            default: nil
            }
            let name: String? = switch entry.entityType {
            case "issue": try? IssueService(context: context).key(entry.entityId)
            default: part.flatMap { try? $0.reference(of: entry.entityId, in: db) }
            }
            if let name {
                names[entry.entityId] = name
            } else {
                unnamed[Self.table(of: entry.entityType, part: part), default: []].append(entry.entityId)
            }
        }
        let ids = unnamed.values.flatMap { $0 }
        var length = IDResolver.distinguishingLength(ids)
        for (table, ids) in unnamed where !table.isEmpty {
            length = max(length, try IDResolver.shortIDs(ids, table: table, in: db).first?.count ?? 0)
        }
        length = try lengthAmongAuditedEntities(ids, atLeast: length)
        for id in ids { names[id] = String(id.prefix(length)) }
        return names
    }

    /// The shortest length from `length` at which no other entity id of the audit log starts
    /// as one of `ids` does: ids made in the same few milliseconds (a why and whatever was
    /// recorded with it) share their first dozen characters.
    private func lengthAmongAuditedEntities(_ ids: [String], atLeast length: Int) throws -> Int {
        guard !ids.isEmpty else { return length }
        let db = context.database
        let prefixes = Set(ids.map { String($0.prefix(length)) }).map(JSONText.string)
        let sharing = try db.cachedStatement("""
            SELECT DISTINCT entity_id FROM audit_log WHERE substr(entity_id, 1, CAST(? AS INTEGER)) IN (\(db.dialect.jsonTextArrayElements("?")))
            """).rows([.integer(Int64(length)), .text(JSONText.array(prefixes).rendered)])
            .compactMap { row -> String? in if case .text(let id) = row[0] { id } else { nil } }
        let listed = Set(ids)
        let others = sharing.filter { !listed.contains($0) }
        return others.isEmpty ? length : max(length, IDResolver.distinguishingLength(ids + others))
    }

    /// The table whose ids an entity type names, "" for none.
    private static func table(of entityType: String, part: IssuePart?) -> String {
        switch entityType {
        case "issue": "issues"
        case "resolution_step": "resolution_steps"
        case "pii_span": "pii_spans"
        default: part?.table ?? ""
        }
    }
}
