import Foundation
#if canImport(Glibc)
import Glibc
#endif

// The moving parts of MultiProcessTortureTests: worker loops that run the real `trcaa` one
// command after another, a ledger of every write that reported success, a watcher that looks
// at the processes' descriptors for a deleted `-wal`/`-shm`, a `log import -` that holds the
// store open on a slow pipe, and the full-screen interface in a private tmux server.
//
// Outputs go to files, never pipes, and every descriptor the test opens is close-on-exec: a
// pipe end inherited by a long-lived process (a holder, the tmux server) would otherwise keep
// a read waiting for an end that never comes. The workers, the holder and tmux start their
// processes from threads with no signal blocked, the mask a shell would give them.

/// How long and how wide the torture runs.
enum TortureSettings {
    /// Seconds the workers run; `TRCAA_TORTURE_SECONDS` lengthens it for a local soak.
    static var seconds: Double {
        if let text = ProcessInfo.processInfo.environment["TRCAA_TORTURE_SECONDS"], let value = Double(text), value > 0 {
            return value
        }
        return 20
    }

    /// A command running longer than this is killed and reported (the holders are exempt).
    static let hungAfter: Double = 120
}

/// The store the torture runs on, and what differs between the two: the SQLCipher file, whose
/// write-ahead log the watch guards, or the CLI harness's database on the test cluster's
/// PostgreSQL server (`TRCAA_DATABASE_URL`), whose sessions and deadlocks the server counts.
struct TortureStore: CustomStringConvertible {
    let cli: CLI

    /// Whether the store is on the server (else it is the file).
    var onServer: Bool { cli.environment["TRCAA_DATABASE_URL"] != nil }

    var description: String { onServer ? "a PostgreSQL server" : "the SQLCipher file" }

    /// Short-lived command loops running at once (besides the two long-lived holders): issue
    /// #19 asks for eight writers on a server.
    var workers: Int { onServer ? 8 : 4 }

    /// Whether `pid` has the store open: the file's write-ahead log among its descriptors, or
    /// a session on the server that trcaa named with its pid (`application_name` "… pid N").
    func isHeld(by pid: Int32) -> Bool {
        guard onServer else { return TortureWatch.holdsLog(pid, databasePath: cli.databasePath) }
        let sessions = try? cli.shellSQL("SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE '% pid \(pid)'")
        return (sessions?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "0") != "0"
    }
}

/// A small deterministic generator, so each worker's sequence of commands is reproducible.
struct TortureRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// A mutex-guarded value for the test's threads.
final class TortureLocked<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var value: Value

    init(_ value: Value) { self.value = value }

    func withLock<T>(_ body: (inout Value) throws -> T) rethrows -> T {
        lock.lock()
        defer { lock.unlock() }
        return try body(&value)
    }
}

/// What one `trcaa` run did.
struct TortureOutcome: Sendable {
    var status: Int32
    /// Killed by a signal (`status` is then its number).
    var signaled = false
    var stdout = ""
    var stderr = ""
    var seconds: Double = 0

    /// The single line a creating command prints: the new id.
    var createdId: String? {
        let lines = stdout.split(separator: "\n")
        guard lines.count == 1, lines[0].count == 36, lines[0].split(separator: "-").count == 5 else { return nil }
        return String(lines[0])
    }

    /// The new issue's id and number from `issue new --json`.
    var createdIssue: (id: String, number: Int)? {
        guard let issue = try? JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any],
              let id = issue["id"] as? String, id.count == 36, let number = issue["number"] as? Int else { return nil }
        return (id, number)
    }

    var described: String {
        let code = signaled ? "signal \(status)" : "exit \(status)"
        let error = stderr.trimmingCharacters(in: .whitespacesAndNewlines)
        return "\(code) after \(String(format: "%.1f", seconds)) s" + (error.isEmpty ? "" : ": \(error)")
    }
}

/// Opens `path` for the child's stdout or stderr: truncated, close-on-exec in this process.
private func tortureOutputFile(_ path: String) -> FileHandle {
    let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
    return fd >= 0 ? FileHandle(fileDescriptor: fd, closeOnDealloc: true) : FileHandle.nullDevice
}

