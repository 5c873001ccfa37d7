import Foundation

/// What changed between the patterns of two logs ("what is new since the good run"):
/// patterns are the same when their templates are.
public struct LogPatternDiff: Sendable {
    /// A pattern of both logs whose share of the lines changed.
    public struct Change: Sendable, Equatable {
        public var template: String
        public var before: LogPatternSummary
        public var after: LogPatternSummary
        /// Lines per million in each log.
        public var rateBefore: Double
        public var rateAfter: Double
    }

    /// In the second log only, most lines first.
    public var added: [LogPatternSummary]
    /// In the first log only, most lines first.
    public var removed: [LogPatternSummary]
    /// In both, the largest change of rate (either way, by ratio) first.
    public var changed: [Change]

    /// Compares `before` (of a log of `linesBefore` lines) with `after`.
    public init(before: [LogPatternSummary], linesBefore: Int, after: [LogPatternSummary], linesAfter: Int) {
        let named = { (patterns: [LogPatternSummary]) in
            Dictionary(patterns.filter { !$0.isOther }.map { ($0.template, $0) }, uniquingKeysWith: { first, _ in first })
        }
        let old = named(before), new = named(after)
        added = LogPatternSort.count.sorted(after.filter { !$0.isOther && old[$0.template] == nil })
        removed = LogPatternSort.count.sorted(before.filter { !$0.isOther && new[$0.template] == nil })
        let rate = { (count: Int, lines: Int) in Double(count) * 1_000_000 / Double(max(1, lines)) }
        changed = after.compactMap { pattern -> Change? in
            guard !pattern.isOther, let earlier = old[pattern.template] else { return nil }
            return Change(template: pattern.template, before: earlier, after: pattern,
                          rateBefore: rate(earlier.count, linesBefore), rateAfter: rate(pattern.count, linesAfter))
        }.sorted { a, b in
            let change = { (c: Change) in abs(log((c.rateAfter + 1) / (c.rateBefore + 1))) }
            return change(a) > change(b)
        }
    }
}
