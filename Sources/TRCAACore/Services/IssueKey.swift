import Foundation
import TRCAAStore

/// Issue keys (`#42`, `OPS-42`): how they are read from the store and how a typed reference
/// is turned into an issue id.
///
/// A reference is a number (`42`, `#42`, `OPS-42` with the store's prefix, any case), a
/// unique prefix of the UUID (at least 4 characters), or the whole UUID. Digits alone are a
/// number first; when no issue has that number, they are tried as a UUID prefix.
enum IssueKey {
    /// The settings key of the optional prefix (`trcaa db set key-prefix OPS`).
    static let prefixSetting = "issue_key_prefix"

    /// SQL for the issue's number, in a SELECT from `issues`.
    static let numberColumn = "(SELECT number FROM issue_numbers WHERE issue_id = issues.id) AS number"
    /// SQL for what goes before the number: `OPS-` or `#`.
    static let prefixColumn = """
        COALESCE((SELECT value || '-' FROM settings WHERE key = '\(prefixSetting)' AND value <> ''), '#') AS key_prefix
        """

    /// The key (`#42`, `OPS-42`) of a row selected with `numberColumn` and `prefixColumn`.
    static func key(in row: Row) throws -> String {
        try row.decode("key_prefix", as: String.self) + String(try row.decode("number", as: Int?.self) ?? 0)
    }

    /// The store's prefix (`OPS`), if one is set.
    static func prefix(in db: Database) throws -> String? {
        let value = try Settings.value(prefixSetting, in: db)
        return value?.isEmpty == false ? value : nil
    }

    /// The number a reference names, when it is written as one (`42`, `#42`, `OPS-42`).
    static func number(in reference: String, prefix: String?) -> Int? {
        var text = Substring(reference)
        if text.hasPrefix("#") {
            text = text.dropFirst()
        } else if let dash = text.lastIndex(of: "-"), let prefix,
                  text[..<dash].caseInsensitiveCompare(prefix) == .orderedSame {
            text = text[text.index(after: dash)...]
        }
        guard !text.isEmpty, text.count <= 12, text.allSatisfy(\.isASCIIDigit) else { return nil }
        return Int(text)
    }

    /// The id of the issue `reference` names.
    ///
    /// - throws: `TriageError.unknownID`, `.idTooShort`, `.ambiguousID`.
    static func resolve(_ reference: String, in db: Database) throws -> String {
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        if let number = number(in: trimmed, prefix: try prefix(in: db)) {
            if let id = try db.cachedStatement("SELECT issue_id FROM issue_numbers WHERE number = ?")
                .firstRow([.integer(Int64(number))]).map({ try $0.decode(at: 0, as: String.self) }) {
                return id
            }
            guard trimmed.allSatisfy(\.isASCIIDigit), trimmed.count >= IDResolver.minimumPrefix else {
                throw TriageError.unknownID(kind: "issue", prefix: reference)
            }
        }
        return try IDResolver.resolve(trimmed, table: "issues", kind: "issue", in: db)
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
