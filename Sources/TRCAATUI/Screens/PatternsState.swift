import TRCAACore

/// The patterns of a log (`p` in the viewer or on the Logs tab): its kinds of message with
/// their counts, levels and a sparkline over the log; Enter shows a pattern's lines in the
/// viewer, `x` hides a pattern's lines there, `X` shows them all again, `d` compares with
/// another log of the issue, `r` shows the templates as the redacted view does (and turns the
/// log's viewer to that view).
public struct PatternsState: ScreenModel {
    public let logId: String
    public let issueId: String
    public let fileName: String
    /// By id, as loaded.
    public var patterns: [LogPatternSummary] = []
    /// Each pattern's lines over `PatternsView.sparkBuckets` stretches of the log.
    public var histogram: [Int: [Int]] = [:]
    public var isLoading = true
    public var sort: LogPatternSort = .count
    public var cursor = ListCursor()
    /// The patterns hidden in the viewer (`x`).
    public var hidden: Set<Int> = []
    /// The comparison with another log of the issue (`d`), when shown.
    public var diff: PatternDiffView?
    /// Templates as the redacted view shows them: the view of the log's viewer.
    public var redacted: Bool
    /// The pattern the cursor goes to once the patterns load: the one the log's viewer shows
    /// the lines of, so that the pane reopens where Enter left it.
    public var focus: Int?

    public init(logId: String, issueId: String, fileName: String, hidden: Set<Int> = [], redacted: Bool = false) {
        self.logId = logId
        self.issueId = issueId
        self.fileName = fileName
        self.hidden = hidden
        self.redacted = redacted
    }

    /// The rows in their order.
    public var rows: [LogPatternSummary] { sort.sorted(patterns) }
    public var selected: LogPatternSummary? { rows.indices.contains(cursor.selected) ? rows[cursor.selected] : nil }

    public var crumbs: [String] { [diff.map { "Patterns vs \($0.otherName)" } ?? "Patterns"] }
    public var contexts: [KeyContext] { [.patterns] }

    public mutating func reload(select: String?) -> [Effect] { [.loadPatterns(logId: logId, redacted: redacted)] }

    public mutating func rescroll(in size: Size) {
        cursor.scrollIntoView(count: diff?.rows.count ?? patterns.count, visible: PatternsView.visibleRows(size))
    }

    public static func perform(_ action: Action, in state: inout AppState) -> [Effect]? {
        App.performOnPatterns(action, in: &state)
    }

    public func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer) {
        PatternsView.draw(self, in: area, into: &buffer)
    }
}

/// The patterns of a log against another's, as rows: new ones, gone ones, changed rates.
public struct PatternDiffView: Sendable {
    public enum Row: Sendable {
        case heading(String)
        /// `pattern` is of the other log (`inOther`) for a gone one, else of this log.
        case pattern(mark: String, count: String, pattern: LogPatternSummary, inOther: Bool)
    }

    public let otherId: String
    public let otherName: String
    public let rows: [Row]

    public init(otherId: String, otherName: String, _ diff: LogPatternDiff) {
        self.otherId = otherId
        self.otherName = otherName
        let listed = { (mark: String, patterns: [LogPatternSummary]) in
            patterns.map { Row.pattern(mark: mark, count: String($0.count), pattern: $0, inOther: mark == "-") }
        }
        rows = [.heading("New here (not in \(otherName)): \(diff.added.count)")] + listed("+", diff.added)
            + [.heading("Gone (only in \(otherName)): \(diff.removed.count)")] + listed("-", diff.removed)
            + [.heading("Rate changed most (lines per million, \(otherName) → here)")]
            + diff.changed.prefix(20).map {
                .pattern(mark: "~", count: "\(Int($0.rateBefore.rounded()))→\(Int($0.rateAfter.rounded()))", pattern: $0.after,
                         inOther: false)
            }
    }
}
