import Foundation
import Testing
import TestSupport

/// Bug #14: two trcaa processes on one store lost committed writes. A process closed a
/// descriptor of the database file outside SQLite, which dropped its POSIX lock; another
/// process closing its connection then believed it was the last one and deleted the `-wal` and
/// `-shm` under the running one, whose later commits went to a log nobody else would read.
///
/// Here the real binary runs as several processes on one store at once, for a bounded time
/// (`TRCAA_TORTURE_SECONDS` for a longer soak): short-lived commands that create, change,
/// generate, import and read, next to two long-lived processes that hold the store open the
/// whole time and write only after the others have come and gone — a `log import -` on a slow
/// pipe and the full-screen interface in tmux. Afterwards every write that reported success
/// must be in the store, the store must pass `db check` and `audit verify`, and the audit chain
/// must hold exactly the rows those writes add. A busy store (exit 75) is allowed and counted;
/// any other failure, a command that hangs (a deadlock), or a process seen with a deleted
/// `-wal`/`-shm` fails the test. The same workload runs with eight command loops on a store on
/// a PostgreSQL server (issue #19), where the server must also count no deadlock.
@Suite struct MultiProcessTortureTests {
    @Test(.sqlcipherOnly) func processesComingAndGoingNextToLongLivedOnesLoseNoCommittedWrite() throws {
        try torture(CLI(store: .sqlcipher))
    }

    @Test(.needsPostgres) func eightWritersOnAServerStoreLoseNoCommittedWriteAndNeverDeadlock() throws {
        try torture(CLI(store: .postgres))
    }

    private func torture(_ cli: CLI) throws {
        let store = TortureStore(cli: cli)
        let seconds = TortureSettings.seconds
        let environment = cli.environment
        let scratch = cli.home + "/scratch", logs = cli.home + "/logs"
        for directory in [scratch, logs] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        signal(SIGPIPE, SIG_IGN)  // a holder that died must fail the test, not end it
        let watch = TortureWatch()
        let ledger = TortureLedger()
        let runner = TortureRunner(environment: environment, watch: watch, scratch: scratch)
        let started = Date()

        // The store, and the issue the stdin holder imports into (the workers use it too).
        let setup = runner.run(["issue", "new", "torture: the holders' issue", "--severity", "P1", "--json"], tag: "setup")
        let created = try #require(setup.createdIssue, "creating the store: \(setup.described)")
        let holderIssue = created.id
        ledger.issueCreated(holderIssue, number: created.number, title: "torture: the holders' issue", owner: "setup")

        // The interface, holding the store from its start to its quit.
        var notes: [String] = []
        var interfaceBusy = 0
        var interfaceTitles: [String] = []
        let interface = TortureInterface(home: cli.home)
        defer { interface?.stop() }
        if let interface {
            let start = interface.start(environment: environment)
            try #require(start.status == 0, "tmux new-session: \(start.described)")
            #expect(interface.wait(30) { $0.contains("sort: updated") },
                    "the interface did not show the issue list:\n\(interface.screen())")
            let pid = try #require(interface.pid, "no pid for the interface's pane")
            watch.add(pid, label: "interface (tmux)", longLived: true)
            #expect(waitUntil(15) { store.isHeld(by: pid) }, "the interface does not hold the store open")
        } else {
            notes.append("tmux is not installed: the interface case did not run")
        }

        // `log import -` on a pipe fed a line at a time: the store is open before stdin is read.
        let holder = try TortureStdinHolder(runner: runner, issue: holderIssue, name: "slow.log")
        holder.feed(every: 0.25)
        #expect(waitUntil(15) { store.isHeld(by: holder.pid) }, "the stdin holder does not hold the store open")

        // The workers, while the watch looks for a deleted -wal or -shm.
        watch.start()
        let deadline = Date().addingTimeInterval(seconds)
        let workersDone = DispatchGroup()
        let lastWorkerDone = TortureLocked(Date())
        for index in 1...store.workers {
            let worker = TortureWorker(index: index, runner: runner, ledger: ledger,
                                       deadline: deadline, logDirectory: logs)
            workersDone.enter()
            Thread {
                tortureClearSignalMask()
                worker.run()
                lastWorkerDone.withLock { $0 = max($0, Date()) }
                workersDone.leave()
            }.start()
        }

