import ArgumentParser
import Foundation
import Testing
@testable import trcaa

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

/// ArgumentParser names a command that has no `commandName` by `String(describing:)` of its
/// type, and those first dynamic casts scan every protocol conformance in the binary: 74 M
/// instructions (~5 ms) that every `trcaa` process paid before doing anything.
@Suite struct CommandNameTests {
    @Test func everyCommandNamesItself() {
        func unnamed(_ command: any ParsableCommand.Type) -> [String] {
            let configuration = command.configuration
            return (configuration.commandName == nil ? [String(reflecting: command)] : []) + configuration.subcommands.flatMap(unnamed)
        }
        #expect(unnamed(TRCAA.self) == [])
    }
}
