import Foundation
import Testing

@Suite struct HelpAndVersionTests {
    let cli = CLI()

    @Test func versionPrintsTheVersion() throws {
        let result = try cli.run("--version")
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }

    @Test(arguments: [[], ["db"], ["db", "info"], ["db", "migrate"], ["db", "check"], ["db", "rekey"]])
    func everyCommandHasHelp(command: [String]) throws {
        let process = try cli.run(arguments: command + ["--help"])
        #expect(process.status == 0)
        #expect(process.stdout.contains("USAGE: trcaa"))
        #expect(process.stdout.contains("--db <path|url>") || command.count < 2)
        #expect(!FileManager.default.fileExists(atPath: cli.dataDirectory), "help must not create the data directory")
    }

    @Test func anUnknownOptionIsAUsageError() throws {
        let result = try cli.run("db", "info", "--bogus")
        #expect(result.status == 64)
        #expect(result.stderrLines.first == "trcaa: Unknown option '--bogus'")
    }
}
