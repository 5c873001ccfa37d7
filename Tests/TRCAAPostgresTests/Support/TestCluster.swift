import Foundation
import Glibc
import TestSupport
import Testing
import TRCAAPostgres
import TRCAAStore

extension Trait where Self == ConditionTrait {
    /// For a test that needs a server: it runs where PostgreSQL 15 is installed, and wherever
    /// `TRCAA_TEST_PG_REQUIRED=1` (a missing install then fails it with the script's message).
    static var needsPostgres: Self {
        .enabled(if: TestCluster.runs, "needs PostgreSQL 15 (apt-get install postgresql-15)")
    }
}

/// The PostgreSQL 15 cluster the server tests of this process share: the one `scripts/test`
/// exported (`TRCAA_TEST_PG_HOST`, `_PORT`, `_USER`), else one `scripts/pg-test-cluster start`
/// makes for this process and stops at its exit.
enum TestCluster {
    /// Whether the server tests run (`needsPostgres`).
    static let runs = FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/15/bin/initdb")
        || ProcessInfo.processInfo.environment["TRCAA_TEST_PG_REQUIRED"] == "1"

    struct Endpoint: Sendable {
        let host: String
        let port: String
        let user: String
        /// Whether this process started the cluster (and so stops it).
        let started: Bool
    }

    struct StartFailed: Error, CustomStringConvertible {
        let description: String
    }

    static let endpoint: Result<Endpoint, StartFailed> = {
        let environment = ProcessInfo.processInfo.environment
        if let host = environment["TRCAA_TEST_PG_HOST"], let port = environment["TRCAA_TEST_PG_PORT"] {
            return .success(Endpoint(host: host, port: port, user: environment["TRCAA_TEST_PG_USER"] ?? "trcaa", started: false))
        }
        do {
            let start = try Shell.run([script, "start"])
            guard start.status == 0 else { return .failure(StartFailed(description: "pg-test-cluster start: \(start.stderr)")) }
            var exports: [String: String] = [:]
            for line in start.stdout.split(separator: "\n") where line.hasPrefix("export ") {
                let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1).map(String.init)
                if pair.count == 2 { exports[pair[0]] = pair[1] }
            }
            guard let host = exports["TRCAA_TEST_PG_HOST"], let port = exports["TRCAA_TEST_PG_PORT"] else {
                return .failure(StartFailed(description: "pg-test-cluster start printed no cluster: \(start.stdout)"))
            }
            atexit { stopStartedCluster() }
            return .success(Endpoint(host: host, port: port, user: exports["TRCAA_TEST_PG_USER"] ?? "trcaa", started: true))
        } catch {
            return .failure(StartFailed(description: "pg-test-cluster could not run: \(error)"))
        }
    }()

    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/pg-test-cluster").path

    /// The URL of `database` on the cluster (its Unix socket).
    static func url(_ database: String) throws -> ServerURL {
        let endpoint = try endpoint.get()
        return try ServerURL("postgres:///\(database)?host=\(endpoint.host)&port=\(endpoint.port)&user=\(endpoint.user)")
    }

    /// Runs `sql` on the maintenance database `postgres`.
    static func administer(_ sql: String) throws {
        try PostgresStoreConnection.open(url("postgres"), environment: [:]).execute(sql, [])
    }

    private static func stopStartedCluster() {
        guard case .success(let endpoint) = endpoint, endpoint.started else { return }
        _ = system("'\(script)' stop '\(endpoint.host)' >/dev/null 2>&1")
    }
}

/// A database of its own on the test cluster for one test, in C collation, with `schema` run
/// in it; dropped (with any connections left to it) when released.
final class TestDatabase {
    let name = "trcaa_t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: "")
    let url: ServerURL
    /// The services' face over a first connection.
    let db: Database

    init(schema: String = "") throws {
        url = try TestCluster.url(name)
        try TestCluster.administer("CREATE DATABASE \(name) LC_COLLATE 'C' LC_CTYPE 'C.UTF-8' TEMPLATE template0")
        db = try Database(connection: PostgresStoreConnection.open(url, environment: [:]), path: url.redacted)
        if !schema.isEmpty { try db.execute(schema) }
    }

    deinit { try? TestCluster.administer("DROP DATABASE IF EXISTS \(name) WITH (FORCE)") }

    func connect(_ options: PostgresOpenOptions = PostgresOpenOptions()) throws -> PostgresStoreConnection {
        try PostgresStoreConnection.open(url, options: options, environment: [:])
    }

    /// The services' face over a new connection.
    func open(_ options: PostgresOpenOptions = PostgresOpenOptions()) throws -> Database {
        Database(connection: try connect(options), path: url.redacted)
    }
}
