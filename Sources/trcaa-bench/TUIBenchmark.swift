import ArgumentParser
import Foundation
import TRCAACore
import TRCAATUI

/// The full-screen interface on a store of 100 000 issues, driven headless (the real `update`,
/// store effects and `render`, without a terminal): the first frame against the key derivation,
/// keypress-to-frame latencies, and the peak memory of the process that ran them.
struct TUIBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui", abstract: "First frame, keypress to frame and memory of the interface on 100 000 issues.")

    @Option(help: "Where the generated store is kept between runs (shared with `triage`).")
    var store = NSTemporaryDirectory() + "trcaa-bench-triage"
    @Option(help: "Issues in the store.") var issues = 100_000
    @Option(help: "Launches for the first-frame figure.") var runs = 10
    @Option(help: "Keypresses per navigation figure.") var keys = 2000
    @Option(help: "Screen size, WIDTHxHEIGHT.") var size = "120x40"
    @Option(help: "Log samples whose lines become the issues' text.") var corpus = "../shared/data/loghub"
    @Option(help: "Size of the log the viewer figures open, in MB (0 leaves them out).") var logMegabytes = 100
    @Option(help: .hidden) var driver: DriverMode?
    @Option(help: .hidden) var words: [String] = []
    @Option(help: .hidden) var logIssue: String?

    enum DriverMode: String, ExpressibleByArgument { case firstFrame = "first-frame", keys, viewer }

    mutating func run() throws {
        let environment = ["TRCAA_DB_KEY": "bench-triage-key", "HOME": store]
        if let driver { return try drive(driver, environment: environment) }

        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: store), environment: environment)
        let text = TriageDataset.Corpus.load(from: corpus)
        try TriageDataset.fill(workspace, count: issues, corpus: text, log: { print($0) })
        // Chosen here: the driver's memory figure must not hold the corpus.
        var random = TriageDataset.Random(state: 42)
        let queries = (0..<40).map { _ in random.pick(text.wordsByFrequency) }
        print("Store: \(store)/trcaa.db, \(try workspace.issues.count()) issues, screen \(size)\n")

        let kdf = try KeyDerivationBaseline.measure(key: environment["TRCAA_DB_KEY"]!,  // Safe: set above.
                                                    databasePath: store + "/trcaa.db", runs: runs)
        var inProcess = Samples("open, load the first page, first frame (in process)")
        var peakFirst = 0
        let launch = try Samples.measure("process start to first frame and exit", runs: runs) {
            let report = try launchDriver(.firstFrame, words: [], environment: environment)
            inProcess.append(contentsOf: report.samples[0].seconds)
            peakFirst = max(peakFirst, report.peakKiB)
        }
        Report.printTable(title: "First frame, \(runs) launches (bar: within the KDF + 100 ms)", baseline: kdf,
                          figures: [inProcess, launch])
        print("  first frame beyond the KDF: \(Report.milliseconds(inProcess.median - kdf.median)) in process, "
              + "\(Report.milliseconds(launch.median - kdf.median)) with process start and exit\n")

        let report = try launchDriver(.keys, words: queries, environment: environment)
        Self.printLatencies("Keypress to frame: update, store effects run to idle, render (bar: p99 ≤ 16 ms)", report.samples)
        print("\nPeak RSS (bar: ≤ 40 MB): \(peakFirst / 1024) MiB to the first frame, "
              + "\(report.peakKiB / 1024) MiB after every figure above\n")
        if logMegabytes > 0 { try viewerFigures(workspace, environment: environment) }
    }

    /// The viewer on a large stored log, next to lnav opening the same file where it is installed.
    private func viewerFigures(_ workspace: Workspace, environment: [String: String]) throws {
        let name = "viewer-\(logMegabytes)MB.log"
        let path = try LogsBaselines.input(megabytes: logMegabytes, corpus: corpus,
                                           directory: NSTemporaryDirectory() + "trcaa-bench-logs")
        let log: LogFileSummary
        if let stored = try workspace.logs.list().first(where: { $0.summary.fileName == name }) {
            log = stored.summary
        } else {
            print("Importing \(path) as \(name)…")
            var options = LogImportOptions()
            options.name = name
            let issue = try workspace.issues.create(IssueDraft(title: "Viewer benchmark"))
            log = try workspace.logs.importLog(issueId: issue.id, path: path, options: options).summary
        }
        let report = try launchDriver(.viewer, words: [], environment: environment, logIssue: log.issueId)
        Self.printLatencies("Log viewer on \(name) (\(ByteSize.describe(log.fileSize))): key to frame (bar: ≤ 100 ms)",
                            report.samples)
        print("  peak RSS of the driver: \(report.peakKiB / 1024) MiB (the log is \(log.fileSize / 1_048_576) MiB)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/lnav") else {
            return print("  (lnav is not installed: no baseline)")
        }
        let lnav = try Samples.measure("lnav -n -c ':goto 0' on the same file", runs: 3) {
            try Spawn.runQuietly(["/usr/bin/lnav", "-n", "-c", ":goto 0", path], environment: ["HOME": store, "TERM": "dumb"])
        }
        print("  \(lnav.name): median \(Report.milliseconds(lnav.median)) (it indexes the whole file first)")
    }

    /// A table of latencies: median, p95, p99 and max.
    private static func printLatencies(_ title: String, _ figures: [Samples]) {
        print(title)
        print("  " + "keys".padding(52) + "median".padding(11, left: true) + "p95".padding(11, left: true)
              + "p99".padding(11, left: true) + "max".padding(11, left: true))
        for samples in figures {
            print("  " + samples.name.padding(52) + Report.milliseconds(samples.median).padding(11, left: true)
                  + Report.milliseconds(samples.percentile(95)).padding(11, left: true)
                  + Report.milliseconds(samples.percentile(99)).padding(11, left: true)
                  + Report.milliseconds(samples.percentile(100)).padding(11, left: true))
        }
    }

    /// What a driver process measured, and its peak resident memory.
    private struct DriverReport {
        var samples: [Samples] = []
        var peakKiB = 0
    }

    /// Runs this program again as a driver, so the memory figure is the interface's alone. The
    /// driver reports its own peak (`VmHWM`): the `ru_maxrss` of a spawned child starts at its
    /// parent's peak, and this parent holds the generated store's corpus.
    private func launchDriver(_ mode: DriverMode, words: [String], environment: [String: String],
                              logIssue: String? = nil) throws -> DriverReport
    {
        let output = NSTemporaryDirectory() + "trcaa-bench-tui-\(getpid()).txt"
        defer { try? FileManager.default.removeItem(atPath: output) }
        let program = try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")
        try Spawn.runQuietly(
            [program, "tui", "--driver", mode.rawValue, "--store", store, "--keys", "\(keys)", "--size", size]
                + words.flatMap { ["--words", $0] } + (logIssue.map { ["--log-issue", $0] } ?? []),
            environment: environment, stdout: output)
        var report = DriverReport()
        for line in try String(contentsOfFile: output, encoding: .utf8).split(separator: "\n") {
            let fields = line.split(separator: "\t")
            if fields[0] == "peak KiB" { report.peakKiB = Int(fields[1]) ?? 0; continue }
            var samples = Samples(String(fields[0]))
            samples.append(contentsOf: fields[1].split(separator: ",").compactMap { Double($0) })
            report.samples.append(samples)
        }
        return report
    }

    /// In the driver process: measure and print one line per figure, `name<TAB>seconds,…`.
    private func drive(_ mode: DriverMode, environment: [String: String]) throws {
        let start = DispatchTime.now().uptimeNanoseconds
        var options = WorkspaceOptions(dataDirectory: store)
        options.cacheKibibytes = InterfaceLoop.pageCacheKibibytes
        let workspace = try Workspace.open(options, environment: environment)
        var state = AppState(size: Size(parsing: size), status: StatusInfo(
            databaseName: "trcaa.db", keySource: "env", keyDescription: "environment variable TRCAA_DB_KEY",
            dataDirectory: store), now: Date(), hasExternalEditor: false)
        if let logIssue {
            var detail = IssueDetailState(issueId: logIssue)
            detail.tab = .logs
            state.screens.append(detail)
        }
        let session = HeadlessSession(state: state, runner: EffectRunner(workspace: workspace, describe: { "\($0)" }))
        _ = session.frame()
        let firstFrame = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        defer { print("peak KiB\t\(Self.peakResidentKiB())") }
        switch mode {
        case .firstFrame: print("first frame\t\(firstFrame)")
        case .keys: driveKeys(session)
        case .viewer: driveViewer(session)
        }
    }

    /// Prints one line per figure.
    private static func emit(_ figures: [Samples]) {
        for samples in figures {
            print("\(samples.name)\t\(samples.seconds.map { String($0) }.joined(separator: ","))")
        }
    }

    /// Seconds from a keypress to its frame, with the store effects it caused done.
    private static func time(_ key: Key, in session: HeadlessSession) -> Double {
        let begin = DispatchTime.now().uptimeNanoseconds
        session.press(key)
        _ = session.frame()
        return Double(DispatchTime.now().uptimeNanoseconds - begin) / 1e9
    }

    /// Seconds from `key` to the first lines a viewer receives (its screen then draws), and to
    /// the end of all it causes.
    private static func timeToLines(_ key: Key, in session: HeadlessSession) -> (shown: Double, idle: Double) {
        let begin = DispatchTime.now().uptimeNanoseconds
        var shown: UInt64?
        session.applied = { msg in
            if shown == nil, case .logLinesLoaded = msg { shown = DispatchTime.now().uptimeNanoseconds }
        }
        defer { session.applied = nil }
        let idle = time(key, in: session)
        return (shown.map { Double($0 - begin) / 1e9 } ?? idle, idle)
    }

    /// The viewer, from the issue's Logs tab: open, ends of the log, a search that reads it all,
    /// the first error.
    private func driveViewer(_ session: HeadlessSession) {
        var open = Samples("Enter: open the log, first screen")
        // The first opening, and four more with the last round's search kept, whose hits are
        // counted again (over the whole log) once the first screen shows.
        var openIdle = Samples("Enter: open the log, to idle (a kept search counted)")
        var end = Samples("G: the last screen")
        var start = Samples("g: the first screen again")
        var search = Samples("/ + Enter: a text found nowhere (reads it all)")
        var error = Samples("e from the first line: the first error")
        var down = Samples("j: one line down (pages load on the way)")
        var filter = Samples("f + Enter: filter on a common word (reads it all)")
        for _ in 0..<5 {
            let (shown, idle) = Self.timeToLines(.enter, in: session)
            open.append(shown)
            openIdle.append(idle)
            end.append(Self.time(.char("G"), in: session))
            start.append(Self.time(.char("g"), in: session))
            error.append(Self.time(.char("e"), in: session))
            session.press(.char("g"))
            session.press(.char("/"))
            "no such text anywhere".forEach { session.press(.char($0)) }
            search.append(Self.time(.enter, in: session))
            for _ in 0..<(keys / 5) { down.append(Self.time(.char("j"), in: session)) }
            session.press(.char("f"))
            "error".forEach { session.press(.char($0)) }
            filter.append(Self.time(.enter, in: session))
            session.press(.char("F"))
            session.press(.char("q"))
        }
        Self.emit([open, openIdle, end, start, error, down, search, filter])
    }

    private func driveKeys(_ session: HeadlessSession) {
        var figures: [Samples] = []
        let timeKey = { (key: Key) in Self.time(key, in: session) }
        func measure(_ name: String, _ keys: [Key]) {
            var samples = Samples(name)
            for key in keys { samples.append(timeKey(key)) }
            figures.append(samples)
        }
        measure("j, \(keys) rows down the list (pages load on the way)", Array(repeating: .char("j"), count: keys))
        measure("k, \(keys) rows back up", Array(repeating: .char("k"), count: keys))
        measure("PageDown ×\(keys / 10)", Array(repeating: .pageDown, count: keys / 10))
        measure("G (last issue) and g (first), ×20 each", Array([Key.char("G"), .char("g")].repeated(20)))
        var open = Samples("Enter opens the selected issue (50 issues)")
        var back = Samples("q back to the list")
        for _ in 0..<50 {
            open.append(timeKey(.enter))
            back.append(timeKey(.char("q")))
            session.press(.char("j"))
        }
        figures += [open, back]
        session.press(.enter)
        measure("] through the six detail tabs, ×20", Array(repeating: .char("]"), count: 120))
        session.press(.char("q"))

        var typed = Samples("search as you type: each letter of \(words.count) words")
        for query in words {
            session.press(.char("/"))
            for letter in query { typed.append(timeKey(.char(letter))) }
            session.press(.escape)
        }
        figures.append(typed)
        Self.emit(figures)
    }
}

extension TUIBenchmark {
    /// This process's peak resident set since it started, from `VmHWM` in /proc/self/status.
    static func peakResidentKiB() -> Int {
        let status = (try? String(contentsOfFile: "/proc/self/status", encoding: .utf8)) ?? ""
        let line = status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") } ?? ""
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }
}

private extension Array {
    func repeated(_ times: Int) -> [Element] { (0..<times).flatMap { _ in self } }
}

private extension Size {
    /// `WIDTHxHEIGHT`; 120x40 when it does not parse.
    init(parsing text: String) {
        let parts = text.split(separator: "x").compactMap { Int($0) }
        self = parts.count == 2 ? Size(width: parts[0], height: parts[1]) : Size(width: 120, height: 40)
    }
}
