/// A terminal size in columns and rows.
public struct Size: Sendable, Equatable, CustomStringConvertible {
    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// The smallest terminal every screen is designed for (SPEC §11).
    public static let minimum = Size(width: 80, height: 24)

    public var description: String { "\(width)x\(height)" }
}

/// A rectangle of cells. Every helper saturates, so layouts on tiny terminals never underflow.
public struct Rect: Sendable, Equatable {
    public var x: Int
    public var y: Int
    public var width: Int
    public var height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = max(0, width)
        self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }

    /// The rectangle shrunk by `margin` cells on every side.
    public func inset(by margin: Int) -> Rect {
        Rect(x: x + margin, y: y + margin, width: width - 2 * margin, height: height - 2 * margin)
    }

    /// The rectangle without its first `rows` rows.
    public func inset(top rows: Int) -> Rect { Rect(x: x, y: y + rows, width: width, height: height - rows) }

    /// A rectangle of at most `width` x `height` centred in this one.
    public func centred(width: Int, height: Int) -> Rect {
        let w = min(width, self.width), h = min(height, self.height)
        return Rect(x: x + (self.width - w) / 2, y: y + (self.height - h) / 2, width: w, height: h)
    }
}
