import ArgumentParser
import Foundation
import Glibc
import TRCAACore
import TRCAAStore
import TRCAATUI

/// Exit codes (sysexits, SPEC §1).
enum ExitStatus {
    static let checkFailed: Int32 = 1
    /// `search` and `log grep` found nothing (as grep).
    static let noMatch: Int32 = 1
    static let usage: Int32 = 64
    static let dataError: Int32 = 65
    static let noInput: Int32 = 66
    static let unavailable: Int32 = 69
    static let internalError: Int32 = 70
    static let cannotCreate: Int32 = 73
    static let ioError: Int32 = 74
    static let busy: Int32 = 75
    static let permission: Int32 = 77
}

/// An error as the user sees it: one line, an optional hint, an exit code.
struct ErrorReport: Equatable {
    var message: String
    var hint: String?
    var code: Int32

    /// The one place where errors become messages and exit codes.
    init(_ error: any Error) {
        switch error {
        case let error as WorkspaceError: self.init(error.error, keySource: error.keySource)
        case let error as StoreError: self.init(error, keySource: nil)
        case let error as TriageError: self.init(error)
        case let error as ImportError: self.init(error)
        case let error as DesktopImportError: self.init(error)
        case let error as StoreCopyError: self.init(error)
        case let error as LogContentError:
            self.init(message: error.description, hint: {
                switch error {
                case .missing: "import the file again: trcaa log import ISSUE PATH"
                case .damaged: "see what else is damaged with: trcaa db check"
                }
            }(), code: ExitStatus.dataError)
        case let error as TerminalError: self.init(error)
        case let error as CommandFailure: self = error.report
        default:
            self.init(message: "unexpected error: \(error)", hint: "please report this", code: ExitStatus.internalError)
        }
    }

    init(message: String, hint: String?, code: Int32) {
        self.message = message
        self.hint = hint
        self.code = code
    }