        // The interface writes while the workers run (half-way, or every minute of a soak) and at
        // the end, after them.
        func interfaceCreates(_ title: String) {
            guard let interface else { return }
            for _ in 1...3 {
                switch interface.createIssue(title: title) {
                case .created:
                    interfaceTitles.append(title)
                    return
                case .busy(let message):
                    interfaceBusy += 1
                    notes.append("interface: \(message)")
                case .failed(let screen):
                    ledger.fail("interface: creating “\(title)”: \(screen)")
                    return
                }
            }
        }
        let every = min(seconds / 2, 60)
        for offset in stride(from: every, to: seconds, by: every) {
            Thread.sleep(until: deadline.addingTimeInterval(offset - seconds))
            interfaceCreates("torture interface at \(Int(offset)) s \(UUID().uuidString.prefix(8))")
        }
        workersDone.wait()
        let loadSeconds = lastWorkerDone.withLock { $0 }.timeIntervalSince(deadline) + seconds

        let held = holder.finish()
        if ledger.finished(held.outcome, command: ["log", "import", holderIssue, "-"], by: "stdin holder", isWrite: true,
                           longLived: true) {
            if let id = held.outcome.createdId {
                ledger.logImported(id, issueId: holderIssue, name: holder.name, size: held.bytes)
            } else {
                ledger.malformed(held.outcome, command: ["log", "import"], by: "stdin holder")
            }
        }
        if !held.feedError.isEmpty { ledger.fail("stdin holder: \(held.feedError)") }

        interfaceCreates("torture interface after the others \(UUID().uuidString.prefix(8))")
        if let interface {
            let ending = interface.quit()
            #expect(ending == "exit 0", "the interface ended with \(ending ?? "no exit within 30 s"):\n\(interface.screen())")
            interface.stop()
        }
        watch.stop()

        // Everything has ended: what was reported must be stored, exactly once.
        let check = Verification(runner: runner, store: store, ledger: ledger)
        let problems: [Verification.Problem]
        do {
            problems = try check.run(holderIssue: holderIssue, interfaceTitles: interfaceTitles)
        } catch {
            problems = [Verification.Problem(text: "the checks stopped: \(error)", isLoss: false)]
        }
        let contents = ledger.contents
        let lost = problems.filter(\.isLoss).count
        let total = Date().timeIntervalSince(started)
        let logWatch = store.onServer ? "" : "deleted -wal/-shm seen \(watch.sightings.count) in \(watch.scans) scans; "
        print("""
            torture on \(store): \(store.workers + 1 + (interface == nil ? 0 : 1)) processes at once \
            (\(store.workers) command loops, a stdin holder\(interface == nil ? "" : ", the interface in tmux")), \
            \(String(format: "%.0f", loadSeconds)) s of load (\(String(format: "%.0f", total)) s in all), \
            \(contents.commands) commands: \(contents.writes) writes ok \
            (\(String(format: "%.1f", Double(contents.writes) / loadSeconds)) writes/s), \
            \(contents.busyWrites + interfaceBusy) busy writes (exit 75), \
            \(contents.reads) reads ok, \(contents.busyReads) busy reads; stored and checked: \(contents.issues.count) issues \
            (\(interfaceTitles.count) from the interface), \(contents.whys.count) whys, \(contents.logs.count) logs, \
            \(contents.documents.count) documents, \(contents.audit.values.reduce(0, +)) audit rows; lost \(lost), \
            \(logWatch)\
            exit codes \(contents.statuses.sorted { $0.key < $1.key }.map { "\($0.key)×\($0.value)" }.joined(separator: " ")); \
            slowest \(String(format: "%.1f", contents.slowest.seconds)) s (\(contents.slowest.what))
            """)
        for note in notes + contents.busyNotes { print("torture: \(note)") }

        #expect(watch.sightings.isEmpty, "processes writing to a deleted log:\n\(watch.sightings.joined(separator: "\n"))")
        #expect(watch.hung.isEmpty, "\(watch.hung.joined(separator: "\n"))")
        #expect(contents.failures.isEmpty, "failed commands:\n\(contents.failures.prefix(20).joined(separator: "\n"))")
        #expect(problems.isEmpty, "\(problems.count) problems:\n\(problems.prefix(30).map(\.text).joined(separator: "\n"))")
        #expect(contents.writes > 0, "no write succeeded")
    }

    private func waitUntil(_ timeout: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        repeat {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        } while Date() < deadline
        return false
    }
}

/// The checks after the run, through trcaa (lists, `issue show`, `db check`, `audit verify`)
/// and, for whys, documents, a file's integrity and a server's deadlocks, the store's own shell
/// as a second reader.
private struct Verification {
    let runner: TortureRunner
    let store: TortureStore
    let ledger: TortureLedger

    struct Problem {
        var text: String
        /// A write that reported success and is not (or not so) in the store.
        var isLoss: Bool
    }

