/// The original's seven timeline event types, with the metadata each one carries (SPEC §5).
public enum TimelineEventType: String, CaseIterable, Sendable, Codable {
    case triageStarted = "triage_started"
    case logUploaded = "log_uploaded"
    case whyLevelAdvanced = "why_level_advanced"
    case rootCauseIdentified = "root_cause_identified"
    case rcaGenerated = "rca_generated"
    case postmortemGenerated = "postmortem_generated"
    case documentExported = "document_exported"

    /// The name documents show (the original's).
    public var displayName: String {
        switch self {
        case .triageStarted: "Triage Started"
        case .logUploaded: "Log File Uploaded"
        case .whyLevelAdvanced: "Why Level Advanced"
        case .rootCauseIdentified: "Root Cause Identified"
        case .rcaGenerated: "RCA Document Generated"
        case .postmortemGenerated: "Post-Mortem Generated"
        case .documentExported: "Document Exported"
        }
    }

    /// The display name of a stored type; unknown types show as they are.
    public static func displayName(of stored: String) -> String {
        TimelineEventType(rawValue: stored)?.displayName ?? stored
    }
}

/// A row of `timeline_events`.
public struct TimelineEvent: Sendable, Equatable, Codable {
    public var id: String
    public var issueId: String
    public var eventType: String
    public var description: String
    /// JSON text, at most 10 240 bytes.
    public var metadata: String
    /// `YYYY-MM-DD HH:MM:SS UTC`.
    @ISOTimestamp public var createdAt: String

    static let columns = "id, issue_id, event_type, description, metadata, created_at"
}
