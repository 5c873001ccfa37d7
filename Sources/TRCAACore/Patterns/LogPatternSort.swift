/// The orders a log's patterns are listed in.
public enum LogPatternSort: String, Sendable, CaseIterable {
    /// Most lines first.
    case count
    /// Fewest lines first: the rare messages.
    case rare
    /// In order of first appearance.
    case first
    /// Errors, then warnings, then the rest; most lines first within each.
    case level

    /// `patterns` in this order; ties go to the earlier pattern.
    public func sorted(_ patterns: [LogPatternSummary]) -> [LogPatternSummary] {
        patterns.sorted { a, b in
            switch self {
            case .count: (b.count, a.id) < (a.count, b.id)
            case .rare: (a.count, a.id) < (b.count, b.id)
            case .first: (a.firstLine, a.id) < (b.firstLine, b.id)
            case .level: (b.level.rawValue, b.count, a.id) < (a.level.rawValue, a.count, b.id)
            }
        }
    }
}
