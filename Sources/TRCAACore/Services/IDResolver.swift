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

    /// Short ids for a listing, as git abbreviates hashes: one length for the whole listing,
    /// the shortest (at least `minimumShortID`) at which every listed id differs from the
    /// others listed and, with `table`, from every other id of that table, so that `resolve`
    /// takes any of them back. Two index lookups per id.
    static func shortIDs(_ ids: [String], table: String?, in db: Database) throws -> [String] {
        var length = distinguishingLength(ids)
        if let table {
            let neighbours = try db.cachedStatement("""
                SELECT (SELECT max(id) FROM \(table) WHERE id < ?1), (SELECT min(id) FROM \(table) WHERE id > ?1)
                """)
            for id in ids {
                for case .text(let other) in try neighbours.firstRow([.text(id)])?.values ?? [] {
                    length = max(length, sharedPrefix(id, other) + 1)
                }
            }
        }
        return ids.map { String($0.prefix(length)) }
    }

    /// One more than the longest prefix two of `ids` share (neighbours once sorted), at least
    /// `minimumShortID`.
    static func distinguishingLength(_ ids: [String]) -> Int {
        let sorted = Set(ids).sorted()
        return zip(sorted, sorted.dropFirst()).reduce(minimumShortID) { max($0, sharedPrefix($1.0, $1.1) + 1) }
    }

    private static func sharedPrefix(_ a: String, _ b: String) -> Int { zip(a, b).prefix { $0 == $1 }.count }
}
