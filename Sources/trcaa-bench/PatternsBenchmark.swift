import ArgumentParser
import Foundation
import TRCAACore

/// The pattern miner: throughput per core against reading the lines alone and Drain3 on the
/// same bytes, what it adds to an import, its memory on hostile input, and the viewer's
/// patterns pane and pattern filter on a stored 100 MB log. CPU figures are user+system
/// seconds (the machine is shared: wall time is noise).
struct PatternsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patterns", abstract: "Pattern mining speed, its share of an import, memory, and the viewer's pane.")

    @Option(help: "Log samples the input is made of.") var corpus = "../shared/data/loghub"
    @Option(help: "Size of the input, in MB.") var megabytes = 100
    @Option(help: "Runs per figure (the median is reported).") var runs = 3
    @Option(help: "Drain3's runner (the kit's drain3_peer.py), skipped when python3 cannot import drain3.")
    var drain3 = "../shared/patterns/drain3_peer.py"
    @Option(help: "Megabytes of the input Drain3 reads (it runs at ~1.5 MB/s).") var drain3Megabytes = 4
    @Flag(help: "Only the import with and without mining (for profiling it).") var importOnly = false

    private var directory: String { NSTemporaryDirectory() + "trcaa-bench-logs" }

    mutating func run() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = try LogsBaselines.input(megabytes: megabytes, corpus: corpus, directory: directory)
        if importOnly { return try importShare(path, [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))) }
        // First, while this process is small: a spawned child starts with its parent's peak RSS.
        try memory(path)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        print("Input: \(path), \(bytes.count) bytes; CPU seconds (user+system), median of \(runs)\n")
        try throughput(path, bytes)
        try importShare(path, bytes)
        try viewer(path)
    }

    /// MB per CPU second of mining, in process and through `trcaa patterns scan`.
    private func throughput(_ path: String, _ bytes: [UInt8]) throws {
        var levels = 0
        let lines = CPUTime.of { levels = Self.classifyLines(bytes) }
        let mining = CPUTime.of { _ = bytes.withUnsafeBytes { PatternScan.mine($0) } }
        let scan = try child(["/bin/sh", "-c", "exec '\(trcaaBinary)' patterns scan --per-line < '\(path)'"])
        let rate = { (seconds: Double) in String(format: "%.0f MB/s per core", Double(bytes.count) / 1e6 / seconds) }
        print("Mining \(bytes.count / 1_000_000) MB")
        print("  each line's level, LogLevel.classify on every line (baseline; \(levels) error lines)")
        print("                                                  \(String(format: "%.2f s", lines))  \(rate(lines))")
        print("  PatternScan.mine, in process                    \(String(format: "%.2f s", mining))  \(rate(mining))"
              + String(format: "  %.1fx", mining / lines))
        print("  trcaa patterns scan --per-line, whole process   \(String(format: "%.2f s", scan))  \(rate(scan))")
        let sample = "\(directory)/drain3-sample.log"
        try Data(bytes.prefix(drain3Megabytes * 1_000_000)).write(to: URL(fileURLWithPath: sample))
        if let python = LogsBaselines.which("python3"), (try? Spawn.runQuietly([python, "-c", "import drain3"], environment: [:])) != nil {
            let drain = try child(["/bin/sh", "-c", "exec '\(python)' '\(drain3)' < '\(sample)'"])
            let ours = try child(["/bin/sh", "-c", "exec '\(trcaaBinary)' patterns scan --per-line < '\(sample)'"])
            print("  on \(drain3Megabytes) MB: Drain3 \(String(format: "%.2f s", drain)) (\(rate(drain * Double(bytes.count) / Double(drain3Megabytes * 1_000_000)))), "
                  + "trcaa \(String(format: "%.2f s", ours)): \(String(format: "%.0fx", drain / ours)) faster")
        } else {
            print("  (python3 cannot import drain3: no Drain3 figure; pip install drain3)")
        }
        print()
    }

    /// What mining adds to an import, in two scopes: the pipeline alone (`LogService.prepareImport`
    /// on bytes in memory) and the import as stored (`importLog`: the file read, processed and
    /// committed, in a store opened once, so no key derivation). Same bytes, same thread count.
    private func importShare(_ path: String, _ bytes: [UInt8]) throws {
        print("Mining's share of an import, \(runs) pairs of runs (without, with mining) in alternating order")
        try share(of: "the pipeline (bytes in memory: SHA-256, PII, index, deflate)") { options in
            _ = try LogService.prepareImport(bytes: bytes, name: "bench.log", path: "", options: options)
        }
        let store = "\(directory)/patterns-import-\(getpid())"
        try? FileManager.default.removeItem(atPath: store)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: store), environment: ["TRCAA_DB_KEY": "bench-patterns"])
        let issue = try workspace.issues.create(IssueDraft(title: "bench")).id
        try share(of: "the stored import (file to committed rows, store open)") { options in
            _ = try workspace.logs.importLog(issueId: issue, path: path, options: options)
        }
        print()
    }

    /// `body` without and with mining, in pairs in alternating order: each pair gives a ratio,
    /// and a machine whose speed drifts during the runs (a shared VM) moves both halves alike.
    private func share(of scope: String, _ body: @escaping (LogImportOptions) throws -> Void) throws {
        let sides = try inRounds(runs, [false, true].map { mines in {
            var options = LogImportOptions(maximumSize: .max)
            options.minesPatterns = mines
            return try Sample.of { try body(options) }
        } })
        let pairs = zip(sides[0], sides[1]).map { (off: $0, on: $1) }
        let median = { (side: (Sample) -> Double) in (pairs.map { side($0.off) }.median, pairs.map { side($0.on) }.median) }
        let ((cpuOff, cpuOn), (wallOff, wallOn)) = (median(\.cpu), median(\.wall))
        let cpuShare = pairs.map { $0.on.cpu / $0.off.cpu - 1 }.median * 100
        let wallShare = pairs.map { $0.on.wall / $0.off.wall - 1 }.median * 100
        print("  \(scope)")
        print(String(format: "    without mining (baseline)  CPU %.2f s  wall %.2f s", cpuOff, wallOff))
        print(String(format: "    with mining                CPU %.2f s  wall %.2f s", cpuOn, wallOn))
        print(String(format: "    mining adds (median of the pairs' ratios)  +%.1f%% CPU, +%.1f%% wall", cpuShare, wallShare))
    }

    /// One run's CPU (user+system) and wall seconds.
    private struct Sample {
        var cpu: Double
        var wall: Double

        static func of(_ body: () throws -> Void) rethrows -> Sample {
            let started = Date()
            let cpu = try CPUTime.of(body)
            return Sample(cpu: cpu, wall: Date().timeIntervalSince(started))
        }
    }

    /// Peak RSS of `trcaa patterns scan` on 700 000 different lines against as many real ones.
    private func memory(_ path: String) throws {
        let hostile = "\(directory)/patterns-distinct.log"
        var text: [UInt8] = []
        var seed: UInt64 = 42
        for line in 0..<700_000 {
            for _ in 0..<(3 + line % 5) {
                for _ in 0..<6 {
                    seed = seed &* 6364136223846793005 &+ 1442695040888963407
                    text.append(UInt8(97 + (seed >> 33) % 26))
                }
                text.append(32)
            }
            text.append(10)
        }
        try Data(text).write(to: URL(fileURLWithPath: hostile))
        let real = "\(directory)/patterns-real.log"
        let realBytes = try FileHandle(forReadingFrom: URL(fileURLWithPath: path)).read(upToCount: text.count) ?? Data()
        try realBytes.write(to: URL(fileURLWithPath: real))
        // Through time(1): a child spawned by this process would report this process's peak too.
        guard let time = LogsBaselines.which("time") ?? (FileManager.default.fileExists(atPath: "/usr/bin/time") ? "/usr/bin/time" : nil)
        else { return print("(no /usr/bin/time: no memory figure)\n") }
        print("Peak RSS of trcaa patterns scan (stdin is read whole: the input is part of it)")
        let report = "\(directory)/patterns-rss"
        for (name, file, size) in [("empty input (baseline)", "/dev/null", 0), ("loghub lines", real, realBytes.count),
                                   ("700 000 different lines", hostile, text.count)] {
            try Spawn.runQuietly([time, "-f", "%M", "-o", report, "/bin/sh", "-c", "exec '\(trcaaBinary)' patterns scan < '\(file)'"],
                                 environment: [:])
            let kib = Int(try String(contentsOfFile: report, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
            print("  \(name.padding(26)) \(size / 1_000_000) MB in, peak \(kib / 1024) MiB")
        }
        print()
    }

    /// The patterns pane of a stored log, and its viewer filtered to one pattern.
    private func viewer(_ path: String) throws {
        let store = "\(directory)/patterns-\(getpid())"
        try? FileManager.default.removeItem(atPath: store)
        defer { try? FileManager.default.removeItem(atPath: store) }
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: store), environment: ["TRCAA_DB_KEY": "bench-patterns"])
        let issue = try workspace.issues.create(IssueDraft(title: "bench")).id
        let id = try workspace.logs.importLog(issueId: issue, path: path).id
        let screen = 22
        let firstScreen = Samples.measure("viewer: first screen of the log (baseline)", runs: runs * 3) {
            _ = try? workspace.logs.viewerLines(id, 0..<screen, redacted: false)
        }
        var patterns: [LogPatternSummary] = []
        let pane = try Samples.measure("patterns pane: patterns and sparklines", runs: runs * 3) {
            patterns = try workspace.logs.patterns(id)
            _ = try workspace.logs.patternHistogram(id, buckets: 12)
        }
        // The median pattern by count, and the rarest one with a screen of lines (spread over the log).
        let byCount = patterns.filter { $0.count >= screen }.sorted { $0.count < $1.count }
        let filters = try [("median", byCount[byCount.count / 2]), ("rarest", byCount[0])].map { name, pattern in
            try Samples.measure("filtered to the \(name) pattern (\(pattern.count) lines): first screen", runs: runs * 3) {
                let keep = LineFilter(text: "", ignoringCase: false, excludes: false, patterns: [pattern.id])
                let lines = try workspace.logs.filterLines(id, [keep], redacted: false) ?? []
                _ = try workspace.logs.viewerLines(id, numbers: Array(lines.prefix(screen)), redacted: false)
            }
        }
        Report.printTable(title: "The viewer on the stored \(path) (\(patterns.count) patterns; wall time)", baseline: firstScreen,
                          figures: [pane] + filters)
    }

    /// `LogLevel.classify` on every line: the per-line work an import without mining does to index levels.
    private static func classifyLines(_ bytes: [UInt8]) -> Int {
        bytes.withUnsafeBytes { text in
            var errors = 0, start = 0
            while start < text.count, let base = text.baseAddress {
                let end = memchr(base + start, 10, text.count - start).map { UnsafeRawPointer($0) - base } ?? text.count
                if LogLevel.classify(UnsafeRawBufferPointer(rebasing: text[start..<end])) == .error { errors += 1 }
                start = end + 1
            }
            return errors
        }
    }

    private var trcaaBinary: String {
        URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
            .deletingLastPathComponent().appendingPathComponent("trcaa").path
    }

    /// A child's CPU seconds, median of `runs`.
    private func child(_ arguments: [String]) throws -> Double {
        var seconds: [Double] = []
        for _ in 0..<runs {
            let usage = try Spawn.runQuietly(arguments, environment: [:])
            seconds.append(CPUTime.seconds(usage))
        }
        return seconds.median
    }
}
