/// Rows of a long list loaded page by page around a position: at most `windowSize` stay in
/// memory, and the window slides as the position moves (issues, lines of a stored log).
public struct PagedWindow<Row: Sendable>: Sendable {
    /// The loaded rows: `rows[0]` is the row at position `first`.
    public private(set) var rows: [Row] = []
    public private(set) var first = 0
    public let pageSize: Int
    public let windowSize: Int
    /// How close to an end of the window the position may come before the next page is asked for.
    public let margin: Int

    public init(pageSize: Int, windowSize: Int, margin: Int) {
        self.pageSize = pageSize
        self.windowSize = windowSize
        self.margin = margin
    }

    /// One past the last loaded position.
    public var end: Int { first + rows.count }

    /// The row at `position`, or nil while its page is on its way.
    public func row(at position: Int) -> Row? {
        let index = position - first
        return rows.indices.contains(index) ? rows[index] : nil
    }

    /// The page to ask for so that `position` (of `count` rows) stays loaded: the one after
    /// or before the window when `position` nears its end, the page around it after a jump,
    /// nil when nothing is needed.
    public func request(around position: Int, count: Int) -> (offset: Int, limit: Int)? {
        guard count > 0 else { return nil }
        if position < first || position >= end {
            return (max(0, min(position - pageSize / 2, count - pageSize)), pageSize)
        }
        if position + margin >= end, end < count { return (end, pageSize) }
        if position - margin < first, first > 0 {
            let offset = max(0, first - pageSize)
            return (offset, first - offset)
        }
        return nil
    }

    /// Adds a page that arrived for positions `offset…`: it extends the window when it adjoins
    /// it (the far end let go beyond `windowSize`), else it becomes the window.
    public mutating func receive(_ page: [Row], at offset: Int) {
        if !rows.isEmpty, offset == end {
            rows += page
            let excess = rows.count - windowSize
            if excess > 0 { rows.removeFirst(excess); first += excess }
        } else if !rows.isEmpty, offset + page.count == first, offset != first {
            rows = page + rows
            first = offset
            if rows.count > windowSize { rows.removeLast(rows.count - windowSize) }
        } else {
            rows = page
            first = offset
        }
    }
}
