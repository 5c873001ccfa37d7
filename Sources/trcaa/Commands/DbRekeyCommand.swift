import ArgumentParser
import Foundation
import TRCAACore
import TRCAAStore

extension DbCommand {
    struct Rekey: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "rekey",
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

        func validate() throws {
            if let variable {
                guard let value = ProcessInfo.processInfo.environment[variable], !value.allSatisfy(\.isWhitespace) else {
                    throw ValidationError("the environment variable \(variable) is not set or blank")
                }
            } else if !SecretPrompt.hasTerminal {
                throw ValidationError("no terminal to ask for the new key; pass --from-env VAR")
            }
        }

        func run(in workspace: Workspace) throws {
            for notice in try workspace.rekey(to: try readNewKey()) { Console.notice(notice) }
        }

        private func readNewKey() throws -> Passphrase {
            if let variable, let value = ProcessInfo.processInfo.environment[variable] {
                return Passphrase(passphrase: value)  // checked by validate()
            }
            guard let first = SecretPrompt.read("New database key: "),
                  let second = SecretPrompt.read("Repeat the new key: ") else {
                throw CommandFailure(report: ErrorReport(
                    message: "the terminal went away before the new key was typed", hint: nil, code: ExitStatus.usage))
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
