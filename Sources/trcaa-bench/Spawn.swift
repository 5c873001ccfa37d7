import Foundation
import Glibc

/// Runs a command with posix_spawn and waits, output discarded: Foundation's `Process`
/// adds tens of milliseconds per run on Linux, more than some of the figures it would time.
enum Spawn {
    struct Failure: Error { let status: Int32 }

    /// Runs `arguments[0]` (an absolute path) and returns the child's resource usage (peak RSS
    /// in `ru_maxrss`, KiB). `stdout` goes to that file, else to /dev/null.
    @discardableResult
    static func runQuietly(_ arguments: [String], environment: [String: String], stdout: String = "/dev/null") throws
        -> rusage
    {
        try wait(try start(arguments, environment: environment, stdout: stdout))
    }

    /// Starts `arguments[0]` (an absolute path) without waiting for it; stderr is discarded.
    static func start(_ arguments: [String], environment: [String: String], stdout: String = "/dev/null") throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { throw Failure(status: -1) }
        return pid
    }

    /// Waits for a started child; its resource usage.
    ///
    /// - throws: `Failure` when it exited non-zero.
    @discardableResult
    static func wait(_ pid: pid_t) throws -> rusage {
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        guard status == 0 else { throw Failure(status: status) }
        return usage
    }

    /// Whether a started child has ended (it is reaped by `wait` afterwards).
    static func hasEnded(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }
}
