import Foundation
import TestSupport

/// Runs the built `trcaa` binary in a private home and data directory, on `TestStore.current`
/// or the store it is given: for PostgreSQL, a database of its own on the test cluster, named
/// by `TRCAA_DATABASE_URL`, with the team key in `TRCAA_DB_KEY`.
final class CLI {
    struct Result {
        let status: Int32
        let stdout: String
        let stderr: String
        var stderrLines: [String] { stderr.split(separator: "\n").map(String.init) }
    }

    let home: String
    var dataDirectory: String { home + "/data" }
    var databasePath: String { dataDirectory + "/trcaa.db" }
    var environment: [String: String]
    /// The kind of store the commands run on.
    let store: TestStore
    /// The test's database on the cluster (or why there is none) when the store is PostgreSQL.
    private let serverDatabase: Swift.Result<ServerTestDatabase, any Error>?

    /// The `trcaa` binary next to the test bundle in the build directory.
    static let binary: String = {
        let executable = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? ""
        return URL(fileURLWithPath: executable).deletingLastPathComponent().appendingPathComponent("trcaa").path
    }()

    init(store: TestStore = .current) {
        home = NSTemporaryDirectory() + "trcaa-cli-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        environment = [
            "HOME": home, "TRCAA_DATA_DIR": home + "/data", "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin",
            "LANG": "C.UTF-8", "COLUMNS": "100", "TZ": "UTC",
        ]
        self.store = store
        serverDatabase = store == .postgres ? Swift.Result { try ServerTestDatabase() } : nil
        if case .success(let database) = serverDatabase {
            environment["TRCAA_DATABASE_URL"] = database.url
            environment["TRCAA_DB_KEY"] = "cli-test-team-key"
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: home) }

    /// Runs `trcaa arguments…` with `extra` added to the environment.
    @discardableResult
    func run(_ arguments: String..., environment extra: [String: String] = [:]) throws -> Result {
        try run(arguments: arguments, environment: extra)
    }

    /// Runs `trcaa` with `input` on stdin (none: /dev/null) and waits for it.
    @discardableResult
    func run(arguments: [String], environment extra: [String: String] = [:], input: [UInt8]? = nil) throws -> Result {
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        let process = try start(arguments, environment: extra, stdin: input == nil ? FileHandle.nullDevice : stdin,
                                stdout: stdout, stderr: stderr)
        if let input {
            // Written from another thread, so a large input cannot block against a full stdout pipe.
            Thread {
                stdin.fileHandleForWriting.write(Data(input))
                try? stdin.fileHandleForWriting.close()
            }.start()
        }
        let out = stdout.fileHandleForReading.readDataToEndOfFile()
        let err = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                      stderr: String(decoding: err, as: UTF8.self))
    }

    /// Starts `trcaa` without waiting (for tests that signal or kill it). With `shell`, runs
    /// `bash -c shell trcaa arguments…`, so the script can set limits and `exec "$0" "$@"`.
    func start(_ arguments: [String], environment extra: [String: String] = [:], stdin: Any, stdout: Any, stderr: Any,
               shell: String? = nil) throws -> Process
    {
        _ = try serverDatabase?.get()
        let process = Process()
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = ["-c", shell, Self.binary] + arguments
        } else {
            process.executableURL = URL(fileURLWithPath: Self.binary)
            process.arguments = arguments
        }
        process.environment = environment.merging(extra) { $1 }
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        return process
    }

    /// Where the store is, as `--db` would name it: the file, or the test database's URL.
    func storeLocation() throws -> String { try serverDatabase?.get().url ?? databasePath }

    func keyFile() throws -> String { try String(contentsOfFile: dataDirectory + "/.dbkey", encoding: .utf8) }

    /// Runs `sql` in the store's own shell, as someone holding the key would: `sqlcipher` on
    /// the file with the key file's key, `psql` on the test's database. Returns what it printed.
    @discardableResult
    func shellSQL(_ sql: String) throws -> String {
        try Shell.storeSQL(sql, server: serverDatabase?.get(), path: databasePath) { try keyFile() }
    }
}
