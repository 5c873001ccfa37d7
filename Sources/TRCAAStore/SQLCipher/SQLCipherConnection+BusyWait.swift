internal import CSQLCipher
internal import Glibc

/// Waiting for a lock another connection holds: SQLite's busy timeout, as a handler of ours
/// so that a wait long enough for a person to notice can be announced ("waiting for trcaa
/// (pid 4242) to finish writing…") instead of passing in silence.
final class BusyWait {
    let timeout: Double
    var noticeAfter: Double = 0.4
    var notice: (() -> Void)?
    private var began = 0.0
    private var noticed = false

    /// SQLite's own back-off, in milliseconds.
    private static let delays: [Int32] = [1, 2, 5, 10, 15, 20, 25, 25, 25, 50, 50, 100]

    init(timeoutMilliseconds: Int32) { timeout = Double(timeoutMilliseconds) / 1000 }

    /// Whether to try again after the `attempt`-th refusal (0 for the first) of one lock.
    func retry(attempt: Int32) -> Bool {
        let now = Self.now()
        if attempt == 0 {
            began = now
            noticed = false
        }
        let waited = now - began
        guard waited < timeout else { return false }
        if !noticed, waited >= noticeAfter, let notice {
            noticed = true
            notice()
        }
        usleep(useconds_t(Self.delays[min(Int(attempt), Self.delays.count - 1)]) * 1000)
        return true
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

extension SQLCipherConnection {
    /// Waits up to `milliseconds` for locks other connections hold, replacing SQLite's
    /// built-in handler (which `PRAGMA busy_timeout` installs) with `BusyWait`.
    func installBusyWait(milliseconds: Int32) {
        let wait = BusyWait(timeoutMilliseconds: milliseconds)
        wait.notice = busyWait?.notice
        busyWait = wait
        sqlite3_busy_handler(handle, { context, attempt in
            guard let context else { return 0 }
            return Unmanaged<BusyWait>.fromOpaque(context).takeUnretainedValue().retry(attempt: attempt) ? 1 : 0
        }, Unmanaged.passUnretained(wait).toOpaque())
    }

    func announceWaits(after seconds: Double, _ notice: (() -> Void)?) {
        busyWait?.noticeAfter = seconds
        busyWait?.notice = notice
    }
}
