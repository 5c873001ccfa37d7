@preconcurrency import CNCurses
@preconcurrency import Glibc

/// What a read from the terminal produced.
public enum TerminalEvent: Sendable, Equatable {
    case keys([Key])
    case resize(Size)
    /// Input is gone (the terminal closed): the interface must end.
    case endOfInput
}

/// The real terminal through ncursesw: start-up in the order the platform notes prescribe,
/// frames drawn as runs of same-styled cells, input decoded into keys, hand-over for the
/// editor and for Ctrl-z, and restoration on every way out. Every curses call happens on the
/// thread that created it.
public final class NCursesTerminal: Backend {
    public private(set) var size: Size
    /// Said once in the status bar, e.g. that an unknown `TERM` was replaced.
    public let notice: String?
    /// Wakes the event loop: written by background work and by the ending-signal handlers.
    public let wakePipe: WakePipe
    private let screen: OpaquePointer
    private let theme: Theme
    private var pairs: [Int32: Int16] = [:]
    private var lastFrame: CellBuffer?
    private var consecutiveErrors = 0
    private var isActive = true
    /// ASCII and the line-drawing set when the locale is not UTF-8.
    public let charset: Charset

    /// Starts full-screen mode.
    ///
    /// - throws: `TerminalError` when stdin/stdout are not terminals or `TERM` cannot drive one.
    public init(environment: [String: String], colorsWanted: Bool) throws {
        let term = try Self.checkUsable(environment: environment)
        charset = Charset.selectLocale(environment: environment)
        guard let wakePipe = WakePipe() else { throw TerminalError.initialisationFailed(term: term) }
        self.wakePipe = wakePipe
        // Before newterm: ncurses only installs its own handlers where none are set.
        TerminalSignals.install(wakeDescriptor: wakePipe.writeDescriptor)

        var notice: String?
        var created = newterm(term, stdout, stdin)
        if created == nil {
            created = newterm("xterm-256color", stdout, stdin)
            notice = "TERM=\(term) is unknown here; using xterm-256color"
        }
        guard let created else { throw TerminalError.initialisationFailed(term: term) }
        set_term(created)
        guard Self.hasCapability("cup") else {
            endwin()
            delscreen(created)
            throw TerminalError.unusableTerminal(term: term)
        }
        screen = created
        self.notice = notice
        raw()
        noecho()
        keypad(stdscr, true)
        set_escdelay(25)
        curs_set(0)
        nodelay(stdscr, true)
        if colorsWanted && has_colors() {
            start_color()
            use_default_colors()
            theme = .color
        } else {
            theme = .monochrome
        }
        size = Size(width: Int(getmaxx(stdscr)), height: Int(getmaxy(stdscr)))
    }

    deinit { stop() }

    /// Leaves full-screen mode; the terminal is as it was before. Idempotent.
    public func stop() {
        guard isActive else { return }
        isActive = false
        // Without an alternate screen (TERM=vt100) the last frame would stay on the terminal.
        if !Self.hasCapability("smcup") {
            erase()
            refresh()
        }
        endwin()
        delscreen(screen)
    }

    /// Whether full-screen mode can start here (cheap: no terminal set-up), returning `TERM`.
    ///
    /// - throws: `TerminalError.notATerminal`, or `.unusableTerminal` for an unset or dumb `TERM`.
    public static func checkUsable(environment: [String: String]) throws -> String {
        guard isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1 else { throw TerminalError.notATerminal }
        guard let term = environment["TERM"], !term.isEmpty, term != "dumb" else {
            throw TerminalError.unusableTerminal(term: environment["TERM"])
        }
        return term
    }

    // MARK: Drawing

    public func draw(_ frame: CellBuffer) {
        guard isActive else { return }
        for y in frame.changedRows(since: lastFrame) { drawRow(y, of: frame) }
        refresh()
        lastFrame = frame
    }

    /// Forgets what is on screen, so the next frame is drawn whole (after the editor or a resume).
    public func invalidate() {
        lastFrame = nil
        clearok(curscr, true)
    }

