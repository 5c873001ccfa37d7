import ArgumentParser
import Foundation
import Logging
import TRCAACore
import TRCAAPostgres
import TRCAATUI

/// `trcaa` without a subcommand: the full-screen interface on the opened store, or a plain
/// summary when stdin/stdout are not a terminal.
struct FullScreen {
    let global: GlobalOptions

    func run() throws {
        let environment = ProcessInfo.processInfo.environment
        do {
            _ = try NCursesTerminal.checkUsable(environment: environment)
        } catch TerminalError.notATerminal {
            try printSummary()
            return
        }
        // Opened before the screen changes, so key and database errors print like any other.
        var options = WorkspaceOptions(dataDirectory: global.dataDirectory, databasePath: global.databasePath)
        options.cacheKibibytes = InterfaceLoop.pageCacheKibibytes
        let workspace = try Workspace.open(
            options, environment: environment, logger: Logger(label: "trcaa", factory: { _ in SwiftLogNoOpLogHandler() }))
        let terminal = try NCursesTerminal(environment: environment, colorsWanted: global.output.color)
        var state = AppState(size: terminal.size, status: StatusInfo(
            databaseName: workspace.location.server?.database ?? URL(fileURLWithPath: workspace.location.databasePath).lastPathComponent,
            keySource: workspace.keySource.kind,
            keyDescription: workspace.keySource.description, dataDirectory: workspace.location.dataDirectory),
            now: Date(), hasExternalEditor: ExternalEditor.fromEnvironment(environment) != nil)
        state.status.desktopDatabase = DesktopDatabaseLocation.find(environment: environment)?.path
        if let notice = workspace.notices.last { state.toast = Toast(notice, expires: Date().addingTimeInterval(8)) }
        let runner = EffectRunner(workspace: workspace, environment: environment, describe: { ErrorReport($0).message })
        let status = InterfaceLoop(terminal: terminal, runner: runner, state: state, environment: environment).run()
        terminal.stop()
        if status != 0 { throw ExitCode(status) }
    }

    private func printSummary() throws {
        let workspace = try global.openWorkspace()
        let engine = try workspace.location.server == nil
            ? "SQLCipher \(workspace.database.info().cipherVersion)"
            : "PostgreSQL \(PostgresServerInfo.read(from: workspace.database).serverVersion)"
        let applied = try workspace.migrator.appliedMigrations(in: workspace.database).count
        print("""
            trcaa \(TRCAAVersion.string)
            Database   \(workspace.location.databasePath)
            Key        \(workspace.keySource)
            Schema     \(applied) migrations applied, \(engine)

            The full-screen interface needs a terminal on stdin and stdout. Try:
              trcaa issue list   the issues
              trcaa db info      what the database is and how it is protected
              trcaa --help       every command
            """)
    }
}

