import ArgumentParser
import CMalloc
import Foundation
import TRCAACore

extension LogCompression: ExpressibleByArgument {}

/// `trcaa log …`: stored logs, their PII and their text.
struct LogCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "Import logs, review their PII, read, redact, export and search them.",
        subcommands: [Import.self, List.self, Show.self, PII.self, Dismiss.self, Redact.self, Export.self, Grep.self,
                      Patterns.self]
    )
}

extension LogCommand {
    struct Import: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Import log files (or stdin) into an issue; prints each new log's id.",
            discussion: """
                Each file is read once: hashed (SHA-256), scanned for PII, gzip-compressed into the \
                encrypted database and indexed for random access. gzip input (.gz or not) is stored \
                decompressed. A file either is stored whole or not at all (Ctrl-C, errors); with \
                several files, the others are still imported and the exit code is the first failure's.
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "Files to import; '-' reads stdin.") var paths: [String]
        @Option(help: "Name to store (default: the file's name, 'stdin' for '-'); only with one file.") var name: String?
        @Flag(help: "Import content with NUL bytes in its first 64 KiB.") var binary = false
        @Option(help: ArgumentHelp("Refuse text larger than this (default 1G).", valueName: "size")) var maxSize: SizeLimit?
        @Option(help: ArgumentHelp("fast (ISA-L, the default) or small (zlib level 6: ~13% smaller, ~2x the CPU).",
                                   valueName: "kind")) var compression: LogCompression = .fast
        @Flag(name: .shortAndLong, help: "Print only the ids: no progress, no summary.") var quiet = false

        func validate() throws {
            guard !paths.isEmpty else { throw ValidationError("give at least one file, or '-' for stdin") }
            if name != nil, paths.count > 1 { throw ValidationError("--name names one file; several were given") }
        }

        /// The first file is read while the key is derived and the store opened (~0.1 s of
        /// PBKDF2 that would otherwise come first).
        mutating func run() throws {
            Interruption.install()
            let first = ImportReadAhead(path: paths[0], options: options, quiet: quiet)
            defer { first.cancel() }
            try withWorkspace { try importAll(into: $0, first: first) }
        }

        /// The protocol's entry, without reading ahead.
        func run(in workspace: Workspace) throws { try importAll(into: workspace, first: nil) }

        private var options: LogImportOptions {
            var options = LogImportOptions(allowBinary: binary, name: name)
            if let maxSize { options.maximumSize = maxSize.bytes }
            options.compression = compression
            return options
        }

        /// Reads `path` with a progress line; nothing is stored yet.
        static func prepare(_ path: String, options: LogImportOptions, quiet: Bool,
                            shouldStop: @escaping () -> Bool = { Interruption.requested }) throws -> PreparedLog {
            let progress = ProgressLine(label: path == "-" ? "stdin" : path, quiet: quiet)
            defer { progress.finish() }
            let prepared = try LogService.prepareImport(path: path, options: options, progress: progress.update, shouldStop: shouldStop)
            // The reading's threads leave what they freed in glibc's arenas; it goes back to the
            // system before the store adds its page cache to the compressed log held in memory.
            malloc_trim(0)
            return prepared
        }

        private func importAll(into workspace: Workspace, first: ImportReadAhead?) throws {
            let issueId = try workspace.issues.resolve(issue)
            var firstFailure: ErrorReport?
            for (index, path) in paths.enumerated() where !Interruption.requested {
                do {
                    let prepared = if index == 0, let first { try first.result() } else {
                        try Self.prepare(path, options: options, quiet: quiet)
                    }
                    let log = try workspace.logs.store(prepared, issueId: issueId)
                    print(log.id)
                    if !quiet { Console.notice(try Self.summary(of: log, in: workspace)) }
                } catch {
                    let report = ErrorReport(error)
                    Console.error(report)
                    if firstFailure == nil { firstFailure = report }
                    if case ImportError.interrupted = error { break }
                }
            }
            if Interruption.requested, firstFailure == nil {
                throw CommandFailure(report: ErrorReport(ImportError.interrupted))
            }
            if let firstFailure { throw ExitCode(firstFailure.code) }
        }

        /// `imported app.log (4a1f0c2e): 12 345 lines, 3.2 MiB → 412 KiB, 17 PII spans (IPv4 12, Email 5)`.
        static func summary(of log: LogFileDetail, in workspace: Workspace) throws -> String {
            var text = "imported \(log.summary.fileName) (\(try workspace.logs.shortId(log.id))): "
            text += "\(log.lineCount ?? 0) lines, \(ByteSize.describe(log.summary.fileSize))"
            if let compressed = log.compressedSize { text += " → \(ByteSize.describe(compressed))" }
            text += ", " + LogText.piiSummary(log)
            return text
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List the logs of an issue, or of every issue.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix (default: every issue).") var issue: String?
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let logs = try workspace.logs.list(issueId: try issue.map(workspace.issues.resolve))
            if json { return try Console.printJSON(logs) }
            guard !logs.isEmpty else {
                return Console.notice("no logs yet; import one with: trcaa log import ISSUE FILE")
            }
            let rows = try logs.map { log in
                [try workspace.logs.shortId(log.id), try workspace.issues.key(log.summary.issueId),
                 ByteSize.describe(log.summary.fileSize), log.lineCount.map(String.init) ?? "?",
                 log.errorLines.map(String.init) ?? "?", String(log.spanCount) + (log.summary.redacted ? " (purged)" : ""),
                 TimeText.relative(log.summary.uploadedAt), log.summary.fileName]
            }
            print(TextTable(header: ["ID", "ISSUE", "SIZE", "LINES", "ERRORS", "PII", "UPLOADED", "NAME"], rows: rows)
                .render(width: global.output.width))
        }
    }

    struct Show: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Print a log's text, or some of its lines.",
            discussion: """
                Without --lines the whole text is written as stored (byte for byte), or its redacted view. \
                With --lines, only those lines are read (from the nearest index point, not from the start).
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The log: 42/L1 (issue 42's first) or an id prefix.") var log: String
        @OptionGroup var redaction: RedactionOptions
        @Option(help: ArgumentHelp("Lines to print, 1-based: A:B, A:, :B or N.", valueName: "range")) var lines: LineRange?
        @Flag(name: [.short, .customLong("number")], help: "Prefix each line with its number.") var number = false
        @Flag(help: "Print the log's metadata instead of its text.") var info = false

        func run(in workspace: Workspace) throws {
            let id = try workspace.logs.resolve(log)
            if info { return try LogText.printInfo(try workspace.logs.detail(id), in: workspace) }
            let output = LogText.Output()
            if lines == nil, !number {
                try workspace.logs.stream(id, redacted: redaction.redacted, tokens: redaction.chosenTokens) { output.write($0) }
            } else {
                let range = lines?.range ?? 0..<Int.max
                try workspace.logs.forEachLine(id, from: range.lowerBound, redacted: redaction.redacted,
                                               tokens: redaction.chosenTokens) { line, _, text in
                    guard line < range.upperBound else { return false }
                    if number { output.write(Array("\(String(line + 1).leftPadded(to: 6))\t".utf8)) }
                    output.write(text)
                    output.write([10])
                    return true
                }
            }
            output.flush()
        }
    }
}