    /// Draws row `y` as runs of same-styled cells; without UTF-8, box lines one by one from the
    /// terminal's line-drawing set.
    private func drawRow(_ y: Int, of frame: CellBuffer) {
        var x = 0
        while x < frame.size.width {
            let first = frame[x, y]
            apply(theme.style(for: first.role, highlighted: first.isHighlighted))
            if charset == .ascii, let line = ASCIIFallback.lineDrawing(first.text) {
                mvaddch(Int32(y), Int32(x), nc_acs(CChar(line.asciiValue ?? 0)))
                x += 1
                continue
            }
            var text: [wchar_t] = []
            var end = x
            while end < frame.size.width {
                let cell = frame[end, y]
                if cell.role != first.role || cell.isHighlighted != first.isHighlighted { break }
                if charset == .ascii, ASCIIFallback.lineDrawing(cell.text) != nil { break }
                let shown = charset == .ascii ? ASCIIFallback.text(of: cell) : cell.text
                for scalar in shown.unicodeScalars { text.append(wchar_t(bitPattern: scalar.value)) }
                end += 1
            }
            _ = text.withUnsafeBufferPointer { mvaddnwstr(Int32(y), Int32(x), $0.baseAddress, Int32($0.count)) }
            x = end
        }
    }

    /// Whether the terminal's description has string capability `name`.
    private static func hasCapability(_ name: String) -> Bool {
        guard let value = tigetstr(name) else { return false }
        return Int(bitPattern: value) != -1
    }

    private func apply(_ style: TextStyle) {
        var attributes = attr_t(0)
        if style.bold { attributes |= nc_a_bold() }
        if style.dim { attributes |= nc_a_dim() }
        if style.underline { attributes |= nc_a_underline() }
        if style.reverse { attributes |= nc_a_reverse() }
        attr_set(attributes, pair(style.foreground, style.background), nil)
    }

    /// A colour pair for the combination, created on first use; -1 is the terminal's own colour.
    private func pair(_ foreground: TerminalColor?, _ background: TerminalColor?) -> Int16 {
        guard theme.usesColor, foreground != nil || background != nil else { return 0 }
        let fg = foreground?.rawValue ?? -1, bg = background?.rawValue ?? -1
        let key = Int32(fg + 1) * 16 + Int32(bg + 1)
        if let existing = pairs[key] { return existing }
        let number = Int16(pairs.count + 1)
        init_pair(number, fg, bg)
        pairs[key] = number
        return number
    }

    // MARK: Input

    /// Reads everything available without blocking. `inputReported`: the caller's poll said
    /// the input is readable, so finding nothing, again and again, means it was closed.
    public func readEvents(inputReported: Bool) -> [TerminalEvent] {
        var inputs: [RawInput] = []
        var events: [TerminalEvent] = []
        var character: wint_t = 0
        while true {
            let status = wget_wch(stdscr, &character)
            if status == ERR { break }
            consecutiveErrors = 0
            if status == KEY_CODE_YES {
                if Int32(character) == KEY_RESIZE {
                    size = Size(width: Int(getmaxx(stdscr)), height: Int(getmaxy(stdscr)))
                    lastFrame = nil
                    events.append(.resize(size))
                } else if let key = Self.functionKey(Int32(character)) {
                    inputs.append(.key(key))
                }
            } else {
                inputs.append(.character(UInt32(character)))
            }
        }
        if inputReported && inputs.isEmpty && events.isEmpty {
            consecutiveErrors += 1
            if consecutiveErrors > 3 { events.append(.endOfInput) }
        }
        let keys = KeyDecoder.decode(inputs)
        return keys.isEmpty ? events : [.keys(keys)] + events
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_IC: .insert
        case KEY_DC: .delete
        case KEY_BACKSPACE: .backspace
        case KEY_ENTER: .enter
        case KEY_BTAB: .backTab
        case nc_key_f(1)...nc_key_f(24): .function(Int(code - nc_key_f(0)))
        default: nil
        }
    }

    // MARK: Hand-over

    /// Gives the terminal to `body` (an editor), then takes it back and redraws everything.
    public func handOver<T>(_ body: () throws -> T) rethrows -> T {
        def_prog_mode()
        endwin()
        defer { takeBack() }
        return try body()
    }

    /// Ctrl-z: stops the process as the shell expects, and restores the screen on `fg`.
    public func suspend() {
        handOver {
            let previous = signal(SIGTSTP, SIG_DFL)
            kill(getpid(), SIGTSTP)
            signal(SIGTSTP, previous)
        }
    }

    private func takeBack() {
        reset_prog_mode()
        size = Size(width: Int(getmaxx(stdscr)), height: Int(getmaxy(stdscr)))
        invalidate()
        refresh()
    }
}
