import ArgumentParser
import Foundation
import TRCAACore
import TRCAAStore

extension DbCommand {
    struct Rekey: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Change the database key.",
            discussion: """
                The new key is read from the environment variable named by --from-env, or typed \
                twice at a prompt that does not echo; it never appears on the command line. When \
                the key came from the key file, the file is rewritten (crash-safe).
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Option(name: .customLong("from-env"), help: ArgumentHelp(
            "Read the new key from this environment variable.", valueName: "VAR"))
        var variable: String?

        mutating func run() throws {
            try reportingErrors {
                let newKey = try readNewKey()
                let workspace = try global.openWorkspace()
                for notice in try workspace.rekey(to: newKey) { Console.notice(notice) }
            }
        }

        private func readNewKey() throws -> Passphrase {
            if let variable {
                guard let value = ProcessInfo.processInfo.environment[variable], !value.allSatisfy(\.isWhitespace) else {
                    throw CommandFailure(report: ErrorReport(
                        message: "the environment variable \(variable) is not set or blank",
                        hint: "export \(variable)=<new key> first", code: ExitStatus.usage))
                }
                return Passphrase(passphrase: value)
            }
            guard let first = try SecretPrompt.read("New database key: "),
                  let second = try SecretPrompt.read("Repeat the new key: ") else {
                throw CommandFailure(report: ErrorReport(
                    message: "no terminal to ask for the new key",
                    hint: "pass --from-env VAR with the new key in that environment variable", code: ExitStatus.usage))
            }
            guard first == second else {
                throw CommandFailure(report: ErrorReport(
                    message: "the two keys differ; nothing changed", hint: nil, code: ExitStatus.usage))
            }
            guard !first.allSatisfy(\.isWhitespace) else {
                throw CommandFailure(report: ErrorReport(
                    message: "the new key is blank; nothing changed", hint: nil, code: ExitStatus.usage))
            }
            return Passphrase(passphrase: first)
        }
    }
}
