/// The frame every screen shares: a title row, the body, a row of key hints and the status
/// bar. `update` and `render` both use it, so scrolling and drawing agree on what is visible.
public enum ScreenLayout {
    /// The area screens draw their content in.
    public static func body(_ size: Size) -> Rect {
        Rect(x: 0, y: 1, width: size.width, height: size.height - 3)
    }

    /// Visible table rows of the issue list (filter line and column headings take two rows).
    public static func issueListRows(_ size: Size) -> Int { max(1, body(size).height - 3) }

    /// Visible lines of the log viewer (its header takes a row), without wrapping.
    public static func logLines(_ size: Size) -> Int { max(1, body(size).height - 1) }

    /// Visible rows of the attachments and audit tables (a summary line and the column headings).
    public static func recordRows(_ size: Size) -> Int { max(1, body(size).height - 2) }

    /// Visible lines of a document preview (a heading row and a gap above them).
    public static func documentLines(_ size: Size) -> Int { max(1, body(size).height - 2) }

    /// Visible lines of a detail tab (issue heading, tab bar and a rule take three rows).
    public static func detailLines(_ size: Size) -> Int { max(1, body(size).height - 3) }

    /// Lines one 5-Whys card takes: question, answer, evidence and a gap.
    public static let whyCardLines = 4

    /// Items of `tab` that fit: cards on the 5-Whys tab, one line each elsewhere.
    public static func detailItems(_ tab: DetailTab, _ size: Size) -> Int {
        tab == .whys ? max(1, detailLines(size) / whyCardLines) : detailLines(size)
    }

    /// Whether the terminal is big enough for the screens at all.
    public static func fits(_ size: Size) -> Bool { size.width >= 60 && size.height >= 16 }
}
