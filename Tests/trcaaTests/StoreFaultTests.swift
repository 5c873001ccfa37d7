import Foundation
import Testing
import TRCAAStore
import TestSupport

/// What the store does when the file system or the files around it are not as expected: a
/// clear message, the right exit code, nothing lost.
@Suite struct StoreFaultTests {
    let cli = CLI()

    private func issue(_ title: String) throws -> String {
        let created = try cli.run("issue", "new", title)
        #expect(created.status == 0, "\(created.stderr)")
        return created.stdout.trimmingCharacters(in: .newlines)
    }

    @Test(.sqlcipherOnly) func aStoreOnAReadOnlyMountIsReadButNeverWritten() throws {
        let mount = try TmpfsMount(megabytes: 16)
        defer { mount.remove() }
        cli.environment["TRCAA_DATA_DIR"] = mount.path + "/data"
        let database = mount.path + "/data/trcaa.db"
        _ = try issue("written before the remount")
        try mount.remount("ro")

        let list = try cli.run("issue", "list")
        #expect(list.status == 0, "\(list.stderr)")
        #expect(list.stdout.contains("written before the remount"))
        #expect(list.stderrLines == ["trcaa: opened \(database) read-only: it is on a read-only file system"])
        let write = try cli.run("issue", "new", "after the remount")
        #expect(write.status == 73)
        #expect(write.stderrLines.contains("trcaa: the database \(database) can be read but not changed: it is open read-only"))
    }

    /// A full disk after the commit: the import is stored in the write-ahead log, which cannot
    /// be folded into the database. The command says so; reads still work; with room again,
    /// everything is there.
    @Test(.sqlcipherOnly) func aDiskFilledByACommitIsReportedAndLosesNothing() throws {
        let mount = try TmpfsMount(megabytes: 12)
        defer { mount.remove() }
        cli.environment["TRCAA_DATA_DIR"] = mount.path + "/data"
        let owner = try issue("fills the disk")
        let chunk = cli.home + "/chunk.log"
        try Self.logWithAddresses(lines: 12_000).write(toFile: chunk, atomically: true, encoding: .utf8)

        var stored: [String] = []
        var warning: String?
        for _ in 1...80 where warning == nil {
            let imported = try cli.run("log", "import", owner, chunk, "-q")
            guard imported.status == 0 else {
                #expect(imported.status == 74, "\(imported.stderr)")
                break
            }
            stored.append(imported.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
            warning = imported.stderrLines.first { $0.contains("cannot be folded into the database") }
        }
        let message = try #require(warning, "the disk never filled after a commit")
        #expect(message.contains("Free at least"))

        let listed = try cli.run("log", "list", owner, "--json")
        #expect(listed.status == 0, "reads need no room: \(listed.stderr)")
        #expect(stored.allSatisfy { listed.stdout.contains($0) })

        try mount.remount("size=96m")
        #expect(try cli.run("db", "check").status == 0)
        let after = try cli.run("log", "list", owner, "--json")
        #expect(stored.allSatisfy { after.stdout.contains($0) })
        #expect(stored.count >= 1)
    }

    @Test(.sqlcipherOnly) func aDanglingLinkIsNotFollowedToCreateADatabase() throws {
        try FileManager.default.createDirectory(atPath: cli.dataDirectory, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: cli.databasePath, withDestinationPath: cli.home + "/elsewhere.db")
        let result = try cli.run("issue", "list")
        #expect(result.status == 73)
        #expect(result.stderrLines.first == "trcaa: cannot create \(cli.databasePath): it is a symbolic link to "
            + "\(cli.home)/elsewhere.db, which does not exist; trcaa does not create a database through a link")
        #expect(!FileManager.default.fileExists(atPath: cli.home + "/elsewhere.db"))
    }

