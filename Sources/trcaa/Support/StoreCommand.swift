import ArgumentParser
import Foundation
import Glibc
import TRCAACore
import TRCAAStore

/// A command that works on the opened store: it declares `global` and implements
/// `run(in:)`; opening, notices and error reporting are done once, here.
protocol StoreCommand: ParsableCommand {
    var global: GlobalOptions { get }
    /// Whether opening applies pending migrations (default: yes).
    static var migratesOnOpen: Bool { get }
    /// Whether opening may create a new database (default: yes).
    static var createsDatabase: Bool { get }
    func run(in workspace: Workspace) throws
}

extension StoreCommand {
    static var migratesOnOpen: Bool { true }
    static var createsDatabase: Bool { true }

    mutating func run() throws {
        try withWorkspace { try run(in: $0) }
    }

    /// Opens the store, runs `body` on it and folds the write-ahead log back; errors are
    /// reported once, as every command reports them.
    func withWorkspace(_ body: (Workspace) throws -> Void) throws {
        try reportingErrors {
            let workspace = try global.openWorkspace(migrate: Self.migratesOnOpen, createIfMissing: Self.createsDatabase)
            if isatty(STDERR_FILENO) == 1 { workspace.database.announceWaits { Console.notice(workspace.waitNotice) } }
            try body(workspace)
            if let warning = workspace.database.foldWriteAheadLog() { Console.notice(warning) }
        }
    }
}

extension StoreCommand {
    /// `given` (a path or a server URL) as a store location names it — a server's URL without
    /// its password — and whether that is the store `workspace` has open (symbolic links
    /// resolved, so another spelling of the same file or database is caught too).
    func storeName(_ given: String, comparedWith workspace: Workspace) throws -> (name: String, isThisStore: Bool) {
        let name = try StoreLocation.resolve(dataDirectory: global.dataDirectory, databasePath: given,
                                             environment: ProcessInfo.processInfo.environment).databasePath
        let real = { (path: String) in URL(fileURLWithPath: path).resolvingSymlinksInPath().path }
        return (name, real(name) == real(workspace.location.databasePath))
    }
}
