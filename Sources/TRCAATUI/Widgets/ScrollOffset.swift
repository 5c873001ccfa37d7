/// The first line shown of a text read by scrolling (a document, the message log), moved by
/// the navigation keys and kept between 0 and `last`.
enum ScrollOffset {
    /// Moves `scroll` for `action` in a view of `visible` lines whose last top line is `last`;
    /// false when `action` does not scroll.
    static func move(_ scroll: inout Int, _ action: Action, visible: Int, last: Int) -> Bool {
        switch action {
        case .moveDown: scroll += 1
        case .moveUp: scroll -= 1
        case .pageDown: scroll += visible
        case .pageUp: scroll -= visible
        case .halfPageDown: scroll += visible / 2
        case .halfPageUp: scroll -= visible / 2
        case .top: scroll = 0
        case .bottom: scroll = last
        default: return false
        }
        scroll = max(0, min(scroll, last))
        return true
    }
}
