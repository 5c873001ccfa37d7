import Foundation
import TRCAAStore

/// The result of walking the audit chain.
public struct AuditVerification: Sendable, Equatable, Codable {
    /// Rows whose hash and link were checked.
    public var verifiedEntries: Int
    /// Rows from before migration 012 (no hash), which the chain skips as the original does.
    public var unhashedEntries: Int
    /// The newest verified entry and its position: what `trcaa audit head` prints.
    public var head: AuditHead?
    /// Where the chain holds the anchor asked for (`verify --since-head`), 1-based.
    public var anchorPosition: Int?
    /// The first break, if any.
    public var problem: AuditProblem?

    public var isIntact: Bool { problem == nil }
}

/// The end of the chain, to keep outside the store: with the key, someone can rewrite the
/// whole chain and its recorded head consistently, but not make it contain a hash it no longer
/// contains.
public struct AuditHead: Sendable, Equatable, Codable {
    /// How many hashed entries the chain has up to and including this one.
    public var count: Int
    public var entryId: String
    public var entryHash: String
    @ISOTimestamp public var timestamp: String
    public var action: String
}

/// The first place where the chain does not hold.
public struct AuditProblem: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable {
        /// The row's content no longer matches its hash.
        case edited
        /// The row does not follow the one before it: a row was deleted, inserted or moved.
        case brokenLink = "broken_link"
        /// The chain ends before the recorded head: rows were removed from the end.
        case truncated
        /// Rows follow the recorded head that trcaa did not append.
        case unrecordedTail = "unrecorded_tail"
        /// The recorded head is missing or unreadable, or does not describe the chain's end.
        case badHead = "bad_head"
        /// The chain does not contain the entry hash it was asked to prove (`--since-head`).
        case anchorMissing = "anchor_missing"
    }

    public var kind: Kind
    /// 1-based position in chain order.
    public var position: Int
    public var entryId: String
    public var message: String
}

extension AuditChain {
    /// Walks the chain in order, recomputing each hash and link, and compares its end with
    /// the recorded head. Streams rows: memory stays flat however long the log is.
    ///
    /// - Parameters:
    ///   - anchor: an entry hash (or a prefix of at least 8 hex digits) kept from an earlier
    ///     `audit head`; the chain must still contain it.
    ///   - progress: called every 1 000 rows with the number checked so far.
    public func verify(anchor: String? = nil, progress: ((Int) -> Void)? = nil) throws -> AuditVerification {
        var result = AuditVerification(verifiedEntries: 0, unhashedEntries: 0)
        result.unhashedEntries = try context.database.scalar(
            "SELECT count(*) FROM audit_log WHERE entry_hash = ''", as: Int.self) ?? 0
        let statement = try context.database.prepare("""
            SELECT \(AuditEntry.columns) FROM audit_log WHERE entry_hash <> '' ORDER BY timestamp, id
            """)
        let anchor = anchor?.lowercased()
        var previousHash = ""
        while try statement.step() {
            let entry = try AuditEntry(row: statement.row())
            let position = result.verifiedEntries + 1
            let described = "entry \(position) (\(entry.id), \(entry.timestamp) \(entry.action))"
            if entry.prevHash != previousHash {
                result.problem = AuditProblem(
                    kind: .brokenLink, position: position, entryId: entry.id,
                    message: "\(described) does not follow the entry before it: an entry was deleted, inserted or moved there")
                return result
            }
            if entry.computedHash != entry.entryHash {
                result.problem = AuditProblem(
                    kind: .edited, position: position, entryId: entry.id,
                    message: "\(described) was changed after it was written")
                return result
            }
            if let anchor, result.anchorPosition == nil, entry.entryHash.hasPrefix(anchor) { result.anchorPosition = position }
            previousHash = entry.entryHash
            result.head = AuditHead(count: position, entryId: entry.id, entryHash: entry.entryHash,
                                    timestamp: entry.timestamp, action: entry.action)
            result.verifiedEntries = position
            if position % 1000 == 0 { progress?(position) }
        }
        result.problem = try checkHead(result.head)
        if result.problem == nil, let anchor, result.anchorPosition == nil {
            result.problem = AuditProblem(
                kind: .anchorMissing, position: result.verifiedEntries, entryId: result.head?.entryId ?? "",
                message: "no entry of the chain has the hash \(anchor): the chain was rewritten or cut before it "
                    + "(its \(result.verifiedEntries) entries are consistent among themselves)")
        }
        return result
    }

    /// Compares the chain's end with the head recorded in `settings`.
    private func checkHead(_ end: AuditHead?) throws -> AuditProblem? {
        let count = end?.count ?? 0
        let value = try context.database.scalar(
            "SELECT value FROM settings WHERE key = ?", [.text(Self.headKey)], as: String.self)
        guard let value, let recorded = RecordedHead(json: value) else {
            let what = value == nil ? "is missing" : "is not readable"
            return AuditProblem(
                kind: .badHead, position: count, entryId: end?.entryId ?? "",
                message: "the record of the chain's head (settings '\(Self.headKey)') \(what): it was deleted or "
                    + "overwritten outside trcaa, so entries may have been removed with it")
        }
        if recorded.id == (end?.entryId ?? "") {
            guard recorded.entryHash == (end?.entryHash ?? ""), recorded.count == count else {
                return AuditProblem(
                    kind: .badHead, position: count, entryId: recorded.id,
                    message: "the recorded head (entry \(recorded.count), hash \(recorded.entryHash.prefix(12))) does not "
                        + "match the chain's end (entry \(count), hash \((end?.entryHash ?? "").prefix(12))): entries "
                        + "were removed or the head was rewritten")
            }
            return nil
        }
        let headExists = try context.database.scalar(
            "SELECT count(*) FROM audit_log WHERE id = ?", [.text(recorded.id)], as: Int.self) == 1
        if let end, headExists || recorded.id.isEmpty {
            return AuditProblem(
                kind: .unrecordedTail, position: count, entryId: end.entryId,
                message: "entries after \(recorded.id.isEmpty ? "the start" : recorded.id) were not appended by trcaa; "
                    + "the last is entry \(count) (\(end.entryId))")
        }
        return AuditProblem(
            kind: .truncated, position: count + 1, entryId: recorded.id,
            message: "the chain ends at entry \(count)\(end.map { " (\($0.entryId))" } ?? ""), but entry "
                + "\(recorded.count) (\(recorded.id)) was the newest: entries were removed from the end")
    }
}

/// The `audit_chain_head` setting: `{"id": …, "entry_hash": …, "count": …}`.
private struct RecordedHead {
    let id: String
    let entryHash: String
    let count: Int

    init?(json: String) {
        guard let object = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any],
              let id = object["id"] as? String, let entryHash = object["entry_hash"] as? String,
              let count = object["count"] as? Int, count >= 0,
              id.isEmpty == entryHash.isEmpty, id.isEmpty == (count == 0)
        else { return nil }
        self.id = id
        self.entryHash = entryHash
        self.count = count
    }
}