private func tortureRead(_ path: String) -> String {
    (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
}

/// Unblocks every signal for the calling thread. The test runs on threads that block most
/// signals, and a spawned process inherits its thread's mask: a tmux server started from such
/// a thread never sees SIGCHLD (so a pane never dies) nor SIGTERM.
func tortureClearSignalMask() {
    var none = sigset_t()
    sigemptyset(&none)
    pthread_sigmask(SIG_SETMASK, &none, nil)
}

/// Runs `body` on a new thread with no signal blocked, and waits for its result.
func tortureOnFreshThread<T: Sendable>(_ body: @escaping @Sendable () -> T) -> T {
    let result = TortureLocked<T?>(nil)
    let done = DispatchSemaphore(value: 0)
    Thread {
        tortureClearSignalMask()
        let value = body()
        result.withLock { $0 = value }
        done.signal()
    }.start()
    done.wait()
    return result.withLock { $0! }  // Safe: set before `done` was signalled.
}

/// Runs a program (not `trcaa`) to its end with its output in files; for `tmux`.
func tortureRunProgram(_ arguments: [String], environment: [String: String], scratch: String) -> TortureOutcome {
    tortureOnFreshThread {
        tortureRun("/usr/bin/env", arguments, environment: environment, out: scratch + ".out", err: scratch + ".err")
    }
}

/// Starts `executable` with its output in the files `out` and `err`, tells `started` its pid,
/// and waits for it to end.
func tortureRun(_ executable: String, _ arguments: [String], environment: [String: String], out: String, err: String,
                started: (Int32) -> Void = { _ in }) -> TortureOutcome {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.environment = environment
    process.standardInput = FileHandle.nullDevice
    let stdout = tortureOutputFile(out), stderr = tortureOutputFile(err)
    process.standardOutput = stdout
    process.standardError = stderr
    let start = Date()
    do { try process.run() } catch { return TortureOutcome(status: -1, stderr: "cannot start \(executable) \(arguments): \(error)") }
    started(process.processIdentifier)
    try? stdout.close()
    try? stderr.close()
    process.waitUntilExit()
    return TortureOutcome(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                          stdout: tortureRead(out), stderr: tortureRead(err), seconds: Date().timeIntervalSince(start))
}

/// Watches the store's users: every `interval` it reads `/proc/PID/fd` of each registered
/// process and records any link to a deleted `trcaa.db-wal` or `trcaa.db-shm` (a process left
/// writing to a log nobody else sees). A deleted `-shm` counts once a later scan sees it
/// again: the last connection to close unlinks the `-shm` just before it closes it (SQLite's
/// `unixShmUnmap`; the `-wal` it closes first), a moment a scan can fall into, while a process
/// left behind holds it for the rest of its life. Short-lived commands that run past
/// `TortureSettings.hungAfter` are killed and reported.
final class TortureWatch: @unchecked Sendable {
    private struct Entry {
        var label: String
        var started: Date
        var longLived: Bool
    }

    private let state = TortureLocked((running: [Int32: Entry](), sightings: [String](), seen: Set<String>(),
                                       seenOnce: Set<String>(), hung: [String](), scans: 0, stop: false))
    private let finished = DispatchSemaphore(value: 0)
    private let interval: Double

    init(interval: Double = 0.05) { self.interval = interval }

    func add(_ pid: Int32, label: String, longLived: Bool = false) {
        state.withLock { $0.running[pid] = Entry(label: label, started: Date(), longLived: longLived) }
    }

    func remove(_ pid: Int32) { _ = state.withLock { $0.running.removeValue(forKey: pid) } }

    var sightings: [String] { state.withLock { $0.sightings } }
    var hung: [String] { state.withLock { $0.hung } }
    var scans: Int { state.withLock { $0.scans } }

    func start() {
        Thread { [self] in
            while !state.withLock({ $0.stop }) {
                scanOnce()
                Thread.sleep(forTimeInterval: interval)
            }
            finished.signal()
        }.start()
    }

    func stop() {
        state.withLock { $0.stop = true }
        finished.wait()
        scanOnce()
    }

    /// One look at every registered process.
    func scanOnce() {
        let running = state.withLock { $0.running }
        var found: [(key: String, text: String)] = []
        for (pid, entry) in running {
            for link in Self.descriptorLinks(of: pid)
            where link.hasSuffix("trcaa.db-wal (deleted)") || link.hasSuffix("trcaa.db-shm (deleted)") {
                found.append(("\(pid) \(link)", "\(entry.label) (pid \(pid)) has \(link) open"))
            }
            if !entry.longLived, Date().timeIntervalSince(entry.started) > TortureSettings.hungAfter {
                kill(pid, SIGKILL)
                state.withLock { $0.hung.append("\(entry.label) (pid \(pid)) ran over \(Int(TortureSettings.hungAfter)) s; killed") }
                remove(pid)
            }
        }
        state.withLock { state in
            state.scans += 1
            for item in found {
                let isShm = item.key.hasSuffix("-shm (deleted)")
                guard !isShm || !state.seenOnce.insert(item.key).inserted else { continue }
                if state.seen.insert(item.key).inserted { state.sightings.append(item.text) }
            }
        }
    }

    /// Where the process's descriptors point (`/proc/PID/fd/*`); empty when it is gone.
    static func descriptorLinks(of pid: Int32) -> [String] {
        let directory = "/proc/\(pid)/fd"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return names.compactMap { try? FileManager.default.destinationOfSymbolicLink(atPath: directory + "/" + $0) }
    }

    /// Whether `pid` has the store's write-ahead log open (it has read the database through
    /// a WAL connection and keeps it).
    static func holdsLog(_ pid: Int32, databasePath: String) -> Bool {
        let log = "/" + URL(fileURLWithPath: databasePath).lastPathComponent + "-wal"
        return descriptorLinks(of: pid).contains { $0.hasSuffix(log) }
    }
}

/// Runs `trcaa` to its end, registered with the watch while it runs.
struct TortureRunner: Sendable {
    let environment: [String: String]
    let watch: TortureWatch
    /// A directory for the outputs.
    let scratch: String

    func run(_ arguments: [String], tag: String) -> TortureOutcome {
        var pid: Int32 = 0
        let outcome = tortureRun(CLI.binary, arguments, environment: environment,
                                 out: "\(scratch)/\(tag).out", err: "\(scratch)/\(tag).err") { started in
            pid = started
            watch.add(started, label: "\(tag): trcaa \(arguments.prefix(2).joined(separator: " "))")
        }
        if pid != 0 { watch.remove(pid) }
        return outcome
    }
}

/// Every write that reported success, and what the audit chain must therefore hold.
final class TortureLedger: @unchecked Sendable {
    struct IssueRecord: Sendable {
        var title: String
        var status = "open"
        /// Who may change its title and status (the last successful change is then the stored one).
        var owner: String
        var whys = 0
        var logs = 0
        var number: Int?
    }

    struct LogRecord: Sendable {
        var issueId: String
        var name: String
        var size: Int
    }

    struct Contents: Sendable {
        var issues: [String: IssueRecord] = [:]
        /// Issues anyone may add whys, logs and documents to.
        var shared: [String] = []
        var whys: [String: String] = [:]
        var logs: [String: LogRecord] = [:]
        /// "issue kind" → the document ids `doc rca`/`doc postmortem` printed for it.
        var documents: [String: Set<String>] = [:]
        /// (action, entity id) → how many audit rows the successful writes wrote.
        var audit: [String: Int] = [:]
        var writes = 0
        var reads = 0
        var busyWrites = 0
        var busyReads = 0
        var busyNotes: [String] = []
        var failures: [String] = []
        var statuses: [String: Int] = [:]
        var slowest: (seconds: Double, what: String) = (0, "")
        var commands = 0
    }

    private let state = TortureLocked(Contents())

    var contents: Contents { state.withLock { $0 } }

    func sharedIssue(using random: inout TortureRandom) -> String? {
        state.withLock { $0.shared.isEmpty ? nil : $0.shared[Int.random(in: 0..<$0.shared.count, using: &random)] }
    }

    func issue(_ id: String) -> IssueRecord? { state.withLock { $0.issues[id] } }

    /// Notes a finished command. Returns whether it succeeded (a search also when it exited
    /// 1, having found nothing); a busy exit (75) is counted, any other failure
    /// recorded for the test to report.
    func finished(_ outcome: TortureOutcome, command: [String], by worker: String, isWrite: Bool,
                  longLived: Bool = false) -> Bool {
        state.withLock { state in
            state.commands += 1
            let code = outcome.signaled ? "signal \(outcome.status)" : "\(outcome.status)"
            state.statuses[code, default: 0] += 1
            if !longLived, outcome.seconds > state.slowest.seconds {
                state.slowest = (outcome.seconds, "trcaa \(command.prefix(2).joined(separator: " ")) (\(worker))")
            }
            // `search` exits 1 when nothing matches yet: before the first why, none says "exhausted".
            if outcome.status == 0 || (command.first == "search" && outcome.status == 1), !outcome.signaled {
                if isWrite { state.writes += 1 } else { state.reads += 1 }
                return true
            }
            if outcome.status == 75, !outcome.signaled {
                if isWrite { state.busyWrites += 1 } else { state.busyReads += 1 }
                if state.busyNotes.count < 5 {
                    state.busyNotes.append("\(worker): trcaa \(command.prefix(2).joined(separator: " ")): \(outcome.described)")
                }
                return false
            }
            state.failures.append("\(worker): trcaa \(command.map(Self.quoted).joined(separator: " ")): \(outcome.described)")
            return false
        }
    }

    func fail(_ message: String) { state.withLock { $0.failures.append(message) } }

    /// A success whose output was not what the command promises.
    func malformed(_ outcome: TortureOutcome, command: [String], by worker: String) {
        fail("\(worker): trcaa \(command.prefix(2).joined(separator: " ")) succeeded but printed \(outcome.stdout.debugDescription)")
    }

    private static func quoted(_ argument: String) -> String {
        argument.contains(" ") ? "'\(argument)'" : argument
    }

    private func audit(_ state: inout Contents, _ action: String, _ entity: String) {
        state.audit["\(action) \(entity)", default: 0] += 1
    }

    func issueCreated(_ id: String, number: Int? = nil, title: String, owner: String, shared: Bool = true) {
        state.withLock { state in
            state.issues[id] = IssueRecord(title: title, owner: owner, number: number)
            if shared { state.shared.append(id) }
            audit(&state, "create_issue", id)
            audit(&state, "triage_started", id)
        }
    }

    func whyAdded(_ id: String, issueId: String) {
        state.withLock { state in
            state.whys[id] = issueId
            state.issues[issueId]?.whys += 1
            audit(&state, "add_five_why", id)
            audit(&state, "why_level_advanced", issueId)
        }
    }

    func issueUpdated(_ id: String, title: String? = nil, status: String? = nil) {
        state.withLock { state in
            if let title { state.issues[id]?.title = title }
            if let status { state.issues[id]?.status = status }
            audit(&state, "update_issue", id)
        }
    }

    func documentGenerated(_ id: String, issueId: String, kind: String) {
        state.withLock { state in
            state.documents["\(issueId) \(kind)", default: []].insert(id)
            audit(&state, kind == "rca" ? "generate_rca" : "generate_postmortem", id)
            audit(&state, kind == "rca" ? "rca_generated" : "postmortem_generated", issueId)
        }
    }

    func logImported(_ id: String, issueId: String, name: String, size: Int) {
        state.withLock { state in
            state.logs[id] = LogRecord(issueId: issueId, name: name, size: size)
            state.issues[issueId]?.logs += 1
            audit(&state, "upload_log_file", id)
            audit(&state, "log_uploaded", issueId)
        }
    }
}

/// Log text with PII for the detector: e-mail addresses, IPv4 addresses, now and then a
/// warning or an error.
enum TortureLogText {
    static func make(lines: Int, seed: Int, using random: inout TortureRandom) -> String {
        var text = ""
        for line in 0..<lines {
            let octets = [Int.random(in: 0...255, using: &random), Int.random(in: 0...255, using: &random),
                          Int.random(in: 1...254, using: &random)]
            let ip = "10." + octets.map(String.init).joined(separator: ".")
            let user = ["alice", "bob", "carol", "dave"][Int.random(in: 0..<4, using: &random)]
            let level = line % 17 == 3 ? "ERROR" : line % 11 == 5 ? "WARN" : "INFO"
            text += "2026-12-06T03:\(String(format: "%02d:%02d", line / 60 % 60, line % 60))Z api-\(seed) checkout[\(1000 + seed)]: "
            let took = Int.random(in: 1...9000, using: &random)
            text += "\(level) request from \(ip) for \(user).\(seed)@example.com took \(took) ms\n"
        }
        return text
    }
}

/// One loop of short-lived `trcaa` commands until the deadline: creates issues, adds whys,
/// changes titles and statuses of its own issues, generates documents, imports small logs and
/// reads in between. Every success goes into the ledger.
struct TortureWorker: Sendable {
    let index: Int
    /// Whether `issue new` takes `--json` (it then prints the issue with its id and number).
    let runner: TortureRunner
    let ledger: TortureLedger
    let deadline: Date
    let logDirectory: String

    private var name: String { "w\(index)" }
    private static let statuses = ["open", "triaging", "investigating", "resolved", "closed"]
    private static let severities = ["P1", "P2", "P3", "P4", "critical", "low"]
    private static let categories = ["linux", "network", "databases", "kubernetes", "application", "security"]

    func run() {
        var random = TortureRandom(seed: 0x7472_6361_6100 + UInt64(index))
        var mine: [String] = []
        var step = 0
        while Date() < deadline {
            step += 1
            let roll = Int.random(in: 0..<100, using: &random)
            if mine.isEmpty || roll < 18 {
                if let id = newIssue(step, &random) { mine.append(id) }
            } else if roll < 32 {
                addWhy(step, &random)
            } else if roll < 42 {
                changeStatus(mine[Int.random(in: 0..<mine.count, using: &random)], &random)
            } else if roll < 49 {
                rename(mine[Int.random(in: 0..<mine.count, using: &random)], step)
            } else if roll < 57 {
                generate(Int.random(in: 0..<4, using: &random) == 0 ? "postmortem" : "rca", &random)
            } else if roll < 69 {
                importLog(step, &random)
            } else {
                read(roll, mine[Int.random(in: 0..<mine.count, using: &random)], &random)
            }
        }
    }

    private func write(_ arguments: [String]) -> TortureOutcome? {
        let outcome = runner.run(arguments, tag: name)
        return ledger.finished(outcome, command: arguments, by: name, isWrite: true) ? outcome : nil
    }

    private func created(_ arguments: [String]) -> String? {
        guard let outcome = write(arguments) else { return nil }
        guard let id = outcome.createdId else {
            ledger.malformed(outcome, command: arguments, by: name)
            return nil
        }
        return id
    }

    private func newIssue(_ step: Int, _ random: inout TortureRandom) -> String? {
        let title = "torture \(name) #\(step) checkout timeout on db-\(step % 7)"
        let arguments = ["issue", "new", title,
                         "--severity", Self.severities[Int.random(in: 0..<Self.severities.count, using: &random)],
                         "--category", Self.categories[Int.random(in: 0..<Self.categories.count, using: &random)],
                         "--description", "Reported by oncall.\(name)@example.com from 192.168.\(index).\(step % 250 + 1)"]
            + ["--json"]
        guard let outcome = write(arguments) else { return nil }
        guard let issue = outcome.createdIssue else {
            ledger.malformed(outcome, command: arguments, by: name)
            return nil
        }
        ledger.issueCreated(issue.id, number: issue.number, title: title, owner: name)
        return issue.id
    }

    private func addWhy(_ step: Int, _ random: inout TortureRandom) {
        guard let issue = ledger.sharedIssue(using: &random) else { return }
        let arguments = ["why", "add", issue, "Why did step \(step) of \(name) time out?",
                         "--answer", "The pool on 10.0.\(index).\(step % 250 + 1) was exhausted",
                         "--evidence", "api.log: ERROR from admin@example.com"]
        if let id = created(arguments) { ledger.whyAdded(id, issueId: issue) }
    }

    private func changeStatus(_ issue: String, _ random: inout TortureRandom) {
        let current = ledger.issue(issue)?.status ?? "open"
        let choices = Self.statuses.filter { $0 != current }
        let status = choices[Int.random(in: 0..<choices.count, using: &random)]
        if write(["issue", "status", issue, status]) != nil { ledger.issueUpdated(issue, status: status) }
    }

    private func rename(_ issue: String, _ step: Int) {
        let title = "torture \(name) renamed at #\(step) (\(String(issue.suffix(6))))"
        if write(["issue", "edit", issue, "--title", title]) != nil { ledger.issueUpdated(issue, title: title) }
    }

    private func generate(_ kind: String, _ random: inout TortureRandom) {
        guard let issue = ledger.sharedIssue(using: &random) else { return }
        if let id = created(["doc", kind, issue]) { ledger.documentGenerated(id, issueId: issue, kind: kind) }
    }

    private func importLog(_ step: Int, _ random: inout TortureRandom) {
        guard let issue = ledger.sharedIssue(using: &random) else { return }
        let fileName = "\(name)-\(step).log"
        let path = logDirectory + "/" + fileName
        let text = TortureLogText.make(lines: Int.random(in: 10...150, using: &random), seed: index * 1000 + step,
                                       using: &random)
        do {
            try text.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            return ledger.fail("\(name): cannot write \(path): \(error)")
        }
        if let id = created(["log", "import", issue, path, "--quiet"]) {
            ledger.logImported(id, issueId: issue, name: fileName, size: text.utf8.count)
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    private func read(_ roll: Int, _ issue: String, _ random: inout TortureRandom) {
        let arguments: [String] = switch roll % 6 {
        case 0: ["issue", "list", "--limit", "20"]
        case 1: ["search", ["torture", "checkout timeout", "exhausted", "renamed"][Int.random(in: 0..<4, using: &random)]]
        case 2: ["log", "list", issue]
        case 3: ["audit", "list", "--limit", "20"]
        case 4: ["issue", "show", issue, "--json"]
        default: ["issue", "list", "--status", "open", "--json", "--limit", "10"]
        }
        _ = ledger.finished(runner.run(arguments, tag: name), command: arguments, by: name, isWrite: false)
    }
}

/// `trcaa log import ISSUE - --name NAME` on a pipe that the test feeds a line at a time for
/// as long as it likes: the command opens the store (and resolves the issue through it)
/// before it reads stdin, so it holds a WAL connection open the whole time, then writes once
/// the pipe ends. It runs and is waited for on a thread of its own.
final class TortureStdinHolder: @unchecked Sendable {
    let name: String
    let pid: Int32
    private let writeEnd: Int32
    private let fed = TortureLocked((bytes: 0, stop: false, failed: ""))
    private let outcome = TortureLocked<TortureOutcome?>(nil)
    private let exited = DispatchSemaphore(value: 0)
    private let feederDone = DispatchSemaphore(value: 0)
    private var feeding = false, finished = false

    init(runner: TortureRunner, issue: String, name: String) throws {
        self.name = name
        var fds: [Int32] = [0, 0]
        // Nothing else starts a process at this point; both ends are close-on-exec before any does.
        guard pipe(&fds) == 0, fcntl(fds[0], F_SETFD, FD_CLOEXEC) == 0, fcntl(fds[1], F_SETFD, FD_CLOEXEC) == 0 else {
            throw CocoaError(.fileWriteUnknown)
        }
        writeEnd = fds[1]
        let readEnd = fds[0]
        let arguments = ["log", "import", issue, "-", "--name", name, "--quiet"]
        let launched = TortureLocked<(pid: Int32, error: String)?>(nil)
        let started = DispatchSemaphore(value: 0)
        Thread { [outcome, exited] in
            tortureClearSignalMask()
            let out = "\(runner.scratch)/holder.out", err = "\(runner.scratch)/holder.err"
            let input = FileHandle(fileDescriptor: readEnd, closeOnDealloc: true)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: CLI.binary)
            process.arguments = arguments
            process.environment = runner.environment
            process.standardInput = input
            let stdout = tortureOutputFile(out), stderr = tortureOutputFile(err)
            process.standardOutput = stdout
            process.standardError = stderr
            let begun = Date()
            do {
                try process.run()
            } catch {
                launched.withLock { $0 = (0, "cannot start trcaa: \(error)") }
                started.signal()
                exited.signal()
                return
            }
            try? input.close()
            try? stdout.close()
            try? stderr.close()
            runner.watch.add(process.processIdentifier, label: "stdin holder: trcaa log import -", longLived: true)
            launched.withLock { $0 = (process.processIdentifier, "") }
            started.signal()
            process.waitUntilExit()
            runner.watch.remove(process.processIdentifier)
            outcome.withLock {
                $0 = TortureOutcome(status: process.terminationStatus, signaled: process.terminationReason == .uncaughtSignal,
                                    stdout: tortureRead(out), stderr: tortureRead(err), seconds: Date().timeIntervalSince(begun))
            }
            exited.signal()
        }.start()
        started.wait()
        let result = launched.withLock { $0! }  // Safe: set before `started` was signalled.
        pid = result.pid
        guard result.error.isEmpty else {
            close(writeEnd)
            finished = true
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: result.error])
        }
    }

    /// A test that stopped early ends the import without leaving it waiting on its stdin.
    deinit {
        guard !finished else { return }
        fed.withLock { $0.stop = true }
        if feeding { feederDone.wait() }
        close(writeEnd)
        kill(pid, SIGKILL)
        exited.wait()
    }

    /// Feeds a line every `interval` seconds from a thread of its own until `finish`.
    func feed(every interval: Double) {
        let fd = writeEnd
        feeding = true
        Thread { [fed, feederDone] in
            var random = TortureRandom(seed: 0x686F_6C64)
            var line = 0
            while !fed.withLock({ $0.stop }) {
                let text = Array(TortureLogText.make(lines: 1, seed: 9000 + line, using: &random).utf8)
                let written = text.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
                if written != text.count {
                    fed.withLock { $0.failed = "writing to the holder's stdin: \(String(cString: strerror(errno)))" }
                    break
                }
                fed.withLock { $0.bytes += text.count }
                line += 1
                Thread.sleep(forTimeInterval: interval)
            }
            feederDone.signal()
        }.start()
    }

    /// Ends the pipe, waits for the import, returns its outcome and the bytes it was given.
    func finish() -> (outcome: TortureOutcome, bytes: Int, feedError: String) {
        fed.withLock { $0.stop = true }
        if feeding { feederDone.wait() }
        close(writeEnd)
        finished = true
        if exited.wait(timeout: .now() + TortureSettings.hungAfter) == .timedOut {
            kill(pid, SIGKILL)
            exited.wait()
        }
        let state = fed.withLock { $0 }
        return (outcome.withLock { $0! }, state.bytes, state.failed)  // Safe: set before `exited` was signalled.
    }
}

