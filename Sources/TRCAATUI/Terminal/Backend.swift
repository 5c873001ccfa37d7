/// Where frames are shown: a real terminal (`NCursesBackend`) or memory (`TestBackend`).
public protocol Backend: AnyObject {
    /// The current size in cells.
    var size: Size { get }
    /// Shows `frame`; only rows that changed since the last frame need drawing.
    func draw(_ frame: CellBuffer)
}

/// A headless backend: keeps the last frame for tests to read.
public final class TestBackend: Backend {
    public var size: Size
    public private(set) var frame: CellBuffer

    public init(size: Size) {
        self.size = size
        frame = CellBuffer(size: size)
    }

    public func draw(_ frame: CellBuffer) {
        self.frame = frame
    }

    /// The screen as text, one string per row.
    public var lines: [String] { frame.lines }
}
