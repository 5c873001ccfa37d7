import Foundation
import Logging
import TRCAAStore

/// Options for opening the store, mostly from the command line.
public struct WorkspaceOptions: Sendable {
    /// `--data-dir`; `nil` for the default.
    public var dataDirectory: String?
    /// `--db`; `nil` for `<data dir>/trcaa.db`, `:memory:` for a throwaway database.
    public var databasePath: String?
    /// Apply pending migrations after opening (every command but `db check`).
    public var migrate = true
    /// Create the database when there is none (`db check` refuses instead).
    public var createIfMissing = true
    public var busyTimeoutMilliseconds: Int32 = 5000
    /// The connection's page cache in KiB (`OpenOptions.cacheKibibytes`).
    public var cacheKibibytes = OpenOptions().cacheKibibytes

    public init(dataDirectory: String? = nil, databasePath: String? = nil, migrate: Bool = true,
                createIfMissing: Bool = true) {
        self.dataDirectory = dataDirectory
        self.databasePath = databasePath
        self.migrate = migrate
        self.createIfMissing = createIfMissing
    }
}

/// An open store ready for the services: location, key source, connection, migration state.
public final class Workspace {
    public let location: StoreLocation
    public let keySource: KeySource
    public let database: Database
    /// The migrations of this kind of store.
    public let migrator: Migrator
    public let migrationReport: MigrationReport
    /// What seals content before it reaches a server store; `nil` for a SQLCipher store,
    /// whose whole file is encrypted.
    public let contentEncryption: ContentEncryption?
    /// Things the user should be told once (a generated key, a deprecated variable, a file
    /// that was converted or initialised).
    public let notices: [String]

    /// What to tell a person whose write waits for another process's (see
    /// `Database.announceWaits`): the processes that have the store open.
    public var waitNotice: String {
        let holders = database.writeLockHolders()
        return "waiting for another process to finish writing" + (holders.isEmpty ? "" : " (open in \(holders.joined(separator: ", ")))") + "…"
    }

    init(location: StoreLocation, keySource: KeySource, database: Database, migrator: Migrator,
         migrationReport: MigrationReport, contentEncryption: ContentEncryption? = nil, notices: [String]) {
        self.location = location
        self.keySource = keySource
        self.database = database
        self.migrator = migrator
        self.migrationReport = migrationReport
        self.contentEncryption = contentEncryption
        self.notices = notices
    }

    /// Resolves the data directory and key, opens the encrypted database and migrates it; a
    /// server URL for the database opens the store on that server instead (`openServer`).
    ///
    /// - throws: `WorkspaceError`, which carries the `StoreError` and, once known, the key's
    ///   source (so a wrong-key message can say where the key came from).
    public static func open(_ options: WorkspaceOptions, environment: [String: String],
                            logger: Logger = Logger(label: "trcaa", factory: { _ in SwiftLogNoOpLogHandler() }))
        throws -> Workspace
    {
        PrivateTempDirectory.removeStale(environment: environment)
        let location: StoreLocation
        let key: ResolvedKey
        do {
            location = try StoreLocation.resolve(
                dataDirectory: options.dataDirectory, databasePath: options.databasePath, environment: environment)
            if let server = location.server {
                return try openServer(server, at: location, options: options, environment: environment, logger: logger)
            }
            try location.refuseDanglingLink()
            if location.databaseIsInDataDirectory, options.createIfMissing { try location.createDataDirectory() }
            if !options.createIfMissing, location.databasePath != ":memory:",
               !FileManager.default.fileExists(atPath: location.databasePath) {
                throw StoreError.cannotRead(path: location.databasePath, reason: "there is no database at this path")
            }
            key = try KeyResolver(environment: environment).resolve(for: location)
        } catch let error as StoreError {
            throw WorkspaceError(error: error, keySource: nil)
        }
        logger.debug("opening database", metadata: [
            "store.path": "\(location.databasePath)", "store.key_source": "\(key.source.kind)",
        ])
        do {
            var openOptions = OpenOptions(createIfMissing: options.createIfMissing)
            openOptions.busyTimeoutMilliseconds = options.busyTimeoutMilliseconds
            openOptions.cacheKibibytes = options.cacheKibibytes
            var notices = key.notices
            let readOnlyReason = location.readOnlyReason()
            if let readOnlyReason {
                openOptions.readOnly = true
                notices.append("opened \(location.databasePath) read-only: \(readOnlyReason)")
            }
            let database = try openDatabase(at: location, key: key, options: openOptions, notices: &notices)
            notices += location.permissionWarnings()  // after the open, which makes a file it initialises private
            if let readOnlyReason, options.migrate, case let pending = try Migrator.trcaa.pendingMigrations(in: database),
               !pending.isEmpty {
                throw StoreError.readOnly(path: location.databasePath, reason: "\(readOnlyReason), and it needs "
                    + "\(pending.count) schema migrations (\(pending.joined(separator: ", "))) before this trcaa can use it")
            }
            switch database.origin {
            case .convertedFromPlain:
                notices.append("encrypted the plain SQLite database \(location.databasePath) in place")
            case .initialisedEmptyFile:
                notices.append("\(location.databasePath) was empty; initialised a new database in it")
            case .existing, .created, .inMemory:
                break
            }
            let report = options.migrate && readOnlyReason == nil ? try Migrator.trcaa.migrate(database) : MigrationReport()
            if !report.applied.isEmpty {
                logger.info("applied migrations", metadata: ["store.migrations": "\(report.applied.joined(separator: ","))"])
            }
            return Workspace(location: location, keySource: key.source, database: database, migrator: .trcaa,
                             migrationReport: report, notices: notices)
        } catch let error as StoreError {
            throw WorkspaceError(error: error, keySource: key.source)
        }
    }

