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
        return try spawnAndWait(arguments, environment: environment, fileActions: nil, attributes: &attributes)
    }

    /// Spawns `arguments` (the first an absolute path) and waits; returns its exit status, or
    /// 128 + the signal that ended it.
    ///
    /// - throws: `TriageError.editorUnavailable` when it cannot be started.
    static func spawnAndWait(_ arguments: [String], environment: [String: String],
                             fileActions: UnsafePointer<posix_spawn_file_actions_t>?,
                             attributes: UnsafePointer<posix_spawnattr_t>?) throws -> Int32 {
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, arguments[0], fileActions, attributes, argv, envp) == 0 else {
            throw TriageError.editorUnavailable(command: arguments.joined(separator: " "))
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }

    /// The first `name` on `path` (`$PATH`, else /usr/bin:/bin) that can be run.
    static func executable(_ name: String, path: String?) -> String? {
        (path ?? "/usr/bin:/bin").split(separator: ":").map { "\($0)/\(name)" }.first { access($0, X_OK) == 0 }
    }
}
