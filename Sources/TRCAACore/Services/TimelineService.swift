import TRCAAStore

/// The incident timeline (SPEC §5): events written by trcaa at the moments they name, plus
/// manual entries. Each event is written with its audit row and the issue's `updated_at`
/// bump in one transaction.
public struct TimelineService {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Largest metadata accepted, as the original.
    public static let maximumMetadataBytes = 10_240

    /// The issue's events in the order they happened.
    public func list(issueId: String) throws -> [TimelineEvent] {
        try context.database.rows(
            "SELECT \(TimelineEvent.columns) FROM timeline_events WHERE issue_id = ? ORDER BY created_at, id",
            [.text(issueId)]).map(TimelineEvent.init(row:))
    }

    /// Adds a manual entry of one of the seven types. `metadata` must be JSON of at most
    /// 10 240 bytes (`{}` when absent).
    ///
    /// - throws: `TriageError.metadataTooLarge`, `.metadataNotJSON`, `.unknownID`.
    public func add(issueId: String, type: TimelineEventType, description: String, metadata: String? = nil) throws
        -> TimelineEvent
    {
        let metadataText = metadata ?? "{}"
        guard metadataText.utf8.count <= Self.maximumMetadataBytes else {
            throw TriageError.metadataTooLarge(bytes: metadataText.utf8.count)
        }
        guard JSONText.isValid(metadataText) else { throw TriageError.metadataNotJSON }
        return try context.database.write { db in
            try IDResolver.requireExists(issueId, table: "issues", kind: "issue", in: db)
            return try record(type, issueId: issueId, description: description, metadataText: metadataText, in: db)
        }
    }

    /// Writes an event, its audit row and the issue's `updated_at`, inside the caller's
    /// transaction. The audit details are the original's: the description and the metadata
    /// embedded as a JSON string.
    @discardableResult
    func record(_ type: TimelineEventType, issueId: String, description: String, metadata: JSONText, in db: Database)
        throws -> TimelineEvent
    {
        try record(type, issueId: issueId, description: description, metadataText: metadata.rendered, in: db)
    }

    private func record(_ type: TimelineEventType, issueId: String, description: String, metadataText: String,
                        in db: Database) throws -> TimelineEvent {
        let now = context.clock.now()
        let event = TimelineEvent(id: UUIDv7.next(at: now), issueId: issueId, eventType: type.rawValue,
                                  description: description, metadata: metadataText,
                                  createdAt: Timestamp.formatTimeline(now))
        try db.cachedStatement("INSERT INTO timeline_events (\(TimelineEvent.columns)) VALUES (?, ?, ?, ?, ?, ?)").run([
            .text(event.id), .text(event.issueId), .text(event.eventType), .text(event.description),
            .text(event.metadata), .text(event.createdAt),
        ])
        try context.audit.append(
            action: type.rawValue, entityType: "issue", entityId: issueId,
            details: .object([("description", .string(description)), ("metadata", .string(metadataText))]), in: db)
        try context.touchIssue(issueId, in: db)
        return event
    }
}
