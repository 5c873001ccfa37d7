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
    /// The selected line (0-based) and the first line shown.
    public var cursor = ListCursor()
    public var window = LogViewerState.emptyWindow
    public var isLoading = false
    public var redacted = false
    public var wraps = false
    /// Columns scrolled to the right.
    public var column = 0
    /// A search being typed.
    public var prompt: LogPrompt?
    /// The last search, for `n` and `N`.
    public var lastSearch: LogSearch?
    /// What is being looked for in the background, shown until it is found (or not).
    public var finding: String?
    public var findGeneration = 0
    /// Marked lines and their text as shown when marked, for evidence.
    public var marks: [Int: String] = [:]

    public init(logId: String, issueId: String, fileName: String) {
        self.logId = logId
        self.issueId = issueId
        self.fileName = fileName
    }

    static var emptyWindow: PagedWindow<ViewerLine> { PagedWindow(pageSize: 500, windowSize: 1500, margin: 100) }

    public var selectedLine: ViewerLine? { window.row(at: cursor.selected) }
}

/// The search prompt of the viewer: `/` looks forward, `?` backward.
public struct LogPrompt: Sendable {
    public var editor = LineEditor()
    public var forward: Bool
}

/// A fixed-string search, case-insensitive unless the text has capitals (smart case).
public struct LogSearch: Sendable, Equatable {
    public var text: String
    public var forward: Bool

    public var query: LineQuery { .text(text, ignoringCase: text == text.lowercased()) }
}
