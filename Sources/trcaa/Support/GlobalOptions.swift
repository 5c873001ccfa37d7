import ArgumentParser
import Foundation
import TRCAACore

/// Options every command accepts (SPEC §1).
struct GlobalOptions: ParsableArguments {
    @Option(name: .customLong("db"), help: ArgumentHelp(
        "Database file (default: $TRCAA_DATABASE_URL, else <data dir>/trcaa.db; ':memory:' for a throwaway one), "
            + "or a postgres:// URL of a team store on a server.", valueName: "path|url"))
    var databasePath: String?

    @Option(name: .customLong("data-dir"), help: ArgumentHelp(
        "Data directory (default: $TRCAA_DATA_DIR, else $XDG_DATA_HOME/trcaa, else ~/.local/share/trcaa).",
        valueName: "dir"))
    var dataDirectory: String?

    @Flag(name: .customLong("no-color"), help: "Never colour the output (also when NO_COLOR is set).")
    var noColor = false

    /// Width and colour of stdout.
    var output: TerminalOutput { TerminalOutput.current(noColor: noColor) }

    /// Opens the store, printing its one-time notices (generated key, conversion) to stderr.
    func openWorkspace(migrate: Bool = true, createIfMissing: Bool = true) throws -> Workspace {
        let options = WorkspaceOptions(dataDirectory: dataDirectory, databasePath: databasePath,
                                       migrate: migrate, createIfMissing: createIfMissing)
        let workspace = try Workspace.open(options, environment: ProcessInfo.processInfo.environment,
                                           logger: Console.logger)
        for notice in workspace.notices { Console.notice(notice) }
        return workspace
    }
}
