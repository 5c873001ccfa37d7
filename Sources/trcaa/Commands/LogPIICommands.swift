import ArgumentParser
import Foundation
import TRCAACore

extension LogCommand {
    struct PII: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "pii", abstract: "List a log's PII spans by type, with line numbers and span ids.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The log: 42/L1 (issue 42's first) or an id prefix.") var log: String
        @Option(help: "Only spans of this type (Email, IPv4, …).") var type: String?
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let id = try workspace.logs.resolve(log)
            if let type, !PIIType.allCases.contains(where: { $0.rawValue == type }) {
                throw TriageError.invalidValue(field: "PII type", value: type, valid: PIIType.allCases.map(\.rawValue))
            }
            let spans = try workspace.logs.spans(id, type: type)
            if json { return try Console.printJSON(spans) }
            guard !spans.isEmpty else {
                let log = try workspace.logs.detail(id)
                return Console.notice(log.summary.redacted ? "this log was purged; it holds no PII spans"
                                      : type == nil ? "no PII found in this log" : "no \(type!) spans in this log")
            }
            let order = Dictionary(spans.map { ($0.type, 1) }, uniquingKeysWith: +)
            let sorted = spans.sorted { ($0.type == $1.type) ? $0.start < $1.start
                : (order[$0.type]!, $1.type) > (order[$1.type]!, $0.type) }  // Safe: every type was counted.
            let reference = try workspace.logs.shortId(id)
            let rows = sorted.map { span in
                [span.type, String(span.line ?? 0), LogService.spanReference(logReference: reference, start: span.start),
                 Self.displayable(span.value)]
            }
            let output = global.output
            print(TextTable(header: ["TYPE", "LINE", "SPAN", "VALUE"], rows: rows,
                            decorate: { column, cell in column == 0 ? output.styled(cell, "33") : cell })
                .render(width: output.width))
            Console.notice("\(counted(spans.count, "span")): "
                + order.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
                + "; dismiss false positives with: trcaa log dismiss SPAN…")
        }

        /// One line: control characters shown as escapes.
        static func displayable(_ value: String) -> String {
            value.unicodeScalars.map { scalar in
                switch scalar {
                case "\n": "\\n"
                case "\r": "\\r"
                case "\t": "\\t"
                default: scalar.properties.generalCategory == .control ? "\\u{\(String(scalar.value, radix: 16))}" : String(scalar)
                }
            }.joined()
        }
    }

    struct Dismiss: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "dismiss",
            abstract: "Remove PII spans that are false positives (each removal is audited).")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "Spans as trcaa log pii shows them: 42/L1@10372 (the log, then the offset the span starts at).")
        var spans: [String]

        func validate() throws {
            guard !spans.isEmpty else { throw ValidationError("give at least one span, e.g. 42/L1@10372 (see trcaa log pii LOG)") }
        }

        func run(in workspace: Workspace) throws {
            let ids = try spans.map(workspace.logs.resolveSpan)
            for span in try workspace.logs.dismiss(spanIds: Array(Set(ids)).sorted()) {
                Console.notice("dismissed \(span.type) '\(PII.displayable(span.value))'")
            }
        }
    }

    struct Redact: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "redact",
            abstract: "Replace a log's stored text with its redacted view (--purge).",
            discussion: """
                The PII values are then gone from the database for good: the text keeps only the [Type] \
                tokens (or [Type#n] with --tokens numbered), the spans are deleted, the log is marked redacted and the audit log records the \
                old and new SHA-256. Asks for confirmation on a terminal; elsewhere pass --yes. Without \
                --purge, shows what would be removed.
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The log: 42/L1 (issue 42's first) or an id prefix.") var log: String
        @Flag(help: "Replace the stored text.") var purge = false
        @Flag(name: .shortAndLong, help: "Do not ask for confirmation.") var yes = false
        @Option(help: ArgumentHelp(
            "Tokens the stored text gets: plain ([IPv4], the default) or numbered ([IPv4#3], the same number for the same value).",
            valueName: "plain|numbered")) var tokens: RedactionTokens = .plain

        func run(in workspace: Workspace) throws {
            let id = try workspace.logs.resolve(log)
            let detail = try workspace.logs.detail(id)
            guard detail.spanCount > 0 else {
                return Console.notice("\(detail.summary.fileName) holds no PII spans; nothing to redact")
            }
            guard purge else {
                print("\(detail.summary.fileName): \(LogText.piiSummary(detail)) would be replaced by their tokens.")
                return print("Run with --purge to replace the stored text; review first with: trcaa log pii \(log)")
            }
            if !yes {
                guard isatty(STDIN_FILENO) == 1, isatty(STDERR_FILENO) == 1 else {
                    throw CommandFailure(report: ErrorReport(
                        message: "purging replaces the stored text for good and needs confirmation",
                        hint: "pass --yes to confirm without a terminal", code: ExitStatus.usage))
                }
                FileHandle.standardError.write(Data("""
                    Replace the stored text of \(detail.summary.fileName) with its redacted view? \
                    \(LogText.piiSummary(detail)) will be gone for good. [y/N] 
                    """.utf8))
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    return Console.notice("nothing changed")
                }
            }
            let progress = ProgressLine(label: "redacting \(detail.summary.fileName)", quiet: false)
            let result = try workspace.logs.purge(id, tokens: tokens, progress: progress.update)
            progress.finish()
            Console.notice("""
                purged \(counted(result.spansRemoved, "PII span")) from \(detail.summary.fileName): \
                \(ByteSize.describe(result.oldSize)) → \(ByteSize.describe(result.newSize)), SHA-256 \(result.newHash.prefix(16))…
                """)
        }
    }
}
