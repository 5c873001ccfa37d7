/// What the orders of patterns compare: a log's patterns and an issue's.
public protocol SortablePattern {
    /// Breaks ties: the earlier first.
    var id: Int { get }
    var count: Int { get }
    var level: LogLevel { get }
    /// Where it was first seen: smaller is earlier.
    var firstSeen: Int { get }
}

extension LogPatternSummary: SortablePattern {
    public var firstSeen: Int { firstLine }
}

/// The orders patterns are listed in.
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
    public func sorted<Pattern: SortablePattern>(_ patterns: [Pattern]) -> [Pattern] {
        patterns.sorted { a, b in
            switch self {
            case .count: (b.count, a.id) < (a.count, b.id)
            case .rare: (a.count, a.id) < (b.count, b.id)
            case .first: (a.firstSeen, a.id) < (b.firstSeen, b.id)
            case .level: (b.level.rawValue, b.count, a.id) < (a.level.rawValue, a.count, b.id)
            }
        }
    }
}