    private func json<T>(_ arguments: [String], as type: T.Type) throws -> T {
        let result = runner.run(arguments, tag: "verify")
        try #require(result.status == 0, "trcaa \(arguments.joined(separator: " ")): \(result.described)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? T,
                            "trcaa \(arguments.joined(separator: " ")) printed no JSON \(T.self)")
    }

    func run(holderIssue: String, interfaceTitles: [String]) throws -> [Problem] {
        var problems: [Problem] = []
        func lost(_ text: String) { problems.append(Problem(text: text, isLoss: true)) }
        func wrong(_ text: String) { problems.append(Problem(text: text, isLoss: false)) }

        // Issues: each reported one, with the last title and status its owner set.
        let listed = try json(["issue", "list", "--json", "--limit", "10000000"], as: [[String: Any]].self)
        var stored: [String: [String: Any]] = [:]
        for issue in listed { if let id = issue["id"] as? String { stored[id] = issue } }
        for title in interfaceTitles {
            let matches = listed.filter { $0["title"] as? String == title }
            if matches.count == 1, let id = matches[0]["id"] as? String {
                ledger.issueCreated(id, number: matches[0]["number"] as? Int, title: title, owner: "interface", shared: false)
            } else {
                lost("the issue “\(title)” the interface reported as created is stored \(matches.count) times")
            }
        }
        let expected = ledger.contents
        for (id, issue) in expected.issues.sorted(by: { $0.key < $1.key }) {
            guard let row = stored[id] else {
                lost("issue \(id) “\(issue.title)” (\(issue.owner)) is missing")
                continue
            }
            if row["title"] as? String != issue.title {
                lost("issue \(id): title “\(row["title"] ?? "")”, the last edit set “\(issue.title)”")
            }
            if row["status"] as? String != issue.status {
                lost("issue \(id): status \(row["status"] ?? ""), the last change set \(issue.status)")
            }
            if row["step_count"] as? Int != issue.whys {
                lost("issue \(id): \(row["step_count"] ?? "?") whys, \(issue.whys) were added")
            }
            if row["log_count"] as? Int != issue.logs {
                lost("issue \(id): \(row["log_count"] ?? "?") logs, \(issue.logs) were imported")
            }
            if let number = issue.number, row["number"] as? Int != number {
                wrong("issue \(id): number \(row["number"] ?? "none") stored, \(number) printed when it was created")
            }
        }
        let numbers = listed.compactMap { $0["number"] as? Int }
        if Set(numbers).count != numbers.count {
            wrong("issue numbers given twice: \(Dictionary(grouping: numbers) { $0 }.filter { $0.value.count > 1 }.keys.sorted())")
        }
        for id in Set(stored.keys).subtracting(expected.issues.keys) {
            wrong("issue \(id) “\(stored[id]?["title"] ?? "")” is stored but no command reported creating it")
        }

        // Logs: each reported import, whole, with its PII found.
        let logRows = try json(["log", "list", "--json"], as: [[String: Any]].self)
        var storedLogs: [String: [String: Any]] = [:]
        for log in logRows {
            if let summary = log["summary"] as? [String: Any], let id = summary["id"] as? String { storedLogs[id] = log }
        }
        for (id, log) in expected.logs.sorted(by: { $0.key < $1.key }) {
            guard let row = storedLogs[id], let summary = row["summary"] as? [String: Any] else {
                lost("log \(id) \(log.name) is missing")
                continue
            }
            if summary["issue_id"] as? String != log.issueId || summary["file_name"] as? String != log.name
                || summary["file_size"] as? Int != log.size {
                lost("log \(id): stored as \(summary["file_name"] ?? "") of \(summary["file_size"] ?? "") bytes in "
                     + "\(summary["issue_id"] ?? ""), imported as \(log.name) of \(log.size) bytes in \(log.issueId)")
            }
            let types = Set(((row["pii_counts"] as? [[String: Any]]) ?? []).compactMap { $0["type"] as? String })
            if !types.isSuperset(of: ["Email", "IPv4"]) { wrong("log \(id) \(log.name): PII found \(types.sorted()), not Email and IPv4") }
        }
        for id in Set(storedLogs.keys).subtracting(expected.logs.keys) { wrong("log \(id) is stored but no import reported it") }

        // Whys and documents, and the file's integrity or the server's deadlocks, read by the store's shell.
        let checks = store.onServer ? "SELECT 'X|' || deadlocks FROM pg_stat_database WHERE datname = current_database();"
            : "SELECT 'I|' || integrity_check FROM pragma_integrity_check;"
        let shell = try store.cli.shellSQL("""
            SELECT 'S|' || id || '|' || issue_id FROM resolution_steps;
            SELECT 'D|' || id || '|' || issue_id || '|' || doc_type FROM documents;
            \(checks)
            """)
        var steps: [String: String] = [:], documents: [String: String] = [:], integrity: [String] = [], deadlocks: [String] = []
        for line in shell.split(separator: "\n") {
            let fields = line.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
            switch fields.first {
            case "S" where fields.count == 3: steps[fields[1]] = fields[2]
            case "D" where fields.count == 4: documents["\(fields[2]) \(fields[3])"] = fields[1]
            case "I": integrity.append(fields.dropFirst().joined(separator: "|"))
            case "X": deadlocks.append(fields.dropFirst().joined(separator: "|"))
            default: break
            }
        }
        if store.onServer, deadlocks != ["0"] { wrong("the server detected deadlocks on the store's database: \(deadlocks)") }
        if !store.onServer, integrity != ["ok"] { wrong("sqlcipher: integrity_check says \(integrity)") }
        for (id, issue) in expected.whys.sorted(by: { $0.key < $1.key }) where steps[id] != issue {
            lost("why \(id) of issue \(issue) is missing")
        }
        for id in Set(steps.keys).subtracting(expected.whys.keys) { wrong("why \(id) is stored but no command reported adding it") }
        for (issueAndKind, ids) in expected.documents.sorted(by: { $0.key < $1.key }) {
            if ids.count != 1 { wrong("\(issueAndKind): regenerating printed several document ids \(ids.sorted())") }
            if let stored = documents[issueAndKind], ids.contains(stored) { continue }
            lost("document \(ids.sorted().joined(separator: ", ")) (\(issueAndKind)) is missing")
        }
        for issueAndKind in Set(documents.keys).subtracting(expected.documents.keys) {
            wrong("document \(documents[issueAndKind] ?? "") (\(issueAndKind)) is stored but no command reported generating it")
        }

        // `issue show` for the holders' issue, the interface's and a few more.
        let others = expected.issues.filter { $0.key != holderIssue && $0.value.whys > 0 && $0.value.logs > 0 }
        let sample = [holderIssue] + expected.issues.filter { $0.value.owner == "interface" }.map(\.key).sorted()
            + others.map(\.key).sorted().prefix(3)
        for id in sample where stored[id] != nil {
            let shown = try json(["issue", "show", id, "--json"], as: [String: Any].self)
            let stepIds = Set(((shown["steps"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            let logIds = Set(((shown["log_files"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            let documentIds = Set(((shown["documents"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String })
            if stepIds != Set(expected.whys.filter { $0.value == id }.keys) { lost("issue show \(id): whys \(stepIds.sorted())") }
            if logIds != Set(expected.logs.filter { $0.value.issueId == id }.keys) { lost("issue show \(id): logs \(logIds.sorted())") }
            let reported = expected.documents.filter { $0.key.hasPrefix(id + " ") }.values.reduce(Set<String>()) { $0.union($1) }
            if documentIds != reported { lost("issue show \(id): documents \(documentIds.sorted()), reported \(reported.sorted())") }
        }

        // The audit chain: intact, and exactly the rows the reported writes add.
        let dbCheck = runner.run(["db", "check"], tag: "verify")
        if dbCheck.status != 0 { wrong("db check: \(dbCheck.described)\n\(dbCheck.stdout)") }
        let verify = runner.run(["audit", "verify"], tag: "verify")
        if verify.status != 0 { wrong("audit verify: \(verify.described)\n\(verify.stdout)") }
        let entries = try json(["audit", "list", "--json", "--limit", "100000000"], as: [[String: Any]].self)
        var actual: [String: Int] = [:]
        for entry in entries { actual["\(entry["action"] as? String ?? "?") \(entry["entity_id"] as? String ?? "?")", default: 0] += 1 }
        let wanted = ledger.contents.audit
        if actual != wanted {
            func perAction(_ rows: [String: Int]) -> [String: Int] {
                rows.reduce(into: [:]) { $0[String($1.key.split(separator: " ")[0]), default: 0] += $1.value }
            }
            let have = perAction(actual), want = perAction(wanted)
            let actions = Set(have.keys).union(want.keys).sorted()
            wrong("audit rows per action (stored/reported): "
                  + actions.map { "\($0) \(have[$0] ?? 0)/\(want[$0] ?? 0)" }.joined(separator: ", "))
            for key in Set(actual.keys).union(wanted.keys).sorted() where actual[key] != wanted[key] {
                let text = "audit \(key): \(actual[key] ?? 0) stored, \((wanted[key] ?? 0)) reported"
                if (actual[key] ?? 0) < (wanted[key] ?? 0) { lost(text) } else { wrong(text) }
            }
        }
        let rows = wanted.values.reduce(0, +)
        if verify.status == 0, !verify.stdout.contains("intact: \(rows) entries") {
            wrong("audit verify: \(verify.stdout.trimmingCharacters(in: .newlines)), the writes added \(rows)")
        }
        return problems
    }
}