    private init(_ error: StoreError, keySource: KeySource?) {
        switch error {
        case .wrongKey(let path) where ServerURL.isServerURL(path):
            self.init(message: "the key does not open this server store (\(path))",
                      hint: "the store's content key was created with the team's TRCAA_DB_KEY; set TRCAA_DB_KEY to that key",
                      code: ExitStatus.permission)
        case .wrongKey(let path):
            self.init(message: "the database key does not open \(path)",
                      hint: Self.wrongKeyHint(keySource), code: ExitStatus.permission)
        case .keyChangedElsewhere(let path):
            self.init(message: "the key of \(path) was changed by another client since this one opened it; nothing changed",
                      hint: "run trcaa again with the new key", code: ExitStatus.busy)
        case .noServerKey(let server):
            self.init(message: "there is no key for the server store \(server)",
                      hint: "set TRCAA_DB_KEY to the team's key for this store (a server store's key is never generated or kept in a file)",
                      code: ExitStatus.permission)
        case .noKey(let databasePath, let keyFilePath):
            self.init(message: "there is no key for the existing database \(databasePath)",
                      hint: "set TRCAA_DB_KEY, or restore the key file \(keyFilePath)", code: ExitStatus.permission)
        case .keyFileUnprotected(let path, _, let owner) where owner != geteuid():
            self.init(message: "the key file \(path) belongs to another user (uid \(owner)), who could have put any key there",
                      hint: "if it is yours, run: chown \(geteuid()) \(path) && chmod 600 \(path)", code: ExitStatus.permission)
        case .keyFileUnprotected(let path, let mode, _):
            self.init(message: "the key file \(path) can be read by other users (mode 0\(String(mode, radix: 8)))",
                      hint: "run: chmod 600 \(path)", code: ExitStatus.permission)
        case .cipherUnavailable(let found):
            let what = found.map { "SQLCipher \($0) is not usable; trcaa needs SQLCipher 4 or newer" }
                ?? "the SQLite library in use is not SQLCipher; refusing to store data unencrypted"
            self.init(message: what,
                      hint: "install SQLCipher 4 (scripts/setup does it; on Debian 12 from bookworm-backports) and rebuild",
                      code: ExitStatus.unavailable)
        case .busy(let path, let holders) where !holders.isEmpty:
            self.init(message: "the store \(path) is being written by \(holders.joined(separator: ", "))",
                      hint: "try again when it has finished", code: ExitStatus.busy)
        case .busy(let path, _):
            self.init(message: "the database \(path) is locked by another program",
                      hint: "another trcaa may be writing to it; try again when it has finished", code: ExitStatus.busy)
        case .inUse(let path, let holders):
            let who = holders.isEmpty ? "another program" : holders.joined(separator: ", ")
            self.init(message: "the database \(path) is open in \(who); this needs it to itself",
                      hint: "quit \(holders.count > 1 ? "them" : "it") (the interface, an import...) and try again; nothing was changed",
                      code: ExitStatus.busy)
        case .readOnly(let path, let reason):
            self.init(message: "the database \(path) can be read but not changed: \(reason)",
                      hint: "nothing was changed; make it writable, or copy the data directory elsewhere and use --data-dir",
                      code: ExitStatus.cannotCreate)
        case .isDirectory(let path):
            self.init(message: "\(path) is a directory, not a database file",
                      hint: "move it away, or choose another file with --db", code: ExitStatus.cannotCreate)
        case .notADatabase(let path, let reason):
            self.init(message: "\(path) is not a trcaa database: \(reason)",
                      hint: "move it away, or choose another file with --db", code: ExitStatus.dataError)
        case .cannotCreate(let path, let reason):
            self.init(message: "cannot create \(path): \(reason)",
                      hint: "check the permissions, or choose another place with --data-dir or --db",
                      code: ExitStatus.cannotCreate)
        case .cannotRead(let path, let reason):
            self.init(message: "cannot read \(path): \(reason)", hint: nil, code: ExitStatus.noInput)
        case .io(let path, let reason):
            let directory = (path as NSString).deletingLastPathComponent
            let remedy = reason == "the disk is full"
                ? "free some space on the disk holding \(directory) (df -h \(directory)) and try again"
                : "check the disk (dmesg shows its errors) and try again"
            self.init(message: "I/O error on \(path): \(reason)",
                      hint: "what was stored before is safe, and nothing of this command's change was kept; \(remedy)",
                      code: ExitStatus.ioError)
        case .migrationFailed(let name, let underlying):
            self.init(message: "migration \(name) failed: \(underlying.message)",
                      hint: "nothing of it was applied; please report this", code: ExitStatus.internalError)
        case .sqlite(let failure) where failure.meansDamage:
            self.init(message: "the database is damaged: \(failure.message)",
                      hint: "run `trcaa db check` to see what is affected; nothing more was written",
                      code: ExitStatus.dataError)
        case .sqlite(let failure):
            self.init(message: "database error: \(failure.message)", hint: "please report this",
                      code: ExitStatus.internalError)
        case .server(let failure):
            self.init(message: "database server error \(failure.sqlState): \(failure.message)", hint: "please report this",
                      code: ExitStatus.internalError)
        case .unreachable(let server, let reason):
            self.init(message: "cannot reach the database server at \(server) (\(reason))",
                      hint: "check that the server runs and that the address in --db or TRCAA_DATABASE_URL is right",
                      code: ExitStatus.unavailable)
        case .loginRefused(let server, let reason):
            self.init(message: "the database server at \(server) refused the login: \(reason)",
                      hint: "check the user and password in the URL (or PGPASSWORD)", code: ExitStatus.unavailable)
        case .unsuitableDatabase(let server, let reason, let remedy):
            self.init(message: "the database at \(server) cannot hold a trcaa store: \(reason)", hint: remedy,
                      code: ExitStatus.unavailable)
        case .invalidLocation(let location, let reason):
            self.init(message: "cannot use the database location \(location): \(reason)", hint: nil, code: ExitStatus.usage)
        case .decoding(let column, let expected, let foundType, _):
            self.init(message: "unexpected \(foundType) in column \(column) (expected \(expected))",
                      hint: "please report this", code: ExitStatus.internalError)
        }
    }

