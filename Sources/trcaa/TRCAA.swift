import ArgumentParser
import CMalloc
import Foundation
import TRCAACore
import TRCAAPostgres
import TRCAAStore
import TRCAATUI

@main
struct TRCAA: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trcaa",
        abstract: "Triage incidents and write root-cause analyses from the terminal.",
        discussion: """
            Keeps issues, 5-Whys, timelines, logs and documents in one SQLCipher-encrypted \
            database, or in a team store on a PostgreSQL server (--db postgres://… or \
            TRCAA_DATABASE_URL). Without a subcommand, opens the full-screen interface (press ? in it for \
            the keys); when stdout is not a terminal, prints where the database lives instead.

            The key comes from TRCAA_DB_KEY, else from <data dir>/.dbkey (generated on first \
            use, mode 0600). Exit codes: 0 ok, 1 check failed or nothing found (search, log grep), 64 usage, 65 bad data, 66 missing \
            input, 69 SQLCipher or the server unavailable, 70 internal error, 73 cannot create, 74 I/O error, \
            75 database busy, 77 wrong key or key file problem, 130 interrupted.
            """,
        version: TRCAAVersion.string,
        subcommands: [IssueCommand.self, WhyCommand.self, TimelineCommand.self, ActionCommand.self, LogCommand.self, ImageCommand.self,
                      AttachmentsCommand.self, SearchCommand.self, DocCommand.self, AuditCommand.self, PIICommand.self,
                      PatternsCommand.self,
                      DbCommand.self]
    )

    @OptionGroup(title: "Global Options") var global: GlobalOptions

    /// Parses and runs, formatting usage errors like every other error: `trcaa: <what>`.
    static func main() {
        // Blocks of a log being imported (1–2 MiB each, on several threads) go back to the system
        // when freed. Left to itself, glibc raises this threshold after the first such free and
        // keeps later blocks in its arenas: 123 MiB peak for a 500 MB import instead of 107.
        mallopt(M_MMAP_THRESHOLD, 256 << 10)
        ServerBackends.register(PostgresBackend())
        if let position = firstNonUTF8Argument() {
            Console.error(ErrorReport(
                message: "argument \(position) is not valid UTF-8",
                hint: "trcaa keeps text as UTF-8; convert it first (for example with iconv)", code: ExitStatus.usage))
            Foundation.exit(ExitStatus.usage)
        }
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            guard code != .success, !(error is ExitCode) else { exit(withError: error) }
            let message = fullMessage(for: error)
            let text = message.hasPrefix("Error: ") ? "trcaa: " + message.dropFirst("Error: ".count) : Substring(message)
            FileHandle.standardError.write(Data((text + "\n").utf8))
            Foundation.exit(code.rawValue)
        }
    }

    mutating func run() throws {
        try reportingErrors { try FullScreen(global: global).run() }
    }
}

/// The 1-based position of the first argument whose bytes are not UTF-8 (Swift would
/// silently replace them with U+FFFD and store the replacement).
private func firstNonUTF8Argument() -> Int? {
    for index in 1..<Int(CommandLine.argc) {
        guard let pointer = CommandLine.unsafeArgv[index] else { continue }
        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                        count: strlen(pointer))
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: break decoding
            case .error: return index
            }
        }
    }
    return nil
}

/// The version printed by `--version`.
enum TRCAAVersion {
    static let string = "0.1.0"
}