    /// Opens with the resolved key; when the key file's key is wrong because a key change was
    /// interrupted after the rekey, finishes that change with the staged key.
    private static func openDatabase(at location: StoreLocation, key: ResolvedKey, options: OpenOptions,
                                     notices: inout [String]) throws -> Database {
        do {
            let database = try Database.open(path: location.databasePath, passphrase: key.passphrase, options: options)
            if case .keyFile = key.source, !options.readOnly, location.hasStagedKeyFile {
                location.discardStagedKeyFile()
                notices.append("removed \(location.stagedKeyFilePath): a key change was interrupted before it "
                    + "changed anything, and the database still opens with \(location.keyFilePath)")
            }
            return database
        } catch StoreError.wrongKey(let path) {
            guard case .keyFile = key.source, let staged = try location.stagedKey(),
                  let database = try? Database.open(path: path, passphrase: staged, options: options)
            else { throw StoreError.wrongKey(path: path) }
            try location.commitStagedKeyFile()
            notices.append("finished an interrupted key change: \(location.keyFilePath) now holds the new key")
            return database
        }
    }

    /// What the services compute once and keep while the store is open.
    private let pseudonyms = PseudonymCache()

    /// The services, all on this store's connection.
    public var context: ServiceContext { ServiceContext(database: database, pseudonyms: pseudonyms) }
    public var issues: IssueService { IssueService(context: context) }
    public var whys: WhyService { WhyService(context: context) }
    public var timeline: TimelineService { TimelineService(context: context) }
    public var incident: IncidentService { IncidentService(context: context) }
    public var actions: ActionItemService { ActionItemService(context: context) }
    public var audit: AuditChain { AuditChain(context: context) }
    public var search: SearchService { SearchService(context: context) }
    public var documents: DocumentService { DocumentService(context: context) }
    public var logs: LogService { LogService(context: context) }
    public var images: ImageService { ImageService(context: context) }
    public var attachments: AttachmentService { AttachmentService(context: context) }

    /// Changes the database key. When the key came from the key file, the file is updated in
    /// a crash-safe way (stage, rekey, commit); returns what the user must be told. On a
    /// server store, the content key is wrapped under the new key (the content stays as it is).
    ///
    /// - throws: `StoreError.keyChangedElsewhere` when another client changed a server
    ///   store's key since this one opened it.
    public func rekey(to newKey: Passphrase) throws -> [String] {
        if let server = location.server {
            guard let contentEncryption else {
                throw StoreError.invalidLocation(server.redacted, reason: "the store has no content key yet: open it once with trcaa")
            }
            try database.write { db in
                try contentEncryption.rewrap(under: newKey, in: db, store: server.redacted)
                try audit.append(action: "rekey_database", entityType: "database", entityId: "main", details: rekeyDetails, in: db)
            }
            return ["the store's key was changed; every analyst needs the new key in TRCAA_DB_KEY from now on "
                + "(the content was not rewritten: only its key's wrapping changed)"]
        }
        switch keySource {
        case .keyFile, .generated:
            // The key is staged only once no other process can open the store: an open that
            // succeeds with the old key removes a staged key as never applied.
            try database.withSoleUse {
                try location.stageKeyFile(newKey)
                do {
                    try database.rekey(to: newKey)
                } catch {
                    location.discardStagedKeyFile()
                    throw error
                }
                try location.commitStagedKeyFile()
            }
            try recordRekey()
            return ["the database key was changed; \(location.keyFilePath) holds the new key"]
        case .environment(let variable):
            try database.rekey(to: newKey)
            try recordRekey()
            return ["the database key was changed; set \(variable) to the new key before running trcaa again"]
        case .none:
            return ["an in-memory database has no key; nothing changed"]
        }
    }
}

extension Workspace {
    fileprivate func recordRekey() throws {
        try audit.record(action: "rekey_database", entityType: "database", entityId: "main", details: rekeyDetails)
    }

    private var rekeyDetails: JSONText { .object([("key_source", .string(keySource.kind))]) }
}

/// A store error raised while opening, with the key source when it was known.
public struct WorkspaceError: Error, Sendable {
    public let error: StoreError
    public let keySource: KeySource?
}
