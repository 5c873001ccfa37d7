import Glibc

/// A program that takes over the terminal until it exits: the editor, the pager.
public enum ForegroundCommand {
    /// Runs the shell command `command` on `file` (`sh -c 'command "$1"'`) with default signal
    /// handling, ignoring Ctrl-C and Ctrl-\ in this process until it exits (they belong to
    /// it); returns its exit status (126/127: it could not run).
    public static func run(_ command: String, file: String, environment: [String: String]) throws -> Int32 {
        let name = "trcaa-" + command.prefix { $0 != " " }
        return try run(["/bin/sh", "-c", command + " \"$1\"", name, file], environment: environment)
    }

    /// `$PAGER` when set, else `less`.
    public static func pager(environment: [String: String]) -> String {
        guard let pager = environment["PAGER"], !pager.allSatisfy(\.isWhitespace) else { return "less" }
        return pager
    }

    private static func run(_ arguments: [String], environment: [String: String]) throws -> Int32 {
        let previousInterrupt = signal(SIGINT, SIG_IGN)
        let previousQuit = signal(SIGQUIT, SIG_IGN)
        defer {
            signal(SIGINT, previousInterrupt)
            signal(SIGQUIT, previousQuit)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for signalNumber in [SIGINT, SIGQUIT, SIGTERM, SIGTSTP] { sigaddset(&defaults, signalNumber) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let rc = posix_spawn(&pid, arguments[0], nil, &attributes, argv, envp)
        guard rc == 0 else { throw TriageError.editorUnavailable(command: arguments.joined(separator: " ")) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
