import Foundation
import Testing

extension Trait where Self == ConditionTrait {
    /// For a test that needs a server: it runs where PostgreSQL 15 is installed, and wherever
    /// `TRCAA_TEST_PG_REQUIRED=1` (a missing install then fails it with the script's message).
    public static var needsPostgres: Self {
        .enabled(if: PostgresTestCluster.runs, "needs PostgreSQL 15 (apt-get install postgresql-15)")
    }
}

/// `scripts/pg-test-cluster`, and the throwaway cluster it starts once per test process.
public enum PostgresTestCluster {
    /// PostgreSQL 15's programs, where Debian's postgresql-15 puts them.
    public static let bin = "/usr/lib/postgresql/15/bin"
    /// Whether the PostgreSQL tests run: where PostgreSQL 15 is installed, and wherever
    /// `TRCAA_TEST_PG_REQUIRED=1`, where a missing install fails them with the script's message.
    public static let runs = FileManager.default.isExecutableFile(atPath: bin + "/initdb")
        || ProcessInfo.processInfo.environment["TRCAA_TEST_PG_REQUIRED"] == "1"
    public static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/pg-test-cluster").path

    /// This process's cluster: the one the environment names (`TRCAA_TEST_PG_HOST`, `_PORT`,
    /// `_USER`, as `pg-test-cluster start` exports them), else one started by the first caller
    /// and stopped when the process exits.
    public static func shared() throws -> PostgresTestServer { try started.get() }

    private static let started = Result<PostgresTestServer, any Error> {
        let environment = ProcessInfo.processInfo.environment
        if environment["TRCAA_TEST_PG_HOST"] != nil {
            return try PostgresTestServer(exports: environment.map { "export \($0.key)=\($0.value)" }.joined(separator: "\n"))
        }
        let start = try Shell.run([script, "start"])
        guard start.status == 0 else { throw Failure(message: "pg-test-cluster start: \(start.stderr)") }
        let server = try PostgresTestServer(exports: start.stdout)
        stoppedAtExit = server.host
        atexit { if let host = PostgresTestCluster.stoppedAtExit { _ = try? Shell.run([PostgresTestCluster.script, "stop", host]) } }
        return server
    }

    nonisolated(unsafe) private static var stoppedAtExit: String?

    struct Failure: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }
}

/// A running test cluster: its Unix socket and role, and psql on its databases.
public struct PostgresTestServer: Sendable {
    public let host: String
    public let port: String
    public let user: String

    /// From the `export NAME=value` lines `pg-test-cluster start` prints.
    init(exports: String) throws {
        var values: [String: String] = [:]
        for line in exports.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1).map(String.init)
            if pair.count == 2 { values[pair[0]] = pair[1] }
        }
        guard let host = values["TRCAA_TEST_PG_HOST"], let port = values["TRCAA_TEST_PG_PORT"],
              let user = values["TRCAA_TEST_PG_USER"]
        else { throw PostgresTestCluster.Failure(message: "pg-test-cluster start printed no connection: \(exports)") }
        (self.host, self.port, self.user) = (host, port, user)
    }

    /// A new empty database in C collation, as a store's must be, with UTF-8 character classes
    /// (full-text normalisation lowers non-ASCII letters); `dropDatabase` removes it.
    public func createDatabase() throws -> String {
        let name = "trcaa_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
        try psql("postgres", "CREATE DATABASE \(name) LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0", inTransaction: false)
        return name
    }

    /// Drops `name`, ending any session still on it.
    public func dropDatabase(_ name: String) {
        _ = try? psql("postgres", "DROP DATABASE IF EXISTS \(name) WITH (FORCE)", inTransaction: false)
    }

    /// The URL of `database` on this cluster, through its Unix socket.
    public func url(_ database: String) -> String {
        "postgres:///\(database)?host=\(host)&port=\(port)&user=\(user)"
    }

    /// Runs `script` on `database`, in one transaction unless told otherwise, stopping at the
    /// first error; returns what it printed, unaligned and without headers. Throws psql's
    /// message on an error.
    @discardableResult
    public func psql(_ database: String, _ script: String, inTransaction: Bool = true) throws -> String {
        try run(bin: "psql", ["-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-f", "-", "-d", database]
                    + (inTransaction ? ["--single-transaction"] : []), input: script)
    }

    /// The schema of `database` as `pg_dump --schema-only` writes it, without the random key
    /// of its `\restrict` lines (pg_dump 15.14 and later).
    public func schemaDump(_ database: String) throws -> String {
        try run(bin: "pg_dump", ["--schema-only", "--no-owner", "-d", database], input: "").split(separator: "\n")
            .filter { !$0.hasPrefix("\\restrict ") && !$0.hasPrefix("\\unrestrict ") }.joined(separator: "\n")
    }

    /// The rows of `database` as `pg_dump --data-only` writes them: all the server holds.
    public func dataDump(_ database: String) throws -> String {
        try run(bin: "pg_dump", ["--data-only", "--no-owner", "-d", database], input: "")
    }

    private func run(bin program: String, _ arguments: [String], input: String) throws -> String {
        let result = try Shell.run([PostgresTestCluster.bin + "/" + program, "-h", host, "-p", port, "-U", user] + arguments,
                                   input: input)
        guard result.status == 0 else {
            throw PostgresTestCluster.Failure(message: "\(program) failed (\(result.status)): \(result.stderr)")
        }
        return result.stdout
    }
}
