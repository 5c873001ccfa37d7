import Foundation
import TRCAAStore

/// The result of walking the audit chain.
public struct AuditVerification: Sendable, Equatable, Codable {
    /// Rows whose hash and link were checked.
    public var verifiedEntries: Int
    /// Rows from before migration 012 (no hash), which the chain skips as the original does.
    public var unhashedEntries: Int
    /// The first break, if any.
    public var problem: AuditProblem?

    public var isIntact: Bool { problem == nil }
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
    /// - Parameter progress: called every 1 000 rows with the number checked so far.
    public func verify(progress: ((Int) -> Void)? = nil) throws -> AuditVerification {
        var result = AuditVerification(verifiedEntries: 0, unhashedEntries: 0, problem: nil)
        result.unhashedEntries = try context.database.scalar(
            "SELECT count(*) FROM audit_log WHERE entry_hash = ''", as: Int.self) ?? 0
        let statement = try context.database.prepare("""
            SELECT \(AuditEntry.columns) FROM audit_log WHERE entry_hash <> '' ORDER BY timestamp, id
            """)
        var previousHash = ""
        var last: AuditEntry?
        while try statement.step() {
            let entry = try AuditEntry(row: statement.row())
            let position = result.verifiedEntries + 1
            if entry.prevHash != previousHash {
                result.problem = AuditProblem(
                    kind: .brokenLink, position: position, entryId: entry.id,
                    message: "entry \(position) (\(entry.id), \(entry.timestamp) \(entry.action)) does not follow "
                        + "the entry before it: an entry was deleted, inserted or moved there")
                return result
            }
            if entry.computedHash != entry.entryHash {
                result.problem = AuditProblem(
                    kind: .edited, position: position, entryId: entry.id,
                    message: "entry \(position) (\(entry.id), \(entry.timestamp) \(entry.action)) was changed "
                        + "after it was written")
                return result
            }
            previousHash = entry.entryHash
            last = entry
            result.verifiedEntries = position
            if position % 1000 == 0 { progress?(position) }
        }
        result.problem = try checkHead(last: last, count: result.verifiedEntries)
        return result
    }

    /// Compares the last row with the head recorded in `settings`.
    private func checkHead(last: AuditEntry?, count: Int) throws -> AuditProblem? {
        guard let value = try context.database.scalar(
                "SELECT value FROM settings WHERE key = ?", [.text(Self.headKey)], as: String.self),
              let head = (try? JSONSerialization.jsonObject(with: Data(value.utf8))) as? [String: String],
              let headId = head["id"]
        else { return nil }
        guard headId != last?.id else { return nil }
        let headExists = try context.database.scalar(
            "SELECT count(*) FROM audit_log WHERE id = ?", [.text(headId)], as: Int.self) == 1
        if headExists, let last {
            return AuditProblem(
                kind: .unrecordedTail, position: count, entryId: last.id,
                message: "entries after \(headId) were not appended by trcaa; the last is entry \(count) (\(last.id))")
        }
        return AuditProblem(
            kind: .truncated, position: count + 1, entryId: headId,
            message: "the chain ends at entry \(count)\(last.map { " (\($0.id))" } ?? ""), but entry \(headId) "
                + "was the newest: entries were removed from the end")
    }
}
