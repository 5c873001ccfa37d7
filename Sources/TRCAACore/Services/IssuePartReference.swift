import Foundation
import TRCAAStore

/// What belongs to an issue, named by its place in it: `42/L1` is issue 42's first log,
/// `#42/D2` its second document, `OPS-42/I1` its first image (oldest first). The issue part
/// takes every form an issue key takes (`IssueKey`). Nothing of an issue is deleted but with
/// the issue itself, so these names do not shift.
public enum IssuePart: Character, Sendable {
    case log = "L"
    case document = "D"
    case image = "I"

    var table: String {
        switch self {
        case .log: "log_files"
        case .document: "documents"
        case .image: "image_attachments"
        }
    }

    /// The column that orders an issue's parts, oldest first (ties by id).
    private var timeColumn: String { self == .document ? "created_at" : "uploaded_at" }

    /// The id `reference` names, or `nil` when it is not written as `<issue>/<letter><n>`.
    ///
    /// - throws: `TriageError.unknownID` when the issue or its part does not exist.
    func resolve(_ reference: String, in db: Database) throws -> String? {
        guard let slash = reference.lastIndex(of: "/") else { return nil }
        let place = reference[reference.index(after: slash)...]
        guard place.first?.uppercased() == String(rawValue), let ordinal = Int(place.dropFirst()), ordinal > 0 else {
            return nil
        }
        let issueId = try IssueKey.resolve(String(reference[..<slash]), in: db)
        guard let id = try db.cachedStatement("""
            SELECT id FROM \(table) WHERE issue_id = ? ORDER BY \(timeColumn), id LIMIT 1 OFFSET ?
            """).firstRow([.text(issueId), .integer(Int64(ordinal - 1))]).map({ try $0.decode(at: 0, as: String.self) })
        else { throw TriageError.unknownID(kind: kindName, prefix: reference) }
        return id
    }

    /// `#42/L1` for the part `id`.
    func reference(of id: String, in db: Database) throws -> String {
        guard let row = try db.cachedStatement("""
            SELECT (SELECT count(*) FROM \(table) other WHERE other.issue_id = part.issue_id
                      AND (other.\(timeColumn), other.id) <= (part.\(timeColumn), part.id)) AS ordinal,
                   (SELECT number FROM issue_numbers WHERE issue_id = part.issue_id) AS number,
                   \(IssueKey.prefixColumn)
            FROM \(table) part WHERE part.id = ?
            """).firstRow([.text(id)]) else { throw TriageError.unknownID(kind: kindName, prefix: id) }
        let number = try row.decode("number", as: Int?.self).map(String.init) ?? "?"
        return "\(try row.decode("key_prefix", as: String.self))\(number)/\(rawValue)\(try row.decode("ordinal", as: Int.self))"
    }

    /// The id for what a person typed: `42/L1`, `#42/L1`, `OPS-42/L1`, or a unique prefix of the id.
    func resolveAny(_ reference: String, in db: Database) throws -> String {
        try resolve(reference, in: db) ?? IDResolver.resolve(reference, table: table, kind: kindName, in: db)
    }

    private var kindName: String {
        switch self {
        case .log: "log"
        case .document: "document"
        case .image: "image"
        }
    }
}
