import Glibc
import Synchronization

/// The signal that asked the interface to end (SIGTERM, SIGHUP, SIGINT), 0 when none.
private let endingSignal = Atomic<Int32>(0)
/// The self-pipe the handlers write to so the event loop wakes up at once.
nonisolated(unsafe) private var wakeDescriptor: Int32 = -1
/// The terminal settings from before start-up, restored by the crash handler.
nonisolated(unsafe) private var savedTerminal = termios()
nonisolated(unsafe) private var hasSavedTerminal = false

/// Signal handling for the full-screen interface: ending signals become a flag the loop reads
/// (so the terminal is restored by normal code), and fatal signals (a crash: there is no
/// unwinding in Swift) reset the terminal from the handler before the default action runs.
enum TerminalSignals {
    static func install(wakeDescriptor descriptor: Int32) {
        wakeDescriptor = descriptor
        if tcgetattr(STDIN_FILENO, &savedTerminal) == 0 { hasSavedTerminal = true }
        for signalNumber in [SIGTERM, SIGHUP, SIGINT] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                endingSignal.store(number, ordering: .relaxed)
                var byte: UInt8 = 1
                _ = write(wakeDescriptor, &byte, 1)
            }
            sigemptyset(&action.sa_mask)
            sigaction(signalNumber, &action, nil)
        }
        for signalNumber in [SIGSEGV, SIGBUS, SIGILL, SIGTRAP, SIGABRT, SIGFPE] {
            var action = sigaction()
            action.__sigaction_handler.sa_handler = { number in
                restoreTerminalFromHandler()
                signal(number, SIG_DFL)
                raise(number)
            }
            sigemptyset(&action.sa_mask)
            action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
            sigaction(signalNumber, &action, nil)
        }
    }

    /// The ending signal received so far, if any.
    static var pending: Int32? {
        let number = endingSignal.load(ordering: .relaxed)
        return number == 0 ? nil : number
    }
}

/// Leaves the alternate screen, shows the cursor, resets attributes and restores the saved
/// terminal modes, with async-signal-safe calls only.
private func restoreTerminalFromHandler() {
    let reset: StaticString = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l\r\n"
    _ = write(STDOUT_FILENO, reset.utf8Start, reset.utf8CodeUnitCount)
    if hasSavedTerminal { tcsetattr(STDIN_FILENO, TCSANOW, &savedTerminal) }
}
