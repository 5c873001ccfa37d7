import ArgumentParser
import Foundation
import TRCAACore
import TRCAAStore

/// The log pipeline against plain zlib, `pigz`, `rg`, `openssl` and `gzip` on the same bytes.
struct LogsBenchmark: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logs", abstract: "Log import, PII scan, hashing, random line access and peak memory.")

    @Option(help: "Log samples the input is made of.") var corpus = "../shared/data/loghub"
    @Option(help: "Size of the input, in MB.") var megabytes = 100
    @Option(help: "Size of the input for the peak-memory figure, in MB (0 skips it).") var rssMegabytes = 500
    @Option(help: "Runs per throughput figure (the median is reported).") var runs = 3
    @Option(help: "Samples for the line-access figure.") var samples = 200
    @Option(help: "Run only these parts (import, scan, hash, read, rss); all by default.") var only: [String] = []

    private var directory: String { NSTemporaryDirectory() + "trcaa-bench-logs" }

    mutating func run() throws {
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let parts = only.isEmpty ? ["import", "scan", "hash", "read", "rss"] : only
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
    }

    /// A fresh store with one issue.
    private func freshStore(_ name: String) throws -> (Workspace, String) {
        let store = "\(directory)/\(name)-\(getpid())"
        try? FileManager.default.removeItem(atPath: store)
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: store), environment: ["TRCAA_DB_KEY": "bench-logs"])
        return (workspace, try workspace.issues.create(IssueDraft(title: "bench")).id)
    }

    private func megabytesPerSecond(_ count: Int, _ samples: Samples) -> Double { Double(count) / 1e6 / samples.median }

    private func importThroughput(_ path: String, _ bytes: [UInt8]) throws {
        var compressed = 0
        let zlib = Samples.measure("zlib deflate level 6, one thread (baseline)", runs: runs) {
            compressed = LogsBaselines.zlibDeflate(bytes)
        }
        var figures: [(String, Samples)] = []
        for threads in [1, 2] {
            var options = LogImportOptions()
            options.compressionThreads = threads
            // A fresh store each run, opened (key derivation, migrations) before the clock starts.
            let samples = try Samples.measure("trcaa import, deflate on \(threads) thread\(threads == 1 ? "" : "s")", runs: runs,
                                              prepare: { try freshStore("import") }) { workspace, issue in
                _ = try workspace.logs.importLog(issueId: issue, path: path, options: options)
            }
            figures.append(("read + SHA-256 + PII + index + gzip-6 + encrypted insert, \(threads == 1 ? "deflate on 1 worker" : "both cores")", samples))
        }
        var external: [(String, Samples)] = []
        for (name, arguments) in [("gzip -6", ["gzip", "-6", "-c", path]), ("pigz -6 -p2", ["pigz", "-6", "-p", "2", "-c", path])] {
            guard let program = LogsBaselines.which(arguments[0]) else { continue }
            external.append((name, try Samples.measure(name, runs: runs) {
                try Spawn.runQuietly([program] + arguments.dropFirst(), environment: [:])
            }))
        }
        print("Import throughput (\(bytes.count / 1_000_000) MB; zlib-6 output \(compressed / 1_000_000) MB)")
        print(String(format: "  %-72@ %8.1f MB/s", "zlib deflate level 6, one thread, in memory (baseline)" as NSString,
                     megabytesPerSecond(bytes.count, zlib)))
        for (name, samples) in figures + external {
            print(String(format: "  %-72@ %8.1f MB/s  %.2fx", name as NSString, megabytesPerSecond(bytes.count, samples),
                         zlib.median / samples.median))
        }
        print("")
    }

    private func scanThroughput(_ path: String, _ bytes: [UInt8]) throws {
        var found = 0
        let scan = Samples.measure("PIIScanner, 1 MiB chunks", runs: runs) {
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
        print("PII scan (\(found) spans found)")
        print(String(format: "  %-72@ %8.1f MB/s", "trcaa PIIScanner, one core" as NSString, megabytesPerSecond(bytes.count, scan)))
        if let rg = LogsBaselines.which("rg") {
            let arguments = [rg, "-o", "--no-filename", "--no-line-number"] + LogsBaselines.originalPatterns.flatMap { ["-e", $0] } + [path]
            let output = "\(directory)/rg-output.txt"
            let ripgrep = try Samples.measure("rg -o, the original's 13 patterns", runs: runs) {
                try Spawn.runQuietly(arguments, environment: [:], stdout: output)
            }
            let matches = (try? String(contentsOfFile: output, encoding: .utf8))?.split(separator: "\n").count ?? 0
            print(String(format: "  %-72@ %8.1f MB/s  trcaa %.2fx faster", "rg -o printing every match of the original's 13 patterns (\(matches))" as NSString,
                         megabytesPerSecond(bytes.count, ripgrep), ripgrep.median / scan.median))
        } else {
            print("  (rg is not installed: no ripgrep baseline)")
        }
        print("")
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
        let size = (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        let binary = URL(fileURLWithPath: try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"))
            .deletingLastPathComponent().appendingPathComponent("trcaa").path
        let store = "\(directory)/rss-\(getpid())"
        try? FileManager.default.removeItem(atPath: store)
        let environment = ["TRCAA_DB_KEY": "bench-logs", "HOME": store]
        try Spawn.runQuietly([binary, "--data-dir", store, "issue", "new", "rss"], environment: environment,
                             stdout: "\(directory)/issue-id")
        let issue = try String(contentsOfFile: "\(directory)/issue-id", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        let start = Date()
        let usage = try Spawn.runQuietly([binary, "--data-dir", store, "log", "import", issue, path, "-q"], environment: environment)
        let seconds = Date().timeIntervalSince(start)
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: store), environment: environment)
        let compressed = try workspace.logs.list().first?.compressedSize ?? 0
        let peak = Int64(usage.ru_maxrss) * 1024
        let bar = compressed + 64 << 20
        print("Peak memory of `trcaa log import` (\(size / 1_000_000) MB input, its own process)")
        print("  peak RSS \(peak / 1_048_576) MiB; compressed size \(compressed / 1_048_576) MiB; bar compressed + 64 MiB = "
              + "\(bar / 1_048_576) MiB: \(peak <= bar ? "within" : "OVER")")
        print(String(format: "  end to end (process start, key, import, commit): %.1f s, %.1f MB/s\n", seconds,
                     Double(size) / 1e6 / seconds))
        try? FileManager.default.removeItem(atPath: store)
    }
}
