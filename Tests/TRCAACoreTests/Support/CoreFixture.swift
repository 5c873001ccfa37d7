import Foundation
import Testing
import TRCAACore
import TRCAAPostgres
import TRCAAStore
import TestSupport

/// A real encrypted store in a temp directory, migrated, with a clock the test moves; the
/// store is `TestStore.current` unless the test names one: a file, or a database of its own
/// on the test cluster.
final class CoreFixture {
    let directory: String
    let key = "core-test-key"
    let clock = TestClock()
    let workspace: Workspace
    /// The test's database when the store is on the server.
    let serverDatabase: ServerTestDatabase?
    var context: ServiceContext { ServiceContext(database: workspace.database, clock: clock.clock, user: "tester") }
    var issues: IssueService { IssueService(context: context) }
    var whys: WhyService { WhyService(context: context) }
    var timeline: TimelineService { TimelineService(context: context) }
    var incident: IncidentService { IncidentService(context: context) }
    var actions: ActionItemService { ActionItemService(context: context) }
    var audit: AuditChain { AuditChain(context: context) }
    var search: SearchService { SearchService(context: context) }
    var documents: DocumentService { DocumentService(context: context) }
    var logs: LogService { LogService(context: context) }
    var images: ImageService { ImageService(context: context) }
    var attachments: AttachmentService { AttachmentService(context: context) }
    var databasePath: String { directory + "/trcaa.db" }

    init(store: TestStore = .current) throws {
        directory = NSTemporaryDirectory() + "trcaa-core-\(UUID().uuidString)"
        var options = WorkspaceOptions(dataDirectory: directory)
        switch store {
        case .sqlcipher:
            serverDatabase = nil
        case .postgres:
            ServerBackends.register(PostgresBackend())
            serverDatabase = try ServerTestDatabase()
            options.databasePath = serverDatabase?.url
            // A server store makes no data directory; the tests keep their files there.
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        workspace = try Workspace.open(options, environment: ["TRCAA_DB_KEY": key])
    }

    deinit { try? FileManager.default.removeItem(atPath: directory) }

    /// Runs SQL in the store's own shell, as someone holding the key would: `sqlcipher` on the
    /// file, `psql` on the server's database.
    @discardableResult
    func shellSQL(_ sql: String) throws -> String {
        try Shell.storeSQL(sql, server: serverDatabase, path: databasePath) { key }
    }
}

extension CoreFixture {
    /// Writes `bytes` to a new file in the fixture's directory; returns its path.
    func file(_ name: String, _ bytes: [UInt8]) throws -> String {
        let path = directory + "/" + name
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// `content_compressed` of a log: the gzip stored (opened, on a store that seals content).
    func storedGzip(_ logId: String) throws -> [UInt8] {
        let db = workspace.database
        return try db.decodeSealed("content_compressed", of: try #require(try db.row(
            "SELECT content_compressed FROM log_files WHERE id = ?", [.text(logId)])),
            cell: BlobCell(table: "log_files", column: "content_compressed", key: .text(logId)))
    }

    /// Counts rows of `table`.
    func count(_ table: String) throws -> Int {
        try workspace.database.row("SELECT count(*) FROM \(table)")!.decode(at: 0)
    }
}

/// Runs a program with `input` on stdin; returns its status and stdout.
func run(_ arguments: [String], input: [UInt8] = []) throws -> (status: Int32, output: [UInt8]) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    let stdin = Pipe(), stdout = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Feed stdin on another thread so a large input cannot deadlock against a full stdout pipe.
    let writer = Thread {
        stdin.fileHandleForWriting.write(Data(input))
        try? stdin.fileHandleForWriting.close()
    }
    writer.start()
    let output = stdout.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, [UInt8](output))
}

/// A clock that only moves when told.
final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var current = Date(timeIntervalSince1970: 1_736_935_200)  // 2025-01-15 10:00:00 UTC

    var clock: Clock { Clock { [self] in lock.withLock { current } } }

    func advance(_ seconds: TimeInterval) { lock.withLock { current += seconds } }
}
