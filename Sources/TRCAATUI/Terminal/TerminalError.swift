/// Why the full-screen interface cannot start.
public enum TerminalError: Error, Equatable, Sendable {
    /// stdin or stdout is not a terminal (a pipe, a file, a CI job).
    case notATerminal
    /// `TERM` is unset, `dumb`, or has no cursor addressing.
    case unusableTerminal(term: String?)
    /// ncurses could not initialise the terminal, even with the fallback type.
    case initialisationFailed(term: String)
}
