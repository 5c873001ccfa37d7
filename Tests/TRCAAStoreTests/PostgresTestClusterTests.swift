import Foundation
import Testing
import TestSupport

/// `scripts/pg-test-cluster`: a cluster it starts answers on its socket in C collation, and
/// stop removes it. Runs where PostgreSQL 15 is installed, and wherever
/// `TRCAA_TEST_PG_REQUIRED=1`, where a missing install fails it with the script's message.
@Suite(.needsPostgres)
struct PostgresTestClusterTests {
    @Test func aStartedClusterAnswersOnItsSocketInCCollationAndStopRemovesIt() throws {
        let script = PostgresTestCluster.script
        let start = try Shell.run([script, "start"])
        try #require(start.status == 0, "\(start.stderr)")
        var exports: [String: String] = [:]
        for line in start.stdout.split(separator: "\n") where line.hasPrefix("export ") {
            let pair = line.dropFirst("export ".count).split(separator: "=", maxSplits: 1).map(String.init)
            exports[pair[0]] = pair[1]
        }
        let host = try #require(exports["TRCAA_TEST_PG_HOST"], "\(start.stdout)")
        defer { _ = try? Shell.run([script, "stop", host]) }
        #expect(exports["TRCAA_TEST_PG_USER"] == "trcaa" && exports["TRCAA_TEST_PG_DATABASE"] == "trcaa_test")

        let psql = try Shell.run([PostgresTestCluster.bin + "/psql", "-X", "-A", "-t", "-h", host,
                                  "-p", exports["TRCAA_TEST_PG_PORT"] ?? "", "-U", "trcaa", "-d", "trcaa_test",
                                  "-c", "SHOW lc_collate", "-c", "SHOW listen_addresses"])
        #expect(psql.status == 0, "\(psql.stderr)")
        #expect(psql.stdout == "C\n\n", "C collation, and no TCP listener")

        let stop = try Shell.run([script, "stop", host])
        #expect(stop.status == 0, "\(stop.stderr)")
        #expect(!FileManager.default.fileExists(atPath: host))
    }
}
