import ArgumentParser
import Foundation
import TRCAACore
import TRCAAStore

/// The log pipeline against `gzip`, `pigz`, `rg`, `openssl` and plain zlib on the same bytes.
struct LogsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "Log import, PII scan, hashing, random line access and peak memory.")

    @Option(help: "Log samples the input is made of.") var corpus = "../shared/data/loghub"
    @Option(help: "Size of the input, in MB.") var megabytes = 100
    @Option(help: "Size of the input for the peak-memory figure, in MB (0 skips it).") var rssMegabytes = 500
    @Option(help: "Runs per throughput figure (the median is reported).") var runs = 3
    @Option(help: "Samples for the line-access figure.") var samples = 200
    @Option(help: "Run only these parts (import, scan, hash, read, rss, contend, convert); all by default.") var only: [String] = []
    @Option(help: "A store on a PostgreSQL server (postgres://…, its database in C collation) that the import figure also imports into, beside a file.")
    var server: String?

    private var directory: String { NSTemporaryDirectory() + "trcaa-bench-logs" }

    mutating func run() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let parts = only.isEmpty ? ["import", "scan", "hash", "read", "rss", "contend", "convert"] : only
        // First, while this process is small: a child started with vfork-style spawning inherits
        // the parent's peak RSS in its own `ru_maxrss`.
        if parts.contains("rss"), rssMegabytes > 0 { try peakMemory() }
        let path = try LogsBaselines.input(megabytes: megabytes, corpus: corpus, directory: directory)
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
        print("Input: \(path), \(bytes.count) bytes from the \(corpus) samples; "
              + "\(ProcessInfo.processInfo.activeProcessorCount) cores\n")
        if parts.contains("import") { try importThroughput(path, bytes) }
        if parts.contains("scan") { try scanThroughput(path, bytes) }
        if parts.contains("hash") { try hashThroughput(path, bytes) }
        if parts.contains("read") { try lineAccess(path, bytes) }
        if parts.contains("convert") { try conversion(path) }
        if parts.contains("contend") {
            try writerWaits(megabytes: megabytes)
            if rssMegabytes > 0 { try writerWaits(megabytes: rssMegabytes) }
        }
    }

    /// A fresh store with one issue.
    private func freshStore(_ name: String) throws -> (Workspace, String) {
        let store = "\(directory)/\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: store)
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: store), environment: ["TRCAA_DB_KEY": "bench-logs"])
        return (workspace, try workspace.issues.create(IssueDraft(title: "bench")).id)
    }

    private func megabytesPerSecond(_ count: Int, _ samples: Samples) -> Double { Double(count) / 1e6 / samples.median }

    /// `trcaa log import` of the file, whole process (start, key, read, scan, compress, store),
    /// against `gzip -6` and `pigz -6 -p2` of the same file; and what the store grew by against
    /// the size of `gzip -6`'s output. With `--server`, the default import into the server's
    /// store (sealed there) against the same import into a file. Each run is a round of all of
    /// them, each round starting one further along, and a ratio is the median of the rounds':
    /// a machine whose speed drifts moves the two sides of a round alike.
    private func importThroughput(_ path: String, _ bytes: [UInt8]) throws {
        var contenders: [(name: String, time: () throws -> Double)] = []
        var growth: [LogCompression: Int] = [:]
        for compression in LogCompression.allCases {
            contenders.append(("trcaa log import --compression \(compression.rawValue) (read, SHA-256, PII, index, deflate, store)", {
                try self.importOnce(path, compression: compression) { growth[compression] = $0 }
            }))
        }
        let intoFile = LogCompression.allCases.firstIndex(of: LogImportOptions().compression)!  // Safe: one of all cases.
        let output = { (program: String) in "\(self.directory)/baseline-\(program).gz" }
        for (name, arguments) in [("gzip -6 (baseline)", ["gzip", "-6", "-c", path]), ("pigz -6 -p2", ["pigz", "-6", "-p", "2", "-c", path])] {
            guard let program = LogsBaselines.which(arguments[0]) else { continue }
            contenders.append((name, {
                try Self.seconds { try Spawn.runQuietly([program] + arguments.dropFirst(), environment: [:], stdout: output(arguments[0])) }
            }))
        }
        guard let gzip = contenders.firstIndex(where: { $0.name.hasPrefix("gzip") }) else { return print("(gzip is not installed: no import baseline)\n") }
        contenders.append(("zlib deflate level 6, one thread, in memory", { Self.seconds { _ = LogsBaselines.zlibDeflate(bytes) } }))
        let onServer = server.map { server in
            contenders.append(("trcaa log import --compression \(LogImportOptions().compression.rawValue) into PostgreSQL (sealed)", {
                try self.importOnce(path, compression: LogImportOptions().compression, server: server) { _ in }
            }))
            return contenders.count - 1
        }
        let seconds = try inRounds(runs, contenders.map(\.time))
        let ratio = { (baseline: Int, figure: Int) in zip(seconds[baseline], seconds[figure]).map { $0 / $1 }.median }
        let rate = { (index: Int) in Double(bytes.count) / 1e6 / seconds[index].median }
        print("Import, whole process (\(bytes.count / 1_000_000) MB; \(ProcessInfo.processInfo.activeProcessorCount) cores; "
              + "\(runs) rounds of all, each ratio the median of the rounds')")
        for index in contenders.indices where index != onServer {
            print(String(format: "  %-82@ %8.1f MB/s  %.2fx gzip -6", contenders[index].name as NSString, rate(index), ratio(gzip, index)))
        }
        let gzipSize = Self.fileSize(output("gzip"))
        for compression in LogCompression.allCases {
            let grown = growth[compression] ?? 0
            print(String(format: "  store growth, trcaa log import --compression %@ : %.2f MB against gzip -6 output %.2f MB: %.3fx",
                         compression.rawValue as NSString, Double(grown) / 1e6, Double(gzipSize) / 1e6, Double(grown) / Double(max(gzipSize, 1))))
        }
        if let onServer {
            print(String(format: "  %@: %.1f MB/s, %.2fx the same import into a file (bar ≥ 0.7x)", contenders[onServer].name as NSString,
                         rate(onServer), ratio(intoFile, onServer)))
        }
        print("")
    }

    /// One import of `path` by `trcaa` into a fresh issue of a fresh store (a file, or
    /// `server`'s store), timed without making the store; `grew` is told what it grew a file by.
    private func importOnce(_ path: String, compression: LogCompression, server: String? = nil, grew: (Int) -> Void) throws -> Double {
        let store = try cliStore("import", server: server)
        let before = Self.storeSize(store.directory)
        let seconds = try Self.seconds {
            try Spawn.runQuietly([trcaaBinary, "--data-dir", store.directory, "log", "import", store.issue, path, "-q",
                                  "--compression", compression.rawValue], environment: store.environment)
        }
        grew(Self.storeSize(store.directory) - before)
        return seconds
    }

    /// The wall-clock seconds `body` took.
    private static func seconds(_ body: () throws -> Void) rethrows -> Double {
        try Samples.measure("", runs: 1, body).median
    }

    /// How long another process's writes wait while `trcaa log import` of an N MB file runs:
    /// this process creates issues in a loop on the same store until the import ends.
    private func writerWaits(megabytes: Int) throws {
        let path = try LogsBaselines.input(megabytes: megabytes, corpus: corpus, directory: directory)
        let store = try cliStore("contend")
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: store.directory), environment: store.environment)
        let start = Date()
        let importer = try Spawn.start([trcaaBinary, "--data-dir", store.directory, "log", "import", store.issue, path, "-q"],
                                       environment: store.environment)
        var waits: [Double] = []
        var failures = 0
        while !Spawn.hasEnded(importer) {
            let began = Date()
            do { _ = try workspace.issues.create(IssueDraft(title: "during import \(waits.count)")) } catch { failures += 1 }
            waits.append(Date().timeIntervalSince(began))
            usleep(20_000)
        }
        try Spawn.wait(importer)
        let seconds = Date().timeIntervalSince(start)
        let sorted = waits.sorted()
        print("Another writer during `trcaa log import` of \(megabytes) MB (import \(String(format: "%.1f", seconds)) s)")
        print(String(format: "  %d issues created, %d failed; wait median %.1f ms, p99 %.1f ms, longest %.1f ms\n", waits.count - failures,
                     failures, (sorted.isEmpty ? 0 : sorted[sorted.count / 2]) * 1000,
                     (sorted.isEmpty ? 0 : sorted[min(sorted.count - 1, sorted.count * 99 / 100)]) * 1000, (sorted.last ?? 0) * 1000))
        try? FileManager.default.removeItem(atPath: store.directory)
    }

    /// Migration 108 on a store holding the log as earlier builds wrote it (a `pii_spans` row
    /// per span): the open that converts it, against a plain open of the same store.
    private func conversion(_ path: String) throws {
        let (workspace, issue) = try freshStore("convert")
        let log = try workspace.logs.importLog(issueId: issue, path: path)
        let spans = try workspace.logs.spans(log.id)
        try workspace.database.write { db in
            for span in spans {
                try db.execute("""
                    INSERT INTO pii_spans (id, log_file_id, pii_type, start_offset, end_offset, original_value, replacement)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    """, [.text(UUID().uuidString.lowercased()), .text(log.id), .text(span.type), .integer(span.start),
                          .integer(span.end), .text(span.value), .text(span.replacement)])
            }
            try db.execute("""
                DROP TABLE log_pii_runs;
                DELETE FROM _migrations WHERE name = '108_packed_pii_spans';
                CREATE INDEX IF NOT EXISTS idx_pii_spans_log ON pii_spans(log_file_id, start_offset);
                """)
        }
        let options = WorkspaceOptions(dataDirectory: workspace.location.dataDirectory)
        let environment = ["TRCAA_DB_KEY": "bench-logs"]
        let started = Date()
        let converted = try Workspace.open(options, environment: environment)
        let converting = Date().timeIntervalSince(started)
        let plain = Samples.measure("open", runs: runs) { _ = try? Workspace.open(options, environment: environment) }
        let kept = try converted.logs.spans(log.id)
        print("Converting a store with a `pii_spans` row per span (migration 108, \(spans.count) spans of the \(log.summary.fileSize / 1_000_000) MB log)")
        print(String(format: "  open that converts: %.2f s; plain open of the same store: %.2f s; spans after: %d (%@)\n", converting,
                     plain.median, kept.count, (kept.map(\.start) == spans.map(\.start) ? "the same" : "DIFFERENT") as NSString))
        try? FileManager.default.removeItem(atPath: workspace.location.dataDirectory)
    }

    /// The `trcaa` binary built beside this one.
    private var trcaaBinary: String {
        URL(fileURLWithPath: (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? "")
            .deletingLastPathComponent().appendingPathComponent("trcaa").path
    }

    /// A fresh store made by `trcaa` itself, with one issue; on `server`, a new issue in the
    /// store there.
    private func cliStore(_ name: String, server: String? = nil) throws -> (directory: String, issue: String, environment: [String: String]) {
        let store = "\(directory)/\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: store)
        var environment = ["TRCAA_DB_KEY": "bench-logs", "HOME": store]
        if let server { environment["TRCAA_DATABASE_URL"] = server }
        try Spawn.runQuietly([trcaaBinary, "--data-dir", store, "issue", "new", name], environment: environment,
                             stdout: "\(directory)/issue-id")
        let issue = try String(contentsOfFile: "\(directory)/issue-id", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        return (store, issue, environment)
    }

    private static func fileSize(_ path: String) -> Int {
        (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }

    /// The database and its write-ahead log.
    private static func storeSize(_ directory: String) -> Int {
        fileSize(directory + "/trcaa.db") + fileSize(directory + "/trcaa.db-wal")
    }

    /// The scanner against `rg -o` with the original's 13 patterns, in CPU seconds per MB (per
    /// core: rg searches one file on one thread). The two run in pairs, alternating which goes
    /// first; the ratio is the median of the pairs'.
    private func scanThroughput(_ path: String, _ bytes: [UInt8]) throws {
        var found = 0
        let scan = {
            var scanner = PIIScanner()
            found = 0
            bytes.withUnsafeBytes { all in
                var offset = 0
                while offset < all.count {
                    let end = min(all.count, offset + (1 << 20))
                    found += scanner.feed(UnsafeRawBufferPointer(rebasing: all[offset..<end])).count
                    offset = end
                }
            }
            found += scanner.finish().count
        }
        let rg = LogsBaselines.which("rg")
        let arguments = rg.map { [$0, "-o", "--no-filename", "--no-line-number"] + LogsBaselines.originalPatterns.flatMap { ["-e", $0] } + [path] }
        let output = "\(directory)/rg-output.txt"
        var contenders: [() throws -> Double] = [{ CPUTime.of(scan) }]
        if let arguments { contenders.append { CPUTime.seconds(try Spawn.runQuietly(arguments, environment: [:], stdout: output)) } }
        let seconds = try inRounds(runs, contenders)
        let rate = { (seconds: Double) in Double(bytes.count) / 1e6 / seconds }
        print("PII scan (\(found) spans found), CPU seconds, \(runs) runs each in alternating order")
        print(String(format: "  %-72@ %8.1f MB/s", "trcaa PIIScanner, one core" as NSString, rate(seconds[0].median)))
        guard seconds.count > 1 else { return print("  (rg is not installed: no ripgrep baseline)\n") }
        let matches = (try? String(contentsOfFile: output, encoding: .utf8))?.split(separator: "\n").count ?? 0
        print(String(format: "  %-72@ %8.1f MB/s  trcaa %.2fx faster (median of the pairs)\n",
                     "rg -o printing every match of the original's 13 patterns (\(matches))" as NSString,
                     rate(seconds[1].median), zip(seconds[1], seconds[0]).map { $0 / $1 }.median))
    }

    private func hashThroughput(_ path: String, _ bytes: [UInt8]) throws {
        let ours = Samples.measure("SHA256", runs: runs) {
            var hasher = SHA256()
            bytes.withUnsafeBytes { hasher.update($0) }
            _ = hasher.finishHex()
        }
        print("SHA-256")
        print(String(format: "  %-72@ %8.1f MB/s", "trcaa SHA256 (libcrypto EVP), in memory" as NSString, megabytesPerSecond(bytes.count, ours)))
        for arguments in [["openssl", "dgst", "-sha256", path], ["sha256sum", path]] {
            guard let program = LogsBaselines.which(arguments[0]) else { continue }
            let samples = try Samples.measure(arguments[0], runs: runs) {
                try Spawn.runQuietly([program] + arguments.dropFirst(), environment: [:])
            }
            print(String(format: "  %-72@ %8.1f MB/s  trcaa %.2fx", arguments.joined(separator: " ") as NSString,
                         megabytesPerSecond(bytes.count, samples), samples.median / ours.median))
        }
        print("")
    }

    private func lineAccess(_ path: String, _ bytes: [UInt8]) throws {
        let (workspace, issue) = try freshStore("read")
        let log = try workspace.logs.importLog(issueId: issue, path: path)
        let lines = log.lineCount ?? 0
        var random = SystemRandomNumberGenerator()
        let numbers = (0..<samples).map { _ in Int.random(in: 0..<lines, using: &random) }
        var index = 0
        let fresh = try Samples.measure("line N, opening the reader each time", runs: samples) {
            index = (index + 1) % numbers.count
            _ = try workspace.logs.reader(log.id).lines(numbers[index]..<(numbers[index] + 1))
        }
        let reader = try workspace.logs.reader(log.id)
        let open = try Samples.measure("line N, reader kept open (the viewer)", runs: samples) {
            index = (index + 1) % numbers.count
            _ = try reader.lines(numbers[index]..<(numbers[index] + 1))
        }
        let screen = try Samples.measure("60 lines from line N", runs: samples) {
            index = (index + 1) % numbers.count
            _ = try reader.lines(numbers[index]..<(numbers[index] + 60))
        }
        print("Random access in the stored \(bytes.count / 1_000_000) MB log (\(lines) lines), \(samples) random N")
        for figure in [fresh, open, screen] {
            print(String(format: "  %-50@ median %6.2f ms  p95 %6.2f ms  max %6.2f ms", figure.name as NSString,
                         figure.median * 1000, figure.percentile(95) * 1000, figure.percentile(100) * 1000))
        }
        let gzip = try workspace.database.row("SELECT content_compressed FROM log_files WHERE id = ?", [.text(log.id)])!
            .decode(at: 0, as: [UInt8].self)
        let stored = "\(directory)/stored.gz"
        try Data(gzip).write(to: URL(fileURLWithPath: stored))
        let ours = try Samples.measure("trcaa LogReader.stream, whole log", runs: runs) {
            try workspace.logs.reader(log.id).stream { _ in }
        }
        let inflate = Samples.measure("zlib inflate in memory", runs: runs) { _ = LogsBaselines.zlibInflate(gzip) }
        print("Decompressing it whole (the stored stream, \(gzip.count / 1_000_000) MB)")
        print(String(format: "  %-72@ %8.1f MB/s", ours.name as NSString, megabytesPerSecond(bytes.count, ours)))
        print(String(format: "  %-72@ %8.1f MB/s  trcaa %.2fx", inflate.name as NSString, megabytesPerSecond(bytes.count, inflate),
                     inflate.median / ours.median))
        if let program = LogsBaselines.which("gzip") {
            let external = try Samples.measure("gzip -dc", runs: runs) {
                try Spawn.runQuietly([program, "-d", "-c", stored], environment: [:])
            }
            print(String(format: "  %-72@ %8.1f MB/s  trcaa %.2fx", "gzip -dc of the same stream" as NSString,
                         megabytesPerSecond(bytes.count, external), external.median / ours.median))
        }
        print("")
    }

    /// `trcaa log import` of a large file in its own process: peak RSS against the compressed size.
    private func peakMemory() throws {
        let path = try LogsBaselines.input(megabytes: rssMegabytes, corpus: corpus, directory: directory)
        let size = Self.fileSize(path)
        let store = try cliStore("rss")
        let start = Date()
        let usage = try Spawn.runQuietly([trcaaBinary, "--data-dir", store.directory, "log", "import", store.issue, path, "-q"],
                                         environment: store.environment)
        let seconds = Date().timeIntervalSince(start)
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: store.directory), environment: store.environment)
        let compressed = try workspace.logs.list().first?.compressedSize ?? 0
        let peak = Int64(usage.ru_maxrss) * 1024
        let bar = compressed + 64 << 20
        print("Peak memory of `trcaa log import` (\(size / 1_000_000) MB input, its own process)")
        print("  peak RSS \(peak / 1_048_576) MiB; compressed size \(compressed / 1_048_576) MiB; bar compressed + 64 MiB = "
              + "\(bar / 1_048_576) MiB: \(peak <= bar ? "within" : "OVER")")
        print(String(format: "  end to end (process start, key, import, commit): %.1f s, %.1f MB/s\n", seconds,
                     Double(size) / 1e6 / seconds))
        try? FileManager.default.removeItem(atPath: store.directory)
    }
}
