import TRCAACore

/// One stored log in the viewer: a window of lines around the cursor (never the whole log),
/// the stored or redacted view, search, marks and horizontal scrolling.
public struct LogViewerState: Sendable {
    public let logId: String
    public let issueId: String
    public let fileName: String
    /// Known once the log is open.
    public var lineCount = 0
    public var piiCounts: [PIICount] = []
    public var isOpen = false
    /// Why the log could not be opened, shown instead of its lines.
    public var openError: String?
    /// The selected line (0-based) and the first line shown.
    public var cursor = ListCursor()
    public var window = LogViewerState.emptyWindow
    /// Counts `dropLoadedLines`, so pages of an earlier window are told apart.
    public var windowGeneration = 0
    public var isLoading = false
    /// The stored text, or the redacted view with plain or numbered tokens.
    public var view = LogView.stored
    public var wraps = false
    /// Columns scrolled to the right.
    public var column = 0
    /// A search being typed.
    public var prompt: LogPrompt?
    /// The last search, for `n` and `N`.
    public var lastSearch: LogSearch?
    /// Every line the last search finds among the lines shown, once counted (n and N then
    /// jump without reading the log again).
    public var hits: [Int]?
    public var hitsGeneration = 0
    /// The hits of a search kept from an earlier opening are counted once the first lines
    /// show: the count reads the whole log, and the lines would wait behind it.
    public var countsHitsOnceShown = false
    /// What is being looked for in the background, shown until it is found (or not).
    public var finding: String?
    public var findGeneration = 0
    /// Marked lines and their text as shown when marked, for evidence.
    public var marks: [Int: String] = [:]
    /// The filters, in the order they were added (lnav's filter-in and filter-out), and the
    /// lines they let through once they are known. While a filter is on, cursor positions
    /// count those lines.
    public var filters: [LineFilter] = []
    public var filtered: [Int]?
    public var filterGeneration = 0

    public init(logId: String, issueId: String, fileName: String) {
        self.logId = logId
        self.issueId = issueId
        self.fileName = fileName
    }

    static var emptyWindow: PagedWindow<ViewerLine> { PagedWindow(pageSize: 500, windowSize: 1500, margin: 100) }

    /// Forgets the loaded lines (the view, the filter or the stored text changed); the next
    /// request loads them around the cursor, and a page asked for before is dropped on arrival.
    mutating func dropLoadedLines() {
        window = Self.emptyWindow
        windowGeneration += 1
        isLoading = false
    }

    public var selectedLine: ViewerLine? { window.row(at: cursor.selected) }

    /// The positions the cursor moves over: every line, or the lines the filter lets through.
    public var rowCount: Int { isFiltering ? filtered?.count ?? 0 : lineCount }

    /// Whether a filter is on.
    public var isFiltering: Bool { filters.contains(where: \.isEnabled) }

    /// The position showing line `number` (0-based), or with a filter the first after it.
    public func position(ofLine number: Int) -> Int {
        guard let filtered else { return number }
        return min(filtered.firstIndex(notBelow: number), max(0, filtered.count - 1))
    }

    /// The hit at or after (`forward`), or before, line `number`, with its index among the hits.
    public func hit(from number: Int, forward: Bool) -> (line: Int, index: Int)? {
        guard let hits else { return nil }
        let first = hits.firstIndex(notBelow: number)
        let index = forward ? first : first - 1
        return hits.indices.contains(index) ? (hits[index], index) : nil
    }

    /// The pattern hits are shown with: what is typed in the search prompt (as you type),
    /// else the last search.
    public var highlight: LogPattern? {
        var typed: LogSearch?
        if let prompt, case .search(let forward) = prompt.kind, !prompt.editor.text.isEmpty {
            typed = LogSearch(text: prompt.editor.text, forward: forward, isRegex: prompt.isRegex)
        }
        return (typed ?? lastSearch).flatMap { try? $0.pattern() }
    }

    /// The line number at `position`.
    public func line(atPosition position: Int) -> Int { filtered.map { $0.indices.contains(position) ? $0[position] : 0 } ?? position }
}

/// What the viewer shows of a log: the stored text, or its redacted view with plain tokens
/// (`[IPv4]`) or numbered ones that tell values apart (`[IPv4#3]`).
public enum LogView: Sendable, Equatable, CustomStringConvertible {
    case stored
    case redacted(RedactionTokens)

    public var isRedacted: Bool { self != .stored }
    public var tokens: RedactionTokens { if case .redacted(let tokens) = self { tokens } else { .plain } }

    /// `r`: the redacted view (with the tokens last chosen) or the stored text.
    var togglingRedaction: LogView { self == .stored ? .redacted(.plain) : .stored }

    /// `#`: numbered tokens or plain ones (from the stored text: the redacted view, numbered).
    var togglingNumbers: LogView { tokens == .numbered ? .redacted(.plain) : .redacted(.numbered) }

    public var description: String {
        switch self {
        case .stored: "stored text"
        case .redacted(.plain): "redacted view: PII replaced by its type"
        case .redacted(.numbered): "redacted view: each value numbered by its type ([IPv4#3]), the same value the same number"
        }
    }
}

/// The marks, filters, last search and view of a log's viewer, kept when it closes.
public struct KeptView: Sendable, Equatable {
    public var marks: [Int: String]
    public var filters: [LineFilter]
    public var lastSearch: LogSearch?
    public var view: LogView

    init(_ viewer: LogViewerState) {
        marks = viewer.marks
        filters = viewer.filters
        lastSearch = viewer.lastSearch
        view = viewer.view
    }
}

extension AppState {
    /// Keeps what the viewer of `logId` shows now for when the log is opened again.
    mutating func keepView(of logId: String) {
        if let viewer = screens(LogViewerState.self).last(where: { $0.logId == logId }) { keptViews[logId] = KeptView(viewer) }
    }
}

/// The prompt of the viewer: a search (`/` forward, `?` backward) or a filter (`f`).
public struct LogPrompt: Sendable {
    public enum Kind: Sendable, Equatable { case search(forward: Bool), filter }

    public var editor = LineEditor()
    public var kind: Kind
    /// A regular expression rather than fixed text (`Ctrl-r` switches).
    public var isRegex = false
    /// Why the text cannot be used (an invalid regular expression), shown under it.
    public var error: String?
}

/// A fixed-string search, case-insensitive unless the text has capitals (smart case).
public struct LogSearch: Sendable, Equatable {
    public var text: String
    public var forward: Bool
    public var isRegex = false

    /// Smart case: case matters only when the text has capitals.
    public var ignoringCase: Bool { text == text.lowercased() }

    public var query: LineQuery { isRegex ? .regex(text, ignoringCase: ignoringCase) : .text(text, ignoringCase: ignoringCase) }

    /// The matcher, for highlighting.
    public func pattern() throws -> LogPattern { try LogPattern(text, fixed: !isRegex, ignoringCase: ignoringCase) }
}

extension [Int] {
    /// In ascending numbers, the index of the first one not below `number` (`count` when none).
    func firstIndex(notBelow number: Int) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if self[middle] < number { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
