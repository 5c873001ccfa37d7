import Foundation
import TRCAACore

/// The issue list: a window of rows loaded page by page around the cursor (100 000 issues
/// never sit in memory), the filter and sort, and search-as-you-type.
public struct IssueListState: Sendable {
    /// The loaded rows around the cursor.
    public var window = PagedWindow<IssueSummary>(pageSize: IssueListState.pageSize,
                                                  windowSize: IssueListState.windowSize, margin: 60)
    /// Issues matching the filter (the list's full length).
    public var matching = 0
    public var cursor = ListCursor()
    public var filter = IssueFilter(limit: IssueListState.pageSize)
    public var search: SearchState?
    /// Whether a page has been asked for and not arrived yet.
    public var isLoading = false
    /// The issue to select once the next page arrives (after creating or changing one).
    public var pendingSelection: String?

    public static let pageSize = 200
    /// The most rows kept loaded; pages beyond it are let go as the window slides.
    public static let windowSize = 3 * pageSize

    public init() {}

    /// The row at list position `position`: a search result while searching, else the loaded
    /// row, or nil while its page is on its way.
    public func row(at position: Int) -> IssueSummary? {
        if let search, !search.query.isEmpty {
            return search.results.indices.contains(position) ? search.results[position].summary : nil
        }
        return window.row(at: position)
    }

    public var selectedIssue: IssueSummary? { row(at: cursor.selected) }

    /// The list position of the loaded issue `id`, if it is in the window.
    public func position(of id: String) -> Int? {
        window.rows.firstIndex { $0.issue.id == id }.map { window.first + $0 }
    }

    /// The row count the cursor moves in: search results, or every matching issue (rows
    /// beyond the loaded pages are fetched when the cursor comes near them).
    public var rowCount: Int {
        if let search, !search.query.isEmpty { return search.results.count }
        return matching
    }

    /// The filter line: what is filtered and how many are shown.
    public var filterSummary: String? {
        var parts: [String] = []
        if !filter.statuses.isEmpty { parts.append("status=" + filter.statuses.map(\.rawValue).joined(separator: ",")) }
        if !filter.severities.isEmpty { parts.append("severity=" + filter.severities.map(\.rawValue).joined(separator: ",")) }
        if !filter.categories.isEmpty { parts.append("category=" + filter.categories.map(\.rawValue).joined(separator: ",")) }
        return parts.isEmpty ? nil : parts.joined(separator: " ")
    }
}

/// Search-as-you-type over the FTS index. Each keystroke starts a search with a new
/// generation; results of older generations are dropped when they arrive late.
public struct SearchState: Sendable {
    public var editor = LineEditor()
    public var isEditing = true
    public var results: [SearchResult] = []
    public var generation = 0
    /// The query the results belong to.
    public var resultsQuery = ""
    public var error: String?

    public var query: String { editor.text.trimmingCharacters(in: .whitespaces) }
}
