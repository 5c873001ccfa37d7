import Glibc
import Synchronization

private let interruptRequested = Atomic<Bool>(false)

/// Ctrl-C during long work (imports, purges): the first SIGINT asks the work to stop at its
/// next check, so nothing half-done is stored; the handler then resets, so a second Ctrl-C
/// ends the process at once (the database stays consistent either way).
enum Interruption {
    /// Installs the handler and makes sure SIGINT is not blocked (a parent may have started
    /// trcaa with it blocked). Work polls `requested`; reads wake up to check it.
    static func install() {
        var action = sigaction()
        action.__sigaction_handler.sa_handler = { _ in interruptRequested.store(true, ordering: .relaxed) }
        sigemptyset(&action.sa_mask)
        action.sa_flags = Int32(truncatingIfNeeded: SA_RESETHAND)
        sigaction(SIGINT, &action, nil)
        var set = sigset_t()
        sigemptyset(&set)
        sigaddset(&set, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &set, nil)
    }

    static var requested: Bool { interruptRequested.load(ordering: .relaxed) }
}
