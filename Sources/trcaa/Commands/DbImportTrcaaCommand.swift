import ArgumentParser
import Foundation
import Glibc
import TRCAACore

extension DbCommand {
    /// `trcaa db import-trcaa`: an analyst's TRCAA desktop database, brought into the store.
    struct ImportTrcaa: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "import-trcaa",
            abstract: "Import the TRCAA desktop app's database (tftsr.db): issues, whys, timeline, logs, images, documents, audit.",
            discussion: """
                Without PATH, the database is looked for where the desktop app keeps it: $TRCAA_DATA_DIR, \
                $TFTSR_DATA_DIR, $XDG_DATA_HOME/tftsr, ~/.local/share/tftsr. It is opened read-only and never \
                changed. Keys tried: the variable named by --source-key-env, TRCAA_DB_KEY, TFTSR_DB_KEY, the \
                .dbkey beside it; a plain SQLite file (a debug build's) needs none. The desktop's audit chain is \
                verified with its own rule first; one import_trcaa audit entry records the source, its SHA-256, \
                the counts and that result. Everything is written in one transaction; rows already here \
                (by id) are kept, so importing twice changes nothing, and rows that differ are reported as \
                conflicts. Close the desktop app first: it cannot save while the import reads.
                """)

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The desktop database (default: found where the desktop app keeps it).") var path: String?
        @Option(help: ArgumentHelp("An environment variable holding the desktop database's key.", valueName: "VAR"))
        var sourceKeyEnv: String?
        @Flag(help: "Report what would come over; write nothing.") var dryRun = false
        @Flag(help: "Print the result as JSON.") var json = false
        @Flag(help: "Overwrite and remove the unencrypted tftsr.db.plain-backup the desktop app left beside the database.")
        var removePlainBackup = false
        @Flag(name: .shortAndLong, help: "Do not ask for confirmation (--remove-plain-backup).") var yes = false

        func run(in workspace: Workspace) throws {
            let environment = ProcessInfo.processInfo.environment
            let location = try locate(environment: environment)
            // As given: a server's URL is no path to make absolute.
            let (storeName, isThisStore) = try storeName(path ?? location.path, comparedWith: workspace)
            if isThisStore { throw DesktopImportError.isOwnStore(path: storeName) }
            if removePlainBackup, !yes, isatty(STDIN_FILENO) == 0 || isatty(STDERR_FILENO) == 0 {
                throw CommandFailure(report: ErrorReport(
                    message: "removing the plain backup deletes a file for good and needs confirmation",
                    hint: "pass --yes to confirm without a terminal", code: ExitStatus.usage))
            }
            Console.notice("\(dryRun ? "looking at" : "importing") \(location.path)"
                + (location.foundBy == "given" ? "" : " (found in \(location.foundBy))"))
            let source = try DesktopSource.open(location, environment: environment, keyVariable: sourceKeyEnv)
            let progress = ProgressLine(label: "importing logs", quiet: json)
            let report = try DesktopImporter(context: workspace.context).run(source, dryRun: dryRun, progress: progress.update)
            progress.finish()
            if json { try Console.printJSON(report) } else { print(DesktopImportSummary.text(report), terminator: "") }
            for warning in report.warnings { Console.notice("warning: \(warning)") }
            Console.notice(DesktopImportSummary.outcome(report))
            try handlePlainBackup(report, location: location)
        }

        private func locate(environment: [String: String]) throws -> DesktopDatabaseLocation {
            if let path { return .given(path) }
            guard let found = DesktopDatabaseLocation.find(environment: environment) else {
                throw DesktopImportError.notFound(
                    given: nil, searched: DesktopDatabaseLocation.candidates(environment: environment).map(\.path))
            }
            return found
        }

        private func handlePlainBackup(_ report: DesktopImportReport, location: DesktopDatabaseLocation) throws {
            guard let backup = report.plainBackup else {
                if removePlainBackup { Console.notice("there is no plain backup beside \(location.path); nothing removed") }
                return
            }
            guard removePlainBackup, !dryRun else {
                return Console.notice("warning: \(backup) is an unencrypted copy of the desktop's incidents; "
                    + "remove it with: trcaa db import-trcaa \(location.path) --remove-plain-backup")
            }
            if !yes {
                FileHandle.standardError.write(Data("Overwrite and remove the unencrypted \(backup)? [y/N] ".utf8))
                guard let answer = readLine(), ["y", "yes"].contains(answer.lowercased()) else {
                    return Console.notice("kept \(backup)")
                }
            }
            try location.removePlainBackup()
            Console.notice("overwrote and removed \(backup)")
        }
    }
}
