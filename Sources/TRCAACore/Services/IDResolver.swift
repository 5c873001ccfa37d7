import TRCAAStore

/// Ids as people type them: a unique prefix of at least 4 characters (SPEC §4).
enum IDResolver {
    static let minimumPrefix = 4
    /// Short ids shown in lists are at least this long.
    static let minimumShortID = 8

    /// The full id of the only row of `table` whose id starts with `input`.
    ///
    /// - throws: `TriageError.idTooShort`, `.unknownID`, `.ambiguousID` (with up to 10 candidates).
    static func resolve(_ input: String, table: String, kind: String, in db: Database) throws -> String {
        let prefix = input.lowercased()
        guard prefix.count >= minimumPrefix else { throw TriageError.idTooShort(prefix: input) }
        let matches = try db.cachedStatement("SELECT id FROM \(table) WHERE id >= ?1 AND id < ?2 ORDER BY id LIMIT 11")
            .rows([.text(prefix), .text(prefix + "\u{FFFF}")]).map { try $0.decode(at: 0, as: String.self) }
        switch matches.count {
        case 0: throw TriageError.unknownID(kind: kind, prefix: input)
        case 1: return matches[0]
        default: throw TriageError.ambiguousID(kind: kind, prefix: input, candidates: Array(matches.prefix(10)))
        }
    }

    /// Throws `unknownID` unless a row with exactly this id exists.
    static func requireExists(_ id: String, table: String, kind: String, in db: Database) throws {
        guard try db.cachedStatement("SELECT 1 FROM \(table) WHERE id = ?").firstRow([.text(id)]) != nil else {
            throw TriageError.unknownID(kind: kind, prefix: id)
        }
    }

    /// The shortest prefix (at least 8 characters) that tells `id` apart from its neighbours
    /// in `table`, as git abbreviates hashes. Two index lookups per id.
    static func shortID(_ id: String, table: String, in db: Database) throws -> String {
        let neighbours = try db.cachedStatement("""
            SELECT (SELECT max(id) FROM \(table) WHERE id < ?1), (SELECT min(id) FROM \(table) WHERE id > ?1)
            """).firstRow([.text(id)])?.values ?? []
        let shared = neighbours.compactMap { value -> Int? in
            guard case .text(let other) = value else { return nil }
            return zip(id, other).prefix { $0 == $1 }.count
        }.max() ?? 0
        return String(id.prefix(max(minimumShortID, shared + 1)))
    }
}
