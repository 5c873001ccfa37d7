/// Where an issue stands. Any status may move to any other; `resolved` stamps `resolved_at`
/// and moving back to an open status clears it (SPEC §4).
public enum IssueStatus: String, CaseIterable, Sendable, Codable {
    case open
    case triaging
    case investigating
    case resolved
    case closed

    /// Whether the issue is still being worked on.
    public var isActive: Bool { self == .open || self == .triaging || self == .investigating }

    public init?(input: String) { self.init(rawValue: input.lowercased()) }
}