/// The full-screen interface, run in a private tmux server (its own socket) with a pinned
/// size, as tui-in-tmux.sh runs it. The pane stays after trcaa exits so its status can be read.
final class TortureInterface {
    let socket: String
    private let scratch: String
    private let clientEnvironment: [String: String]

    /// Nil when tmux is not installed.
    init?(home: String) {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        guard path.split(separator: ":").contains(where: { FileManager.default.isExecutableFile(atPath: "\($0)/tmux") })
        else { return nil }
        socket = "trcaa-torture-\(getpid())-\(UUID().uuidString.prefix(8))"
        scratch = home + "/scratch/tmux"
        clientEnvironment = ["PATH": path, "HOME": home, "LANG": "C.UTF-8", "TMUX_TMPDIR": home]
    }

    @discardableResult
    func tmux(_ arguments: [String]) -> TortureOutcome {
        tortureRunProgram(["tmux", "-L", socket] + arguments, environment: clientEnvironment, scratch: scratch)
    }

    /// Starts `trcaa` (no subcommand) in a 120x30 pane with `environment` only.
    func start(environment: [String: String]) -> TortureOutcome {
        let config = scratch + ".conf"
        try? "set -g remain-on-exit on\nset -g status off\n".write(toFile: config, atomically: true, encoding: .utf8)
        var command = ["env", "-i"]
        // The pane's size, not the CLI harness's COLUMNS, is the interface's: at 100 columns the
        // status bar has no room for a long toast beside a server store's long database name.
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) where !["TERM", "COLUMNS", "LINES"].contains(key) {
            command.append("\(key)=\(value)")
        }
        command += ["TERM=tmux-256color", CLI.binary]
        // A shell in the pane keeps trcaa's exit status in a file: tmux may mark a pane dead
        // long before it reaps the process and knows the status.
        try? FileManager.default.removeItem(atPath: statusFile)
        command = ["bash", "-c", #""${@:2}"; echo $? > "$1""#, "bash", statusFile] + command
        // The tmux server outlives this client and would keep every descriptor it inherited,
        // among them the socket through which Foundation learns that the client has exited:
        // close all but stdio first.
        let closeInherited = #"for fd in /proc/$$/fd/*; do n=${fd##*/}; [ "$n" -gt 2 ] && eval "exec $n>&-"; done 2>/dev/null; exec "$@""#
        return tortureRunProgram(["bash", "-c", closeInherited, "bash", "tmux", "-L", socket, "-f", config, "new-session", "-d",
                                  "-s", "t", "-x", "120", "-y", "30"] + command,
                                 environment: clientEnvironment, scratch: scratch)
    }