    @Test(.sqlcipherOnly) func modesThatExposeTheStoreAreWarnedAbout() throws {
        _ = try issue("exposed")
        chmod(cli.databasePath, 0o644)
        chmod(cli.dataDirectory, 0o777)
        let result = try cli.run("issue", "list")
        #expect(result.status == 0)
        #expect(result.stderrLines == [
            "trcaa: \(cli.databasePath) can be read by other users (mode 0644); it is encrypted, but run: chmod 600 \(cli.databasePath)",
            "trcaa: the data directory \(cli.dataDirectory) can be written by other users (mode 0777), who could replace "
                + "the database or its key file; run: chmod 700 \(cli.dataDirectory)",
        ])
    }

    @Test func everyStartSweepsTheEditorCopiesOfRunsThatWereKilled() throws {
        let runtime = cli.home + "/run"
        try FileManager.default.createDirectory(atPath: runtime, withIntermediateDirectories: true)
        cli.environment["XDG_RUNTIME_DIR"] = runtime
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let stale = "\(runtime)/trcaa-edit-\(gone.processIdentifier)-AbCdEf"
        let live = "\(runtime)/trcaa-edit-\(getpid())-GhIjKl"
        for directory in [stale, live] {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try "plaintext of a document".write(toFile: directory + "/RCA.md", atomically: true, encoding: .utf8)
        }
        #expect(try cli.run("issue", "list").status == 0)
        #expect(!FileManager.default.fileExists(atPath: stale), "the copy of a killed run stays in plaintext")
        #expect(FileManager.default.fileExists(atPath: live + "/RCA.md"), "a running process's copy was removed")
    }

    @Test(.sqlcipherOnly) func aDamagedPagePointsToDbCheck() throws {
        _ = try issue("on a page about to be damaged")
        let root = try Shell.sqlcipher(cli.databasePath, key: try cli.keyFile(),
                                       "SELECT rootpage FROM sqlite_master WHERE name = 'issues';")
        let page = try #require(Int(root.stdout.split(separator: "\n").last ?? ""), "\(root.stderr)")
        let file = try FileHandle(forUpdating: URL(fileURLWithPath: cli.databasePath))
        try file.seek(toOffset: UInt64((page - 1) * 4096 + 200))
        let byte = try #require(try file.read(upToCount: 1)?.first)
        try file.seek(toOffset: UInt64((page - 1) * 4096 + 200))
        try file.write(contentsOf: [byte ^ 0x5A])
        try file.close()

        let result = try cli.run("issue", "list")
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderrLines.first?.hasPrefix("trcaa: the database is damaged: ") == true)
        #expect(result.stderrLines.last == "hint: run `trcaa db check` to see what is affected; nothing more was written")
    }

    static func logWithAddresses(lines: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<lines).map { line in
            let address = (0..<4).map { _ in String(Int.random(in: 1...254, using: &generator)) }.joined(separator: ".")
            return "2024-05-01 10:\(line % 60):00 sshd[\(line)]: Failed password for user\(line)@example.org from "
                + "\(address) port \(Int.random(in: 1024...65000, using: &generator))"
        }.joined(separator: "\n") + "\n"
    }
}

/// A private tmpfs, mounted for one test (the tests run as root, as CI does).
struct TmpfsMount {
    let path: String

    init(megabytes: Int) throws {
        path = NSTemporaryDirectory() + "trcaa-mount-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        try Self.mount(["-t", "tmpfs", "-o", "size=\(megabytes)m,mode=0700", "tmpfs", path])
    }

    func remount(_ options: String) throws {
        try Self.mount(["-o", "remount,\(options)", path])
    }

    func remove() {
        try? Self.mount(["-l", path], command: "umount")
        try? FileManager.default.removeItem(atPath: path)
    }

    private static func mount(_ arguments: [String], command: String = "mount") throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [command] + arguments
        let errors = Pipe()
        process.standardError = errors
        try process.run()
        let message = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw MountFailure(description: "\(command) \(arguments.joined(separator: " ")): \(message)")
        }
    }

    struct MountFailure: Error, CustomStringConvertible {
        let description: String
    }
}
