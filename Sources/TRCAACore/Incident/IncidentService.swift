import Foundation
import TRCAAStore

/// What happened during an incident, in incident time (`incident_events`). Every change is
/// audited and bumps the issue's `updated_at`, in one transaction.
public struct IncidentService {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// What a new event says. `at` is when it happened.
    public struct Draft: Sendable, Equatable {
        public var at: Date
        public var kind: IncidentEventKind
        public var description: String
        public var evidence: String
        public var logFileId: String?
        public var lineNumber: Int?

        public init(at: Date, kind: IncidentEventKind, description: String, evidence: String = "",
                    logFileId: String? = nil, lineNumber: Int? = nil) {
            (self.at, self.kind, self.description, self.evidence) = (at, kind, description, evidence)
            (self.logFileId, self.lineNumber) = (logFileId, lineNumber)
        }
    }

    /// The issue's events in the order they happened.
    public func list(issueId: String) throws -> [IncidentEvent] {
        try context.database.cachedStatement(
            "SELECT \(IncidentEvent.columns) FROM incident_events WHERE issue_id = ? ORDER BY occurred_at, id")
            .rows([.text(issueId)]).map(IncidentEvent.init(row:))
    }

    /// The shortest prefixes (at least 8 characters) that tell these events' ids apart, as lists show them.
    public func shortIDs(_ ids: [String]) throws -> [String] {
        try context.database.read { try IDResolver.shortIDs(ids, table: "incident_events", in: $0) }
    }

    /// The event whose id starts with `prefix` (at least 4 characters).
    public func get(_ prefix: String) throws -> IncidentEvent {
        try context.database.read { db in try get(try resolve(prefix, in: db), in: db) }
    }

