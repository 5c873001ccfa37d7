/// One terminal cell: a grapheme cluster, its display width and its style.
///
/// A wide grapheme occupies its cell and the next one; the next one is a continuation cell
/// (`width == 0`, empty text) that backends skip.
public struct Cell: Sendable, Equatable {
    public var text: String
    public var width: UInt8
    public var role: Role
    /// The cursor row or an active choice: drawn in reverse video on top of the role.
    public var isHighlighted: Bool

    public init(_ text: String = " ", width: UInt8 = 1, role: Role = .normal, isHighlighted: Bool = false) {
        self.text = text
        self.width = width
        self.role = role
        self.isHighlighted = isHighlighted
    }

    public static let blank = Cell()
    static func continuation(role: Role, isHighlighted: Bool) -> Cell {
        Cell("", width: 0, role: role, isHighlighted: isHighlighted)
    }

    public var isContinuation: Bool { width == 0 }
}