    func screen() -> String { tmux(["capture-pane", "-p", "-t", "t"]).stdout }

    func pane(_ format: String) -> String {
        tmux(["display", "-p", "-t", "t", format]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private var statusFile: String { scratch + ".status" }

    /// The pid of trcaa in the pane: the child of the pane's shell (`env` execs trcaa).
    var pid: Int32? {
        guard let shell = Int32(pane("#{pane_pid}")),
              let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        else { return nil }
        return children.split(separator: " ").first.flatMap { Int32($0) }
    }

    /// Polls the screen every 100 ms until `done` holds or `timeout` passes.
    func wait(_ timeout: Double, until done: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if done(screen()) { return true }
            Thread.sleep(forTimeInterval: 0.1)
        } while Date() < deadline
        return false
    }

    enum Creation { case created, busy(String), failed(String) }

    /// `a`, the title, Ctrl-s: the new-issue form, as a user fills it in.
    func createIssue(title: String) -> Creation {
        tmux(["send-keys", "-t", "t", "a"])
        guard wait(30, until: { $0.contains("New issue") }) else { return .failed("no form after a:\n" + screen()) }
        tmux(["send-keys", "-t", "t", "-l", title])
        guard wait(30, until: { $0.contains(title) }) else { return .failed("the title was not typed:\n" + screen()) }
        tmux(["send-keys", "-t", "t", "C-s"])
        var outcome: Creation = .failed("")
        let settled = wait(30) { screen in
            if screen.contains("created “\(title)”") {
                outcome = .created
                return true
            }
            if let line = screen.split(separator: "\n").first(where: { $0.contains("locked by another") }) {
                outcome = .busy(line.trimmingCharacters(in: .whitespaces))
                return true
            }
            return false
        }
        return settled ? outcome : .failed("no “created” after Ctrl-s:\n" + screen())
    }

    /// `Q`, then how trcaa ended: `exit 0` (a signal shows as `exit 128+N`), or nil if it did
    /// not end within 30 s.
    func quit() -> String? {
        tmux(["send-keys", "-t", "t", "Q"])
        let deadline = Date().addingTimeInterval(30)
        while Date() < deadline {
            let status = (try? String(contentsOfFile: statusFile, encoding: .utf8))?
                .trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
            if !status.isEmpty { return "exit \(status)" }
            Thread.sleep(forTimeInterval: 0.1)
        }
        return nil
    }

    func stop() { tmux(["kill-server"]) }
}