    /// Records events (several marked lines at once) in one transaction.
    ///
    /// - throws: `TriageError.emptyText` when a description is empty, `.unknownID`.
    @discardableResult
    public func add(issueId: String, _ drafts: [Draft]) throws -> [IncidentEvent] {
        guard drafts.allSatisfy({ !$0.description.allSatisfy(\.isWhitespace) }) else {
            throw TriageError.emptyText(field: "event description")
        }
        return try context.database.write { db in
            try IDResolver.requireExists(issueId, table: "issues", kind: "issue", in: db)
            let now = context.clock.now()
            let insert = try db.cachedStatement(
                "INSERT INTO incident_events (\(IncidentEvent.columns)) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
            let events = try drafts.map { draft in
                let event = IncidentEvent(
                    id: UUIDv7.next(at: now), issueId: issueId, occurredAt: Timestamp.format(draft.at),
                    kind: draft.kind, description: draft.description, evidence: draft.evidence,
                    logFileId: draft.logFileId, lineNumber: draft.lineNumber, createdAt: Timestamp.format(now),
                    createdBy: context.user)
                try insert.run([
                    .text(event.id), .text(issueId), .text(event.occurredAt), .text(event.kind.rawValue),
                    .text(event.description), .text(event.evidence), event.logFileId.map(SQLValue.text) ?? .null,
                    event.lineNumber.map { .integer(Int64($0)) } ?? .null, .text(event.createdAt), .text(event.createdBy),
                ])
                try context.audit.append(
                    action: "add_incident_event", entityType: "incident_event", entityId: event.id,
                    details: details(event), in: db)
                return event
            }
            try context.touchIssue(issueId, in: db)
            return events
        }
    }

    /// Records one event per line of a stored log (0-based `lines`): each at the time its line
    /// starts with (`IncidentTime.ofLogLine`, the year taken from the log's import), the line
    /// quoted as its evidence (`file.log:224: text`). `description` is the line's message when empty.
    ///
    /// - throws: `TriageError.invalidTime` naming a line without a time trcaa reads, `.unknownID`.
    @discardableResult
    public func addFromLog(_ logId: String, lines: [Int], kind: IncidentEventKind, description: String = "") throws
        -> [IncidentEvent]
    {
        let logs = LogService(context: context)
        let log = try logs.detail(logId).summary
        let reference = log.uploadedAt.date ?? context.clock.now()
        let drafts = try lines.sorted().map { number in
            guard let line = try logs.lines(logId, number..<(number + 1)).first else {
                throw TriageError.invalidTime(input: "line \(number + 1)", reason: "the log has no such line")
            }
            let text = line.text.trimmingCharacters(in: .newlines)
            guard let at = IncidentTime.ofLogLine(text, reference: reference) else {
                throw TriageError.invalidTime(input: "\(log.fileName):\(number + 1)",
                                              reason: "the line does not start with a time; add the event by hand")
            }
            let quoted = "\(log.fileName):\(number + 1): \(text)"
            return Draft(at: at, kind: kind, description: description.allSatisfy(\.isWhitespace) ? Self.message(of: line) : description,
                         evidence: quoted, logFileId: logId, lineNumber: number + 1)
        }
        return try add(issueId: log.issueId, drafts)
    }

    /// A line's message without the time, host and process before it (at most 200 characters).
    static func message(of line: LogLine) -> String {
        let start = line.bytes.withUnsafeBufferPointer { MessageHeader.messageStart($0) }
        let message = String(decoding: line.bytes[min(start, line.bytes.count)...], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return String((message.isEmpty ? line.text.trimmingCharacters(in: .whitespacesAndNewlines) : message).prefix(200))
    }

    /// Changes an event's time, kind, description or evidence (`nil` keeps a field).
    public func edit(_ id: String, at: Date? = nil, kind: IncidentEventKind? = nil, description: String? = nil,
                     evidence: String? = nil) throws -> IncidentEvent {
        if let description, description.allSatisfy(\.isWhitespace) { throw TriageError.emptyText(field: "event description") }
        return try context.database.write { db in
            var event = try get(try resolve(id, in: db), in: db)
            let before = event
            if let at { event.occurredAt = Timestamp.format(at) }
            if let kind { event.kind = kind }
            if let description { event.description = description }
            if let evidence { event.evidence = evidence }
            guard event != before else { return event }
            try db.execute("UPDATE incident_events SET occurred_at = ?, kind = ?, description = ?, evidence = ? WHERE id = ?",
                           [.text(event.occurredAt), .text(event.kind.rawValue), .text(event.description),
                            .text(event.evidence), .text(event.id)])
            try context.audit.append(action: "update_incident_event", entityType: "incident_event", entityId: event.id,
                                     details: details(event), in: db)
            try context.touchIssue(event.issueId, in: db)
            return event
        }
    }

    /// Deletes an event; the audit row keeps what it said.
    public func delete(_ id: String) throws {
        try context.database.write { db in
            let event = try get(try resolve(id, in: db), in: db)
            try db.execute("DELETE FROM incident_events WHERE id = ?", [.text(event.id)])
            try context.audit.append(action: "delete_incident_event", entityType: "incident_event", entityId: event.id,
                                     details: details(event), in: db)
            try context.touchIssue(event.issueId, in: db)
        }
    }

    private func details(_ event: IncidentEvent) -> JSONText {
        .object([("issue_id", .string(event.issueId)), ("occurred_at", .string(event.occurredAt)),
                 ("kind", .string(event.kind.rawValue)), ("description", .string(event.description)),
                 ("evidence", .string(event.evidence)), ("log_file_id", event.logFileId.map(JSONText.string) ?? .null),
                 ("line_number", event.lineNumber.map { .int(Int64($0)) } ?? .null)])
    }

    private func resolve(_ prefix: String, in db: Database) throws -> String {
        try IDResolver.resolve(prefix, table: "incident_events", kind: "event", in: db)
    }

    private func get(_ id: String, in db: Database) throws -> IncidentEvent {
        guard let row = try db.cachedStatement("SELECT \(IncidentEvent.columns) FROM incident_events WHERE id = ?")
            .firstRow([.text(id)]) else { throw TriageError.unknownID(kind: "event", prefix: id) }
        return try IncidentEvent(row: row)
    }
}