    private init(_ error: TerminalError) {
        switch error {
        case .notATerminal:
            self.init(message: "the full-screen interface needs a terminal on stdin and stdout",
                      hint: "use the subcommands: trcaa --help", code: ExitStatus.unavailable)
        case .unusableTerminal(nil), .unusableTerminal(""):
            self.init(message: "TERM is not set, so the full-screen interface cannot start",
                      hint: Self.terminalHint, code: ExitStatus.unavailable)
        case .unusableTerminal(.some(let term)), .initialisationFailed(let term):
            self.init(message: "the terminal type \(term) cannot show the full-screen interface",
                      hint: Self.terminalHint, code: ExitStatus.unavailable)
        }
    }

    private static let terminalHint = "set TERM (for example TERM=xterm-256color), or use the subcommands: trcaa --help"

    private init(_ error: TriageError) {
        switch error {
        case .emptyTitle:
            self.init(message: "the title is empty", hint: "give the issue a one-line title", code: ExitStatus.usage)
        case .invalidValue(let field, let value, let valid):
            self.init(message: "unknown \(field) '\(value)'", hint: "valid: \(valid.joined(separator: ", "))",
                      code: ExitStatus.usage)
        case .idTooShort(let prefix):
            self.init(message: "'\(prefix)' is too short to name anything",
                      hint: "give at least 4 characters of the id", code: ExitStatus.usage)
        case .unknownID(let kind, let prefix):
            self.init(message: "no \(kind) matches '\(prefix)'", hint: Self.listHint(kind), code: ExitStatus.dataError)
        case .ambiguousID(let kind, let prefix, let candidates):
            self.init(message: "'\(prefix)' matches several \(kind)s: \(candidates.joined(separator: ", "))",
                      hint: "type more characters of the id", code: ExitStatus.usage)
        case .emptyQuestion:
            self.init(message: "the why question is empty", hint: nil, code: ExitStatus.usage)
        case .noSuchStep(let issueId, let number):
            self.init(message: "issue \(issueId) has no why #\(number)",
                      hint: "list them with: trcaa why list \(issueId)", code: ExitStatus.dataError)
        case .metadataTooLarge(let bytes):
            self.init(message: "the metadata is \(bytes) bytes; at most 10240 are allowed", hint: nil,
                      code: ExitStatus.dataError)
        case .metadataNotJSON:
            self.init(message: "the metadata is not valid JSON", hint: #"for example: --metadata '{"file_name":"syslog"}'"#,
                      code: ExitStatus.dataError)
        case .searchSyntax(let query, let message):
            self.init(message: "cannot search for '\(query)': \(message)",
                      hint: "put words in double quotes to match them literally", code: ExitStatus.usage)
        case .documentEdited(let id):
            self.init(message: "document \(id) was edited since it was generated; regenerating would discard the edits",
                      hint: "pass --force to replace it anyway", code: ExitStatus.cannotCreate)
        case .editorUnavailable(let command):
            self.init(message: "the editor '\(command)' could not be started; nothing was saved",
                      hint: "set VISUAL or EDITOR to an editor that is installed", code: ExitStatus.unavailable)
        case .editorFailed(let status):
            self.init(message: "the editor exited with status \(status); nothing was saved", hint: nil,
                      code: ExitStatus.busy)
        case .editorLeftEmptyFile:
            self.init(message: "the edited file is empty; nothing was saved", hint: nil, code: ExitStatus.dataError)
        case .editorLeftBinaryFile:
            self.init(message: "the edited file holds a NUL byte, so it is not text; nothing was saved", hint: nil,
                      code: ExitStatus.dataError)
        case .exportDirectoryMissing(let path):
            self.init(message: "cannot export to \(path): it is not a directory", hint: "create it first, or pass -o DIR",
                      code: ExitStatus.cannotCreate)
        case .exportExists(let path):
            self.init(message: "\(path) already exists", hint: "pass --force to replace it", code: ExitStatus.cannotCreate)
        case .exportFailed(let path, let reason):
            self.init(message: "cannot write \(path): \(reason)", hint: nil, code: ExitStatus.ioError)
        case .logChanged(let id):
            self.init(message: "log \(id) was changed by another process while this ran; nothing was written",
                      hint: "run the command again", code: ExitStatus.busy)
        case .invalidKeyPrefix(let prefix):
            self.init(message: "'\(prefix)' cannot be an issue key prefix", hint: "use 1 to 10 letters, e.g. OPS",
                      code: ExitStatus.usage)
        case .invalidTime(let input, let reason):
            self.init(message: "cannot read the time '\(input)': \(reason)",
                      hint: "for example 2026-12-10 06:55, Dec 10 06:55:48, 06:55, +15m (after the start) or now-5m",
                      code: ExitStatus.usage)
        case .emptyText(let field):
            self.init(message: "the \(field) is empty", hint: nil, code: ExitStatus.usage)
        case .editConflict(let field, let by, let at):
            self.init(message: "\(field) was changed by \(by)\(at.isEmpty ? "" : " at " + at) after it was read; nothing was saved",
                      hint: "read it again and repeat the change", code: ExitStatus.busy)
        }
    }

