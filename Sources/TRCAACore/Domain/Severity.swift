/// Issue severity, stored as `P1`–`P4` (SPEC §4).
public enum Severity: String, CaseIterable, Sendable, Codable {
    case p1 = "P1"
    case p2 = "P2"
    case p3 = "P3"
    case p4 = "P4"

    /// The word form: critical, high, medium, low.
    public var name: String {
        switch self {
        case .p1: "critical"
        case .p2: "high"
        case .p3: "medium"
        case .p4: "low"
        }
    }

    /// Accepts `P1`…`P4` or critical/high/medium/low, in any case.
    public init?(input: String) {
        let lowered = input.lowercased()
        guard let match = Severity.allCases.first(where: { $0.rawValue.lowercased() == lowered || $0.name == lowered })
        else { return nil }
        self = match
    }

    /// Every accepted spelling, for error messages.
    public static let accepted = allCases.map { "\($0.rawValue) (\($0.name))" }
}
