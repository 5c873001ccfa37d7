import Foundation
import Glibc
import Testing
import TestSupport

/// Imports that die half-way: the database stays consistent and holds the log whole or not at all.
@Suite struct LogFaultTests {
    let cli = CLI()
    let issue: String

    init() throws {
        issue = try cli.run("issue", "new", "Faults").stdout.trimmingCharacters(in: .newlines)
    }

    /// Incompressible text (base64 of random bytes), `megabytes` long.
    private func randomText(megabytes: Int) throws -> String {
        let path = cli.home + "/random-\(megabytes).log"
        let made = try Shell.run(["sh", "-c", "head -c \(megabytes * 786_432) /dev/urandom | base64 > \(path)"])
        #expect(made.status == 0)
        return path
    }

    private func logCount() throws -> Int {
        try cli.run("log", "list", "--json").stdout.components(separatedBy: "\"content_hash\"").count - 1
    }

    private func expectConsistent(sourceLocation: SourceLocation = #_sourceLocation) throws {
        let check = try cli.run("db", "check")
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)", sourceLocation: sourceLocation)
        #expect(try cli.run("audit", "verify").status == 0, sourceLocation: sourceLocation)
    }

    @Test func ctrlCWhileReadingStdinStoresNothingAndExits130() throws {
        let stdin = Pipe(), stderr = Pipe()
        let process = try cli.start(["log", "import", issue, "-"], stdin: stdin, stdout: FileHandle.nullDevice, stderr: stderr)
        // The write returns once the import has read all but a pipe's worth: it is importing, and waits for more.
        stdin.fileHandleForWriting.write(Data(String(repeating: "partial line of a log\n", count: 50_000).utf8))
        kill(process.processIdentifier, SIGINT)
        let message = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(message.contains("trcaa: interrupted; nothing of the unfinished import was stored"))
        #expect(try logCount() == 0)
        try expectConsistent()
    }

    @Test func killNineAtAnyMomentLeavesTheLogWholeOrAbsent() throws {
        let path = try randomText(megabytes: 6)
        let expected = try Shell.run(["sha256sum", path]).stdout.prefix(64)
        var completed = 0
        for delay in [20_000, 120_000, 250_000, 400_000, 700_000, 1_200_000] as [useconds_t] {
            let before = try logCount()
            let process = try cli.start(["log", "import", issue, path, "-q"], stdin: FileHandle.nullDevice,
                                        stdout: FileHandle.nullDevice, stderr: FileHandle.nullDevice)
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try logCount()
            #expect(after == before || after == before + 1)
            completed += after - before
            try expectConsistent()
        }
        // Whatever was stored is whole: its hash is the file's.
        let hashes = try cli.run("log", "list", "--json").stdout.components(separatedBy: "\"content_hash\" : \"").dropFirst()
        #expect(hashes.count == completed)
        #expect(hashes.allSatisfy { $0.hasPrefix(expected) })
    }

    @Test(.sqlcipherOnly) func aFullDiskFailsWith74AndStoresNothing() throws {
        let path = try randomText(megabytes: 3)
        let size = try FileManager.default.attributesOfItem(atPath: cli.databasePath)[.size] as? Int ?? 0
        // The database may not grow past 128 KiB more than it is: writes beyond fail (EFBIG), as on a full disk.
        let limitKiB = size / 1024 + 128
        let script = "ulimit -f \(limitKiB); trap '' XFSZ; exec \"$0\" \"$@\""
        let process = try cli.start(["log", "import", issue, path], stdin: FileHandle.nullDevice, stdout: Pipe(),
                                    stderr: Pipe(), shell: script)
        let message = String(decoding: (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 74, "\(message)")
        #expect(message.contains("nothing of this command's change was kept"))
        #expect(try logCount() == 0)
        try expectConsistent()
        // With room again, the same import works.
        #expect(try cli.run("log", "import", issue, path, "-q").status == 0)
    }
}
