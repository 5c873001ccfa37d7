/// What an incident event marks. The first four give the incident figures (`IncidentFigures`).
public enum IncidentEventKind: String, CaseIterable, Sendable, Codable {
    case impactStarted = "impact_started"
    case detected
    case mitigated
    case resolved
    case note

    /// How lists and documents name the kind.
    public var displayName: String {
        switch self {
        case .impactStarted: "Impact started"
        case .detected: "Detected"
        case .mitigated: "Mitigated"
        case .resolved: "Resolved"
        case .note: "Note"
        }
    }

    /// Accepts the stored name, the display name and short forms (`start`, `impact`, `mitigation`…).
    public init?(input: String) {
        let word = input.lowercased().replacingOccurrences(of: " ", with: "_").replacingOccurrences(of: "-", with: "_")
        switch word {
        case "impact_started", "impact", "start", "started", "began": self = .impactStarted
        case "detected", "detect", "detection", "alert": self = .detected
        case "mitigated", "mitigate", "mitigation": self = .mitigated
        case "resolved", "resolve", "resolution", "fixed": self = .resolved
        case "note", "event", "other": self = .note
        default: return nil
        }
    }
}

/// A row of `incident_events`: something that happened during the incident, at the time it
/// happened (incident time), as opposed to the app's own `timeline_events`.
public struct IncidentEvent: Sendable, Equatable, Codable {
    public var id: String
    public var issueId: String
    /// When it happened, UTC `YYYY-MM-DD HH:MM:SS`.
    @ISOTimestamp public var occurredAt: String
    public var kind: IncidentEventKind
    public var description: String
    /// Quoted log lines (`file.log:223: text`, one per line) or free text.
    public var evidence: String
    /// The log the event was taken from, and its 1-based line.
    public var logFileId: String?
    public var lineNumber: Int?
    @ISOTimestamp public var createdAt: String
    public var createdBy: String

    static let columns = "id, issue_id, occurred_at, kind, description, evidence, log_file_id, line_number, created_at, created_by"
}
