import Foundation
import Glibc
import Testing
import TestSupport

/// Issue #23: a large import must not lock out the analyst's other work. An import reads,
/// scans and compresses before it takes the write lock, so while it runs other processes
/// create issues, add whys and dismiss PII spans, and every one of those writes succeeds at
/// once, long before the busy timeout (5 s) that used to end them with exit 75.
///
/// The log is generated, `TRCAA_CONCURRENT_IMPORT_MB` long (16 by default; 300 makes the run
/// the issue describes), and read from a pipe that the test closes only after its writes, so
/// that the import runs through them however fast it reads. `trcaa-bench logs --only contend`
/// measures the waits of a release build on 100 and 500 MB.
@Suite struct ImportConcurrencyTests {
    let cli = CLI()

    private static var megabytes: Int {
        ProcessInfo.processInfo.environment["TRCAA_CONCURRENT_IMPORT_MB"].flatMap(Int.init) ?? 16
    }

    /// Log lines, one in a hundred with an address to find.
    private func generatedLog(megabytes: Int) throws -> String {
        let path = cli.home + "/large.log"
        let script = """
            BEGIN { for (i = 0; bytes < \(megabytes) * 1000000; i++) {
                if (i % 100 == 0) line = sprintf("2025-01-15 10:%02d:%02d WARN login failed for user%d@example.com from 10.%d.%d.7", int(i / 60) % 60, i % 60, i % 977, i % 256, int(i / 256) % 256)
                else line = sprintf("2025-01-15 10:%02d:%02d INFO worker %d processed batch %d in %d ms", int(i / 60) % 60, i % 60, i % 16, i, i % 1000)
                print line; bytes += length(line) + 1 } }
            """
        #expect(try Shell.run(["sh", "-c", "awk '\(script)' > \(path)"]).status == 0)
        return path
    }

    @Test func otherProcessesWriteWhileALargeImportRuns() throws {
        let issue = try cli.run("issue", "new", "Outage").stdout.trimmingCharacters(in: .newlines)
        let small = (0..<40).map { "2025-01-15 09:00:\(String(format: "%02d", $0)) login by user\($0)@example.org\n" }.joined()
        let smallPath = cli.home + "/small.log"
        try small.write(toFile: smallPath, atomically: true, encoding: .utf8)
        let smallLog = try cli.run("log", "import", issue, smallPath, "-q").stdout.trimmingCharacters(in: .newlines)
        let spans = try #require(try JSONSerialization.jsonObject(
            with: Data(try cli.run("log", "pii", smallLog, "--json").stdout.utf8)) as? [[String: Any]]).compactMap { $0["id"] as? String }
        #expect(spans.count == 40)

        let path = try generatedLog(megabytes: Self.megabytes)
        let input = Pipe()
        let importer = try cli.start(["log", "import", issue, "-", "-q"], stdin: input,
                                     stdout: FileHandle.nullDevice, stderr: FileHandle.nullDevice)
        // All of the log goes into the pipe; its end, once the writes below are done.
        signal(SIGPIPE, SIG_IGN)  // an import that died must fail the test, not end it
        let writesDone = DispatchSemaphore(value: 0)
        defer { writesDone.signal() }  // Whatever ends the test ends the import's input too.
        let feeding = Thread { [log = try? Data(contentsOf: URL(fileURLWithPath: path))] in
            try? input.fileHandleForWriting.write(contentsOf: log ?? Data())
            writesDone.wait()
            try? input.fileHandleForWriting.close()
        }
        feeding.start()
        var failures: [String] = []
        var writesDuringImport = 0
        var longest = 0.0
        var round = 0
        while importer.isRunning, round < 8 {
            for arguments in [["issue", "new", "during import \(round)"], ["why", "add", issue, "why \(round)?"],
                              ["log", "dismiss", spans[round]]] {
                let began = Date()
                let result = try cli.run(arguments: arguments)
                longest = max(longest, Date().timeIntervalSince(began))
                if result.status != 0 { failures.append("\(arguments.joined(separator: " ")): \(result.status) \(result.stderr)") }
                if importer.isRunning { writesDuringImport += 1 }
            }
            round += 1
        }
        writesDone.signal()
        importer.waitUntilExit()
        #expect(importer.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures)")
        #expect(writesDuringImport == 3 * round && round == 8, "writes went through while the import ran (longest took \(longest) s)")

        // Every write is there, and so is the whole log.
        #expect(try cli.run("issue", "list", "--json").stdout.components(separatedBy: "during import").count - 1 == round)
        #expect(try cli.run("log", "pii", smallLog, "--json").stdout.components(separatedBy: "\"id\"").count - 1 == 40 - round)
        let expected = try Shell.run(["sha256sum", path]).stdout.prefix(64)
        #expect(try cli.run("log", "list", "--json").stdout.contains("\"content_hash\" : \"\(expected)"))
        #expect(try cli.run("db", "check").status == 0)
        #expect(try cli.run("audit", "verify").status == 0)
    }
}
