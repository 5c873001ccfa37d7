import TRCAACore

/// A full screen on the stack: its state, and what the interface asks of every screen. A new
/// screen is one type conforming to this (state and update) and its view; nothing central
/// switches over the screens.
public protocol ScreenModel: Sendable {
    /// What the screen adds to the breadcrumb in the title row.
    var crumbs: [String] { get }
    /// The contexts that receive keys while the screen is on top, outermost first.
    var contexts: [KeyContext] { get }
    /// Whether printable keys type into a field of the screen (a search or filter prompt).
    var isEditingText: Bool { get }
    /// Marks what the screen shows as stale after a change in the store; returns the loads to run.
    mutating func reload(select: String?) -> [Effect]
    /// Keeps the cursor in view after the terminal is resized.
    mutating func rescroll(in size: Size)
    /// The screen's handling of `action` while it is on top; `nil` leaves it to the global handlers.
    static func perform(_ action: Action, in state: inout AppState) -> [Effect]?
    /// A printable key typed while `isEditingText`.
    static func type(_ key: Key, in state: inout AppState) -> [Effect]
    /// Draws the screen in `area`.
    func draw(_ state: AppState, in area: Rect, into buffer: inout CellBuffer)
    /// Draws a prompt of the screen in the status line (as less and vim do); false leaves the
    /// status line to the database, key and messages.
    func drawPrompt(_ state: AppState, in line: Rect, into buffer: inout CellBuffer) -> Bool
}

extension ScreenModel {
    public var isEditingText: Bool { false }
    public mutating func reload(select: String?) -> [Effect] { [] }
    public mutating func rescroll(in size: Size) {}
    public static func type(_ key: Key, in state: inout AppState) -> [Effect] { [] }
    public func drawPrompt(_ state: AppState, in line: Rect, into buffer: inout CellBuffer) -> Bool { false }
}

extension AppState {
    /// The top screen as an `S`, if it is one.
    public func top<S: ScreenModel>(_ type: S.Type) -> S? { screens.last as? S }

    /// Puts `screen` in place of the top screen (after changing a copy of it).
    public mutating func replaceTop(_ screen: some ScreenModel) {
        if screens.isEmpty { screens.append(screen) } else { screens[screens.count - 1] = screen }
    }

    /// Changes the top screen when it is an `S`; returns what `change` returns, or nil.
    @discardableResult
    public mutating func updateTop<S: ScreenModel, R>(_ type: S.Type, _ change: (inout S) -> R) -> R? {
        guard var screen = top(type) else { return nil }
        let result = change(&screen)
        replaceTop(screen)
        return result
    }

    /// Changes every screen on the stack that is an `S` and passes `filter`.
    public mutating func updateScreens<S: ScreenModel>(_ type: S.Type, where filter: (S) -> Bool = { _ in true },
                                                       _ change: (inout S) -> Void) {
        for index in screens.indices {
            guard var screen = screens[index] as? S, filter(screen) else { continue }
            change(&screen)
            screens[index] = screen
        }
    }

    /// The screens on the stack that are an `S`, bottom first.
    public func screens<S: ScreenModel>(_ type: S.Type) -> [S] { screens.compactMap { $0 as? S } }
}