    private init(_ error: ImportError) {
        switch error {
        case .missingFile(let path):
            self.init(message: "\(path): no such file; nothing was imported", hint: nil, code: ExitStatus.noInput)
        case .unreadable(let path, let reason):
            self.init(message: "cannot read \(path): \(reason); nothing was imported", hint: nil, code: ExitStatus.noInput)
        case .notAFile(let path, let kind):
            self.init(message: "\(path) is \(kind); nothing was imported", hint: nil, code: ExitStatus.noInput)
        case .tooLarge(let name, let size, let limit):
            self.init(message: "\(name) is larger than the limit of \(ByteSize.describe(limit)) (at least \(ByteSize.describe(size))); nothing was imported",
                      hint: "raise the limit with --max-size, for example --max-size 4G", code: ExitStatus.dataError)
        case .binary(let name, let offset):
            self.init(message: "\(name) looks binary (a NUL byte at offset \(offset)); nothing was imported",
                      hint: "pass --binary to import it anyway", code: ExitStatus.dataError)
        case .corruptCompressed(let name, let reason):
            self.init(message: "\(name) is damaged gzip data: \(reason); nothing was imported",
                      hint: "check it with: gzip -t", code: ExitStatus.dataError)
        case .interrupted:
            self.init(message: "interrupted; nothing of the unfinished import was stored", hint: nil, code: 130)
        case .unknownImageFormat(let name):
            self.init(message: "\(name) is not a PNG, JPEG, GIF, WebP, BMP or SVG image; nothing was stored",
                      hint: "convert it to one of those formats first", code: ExitStatus.dataError)
        case .imageTooLarge(let name, let size):
            self.init(message: "\(name) is \(size) bytes (\(ByteSize.describe(size))); images are limited to "
                          + "\(ImageService.maximumSize) bytes (10 MiB); nothing was stored",
                      hint: "scale it down or crop it first", code: ExitStatus.dataError)
        }
    }

    private static func listHint(_ kind: String) -> String? {
        switch kind {
        case "issue": "list them with: trcaa issue list"
        case "document": "list an issue's documents with: trcaa doc list ISSUE"
        case "log": "list them with: trcaa log list"
        case "image": "list them with: trcaa image list"
        case "PII span": "list a log's spans with: trcaa log pii LOG"
        default: nil
        }
    }

    private static func wrongKeyHint(_ source: KeySource?) -> String {
        switch source {
        case .environment(let variable)?:
            "the key came from \(variable); check its value, or unset it to use the key file"
        case .keyFile(let path)?:
            "the key came from \(path); set TRCAA_DB_KEY to the right key, or restore the right key file"
        default:
            "check TRCAA_DB_KEY and the key file; or the file is not a trcaa database"
        }
    }
}

/// A failure a command reports itself, with its own message and code.
struct CommandFailure: Error {
    let report: ErrorReport
}

extension ParsableCommand {
    /// Runs `body`, turning any domain error into `trcaa: …`, a hint and its exit code.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as ExitCode {
            throw error
        } catch {
            let report = ErrorReport(error)
            Console.error(report)
            throw ExitCode(report.code)
        }
    }
}
