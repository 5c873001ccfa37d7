import Foundation
import TRCAAStore

/// Brings a TRCAA desktop database into this store: issues (in creation order, so their
/// numbers follow it), 5-Whys, timeline events, logs (through the log pipeline), images,
/// documents, settings, audit rows and the tables of desktop features this store keeps
/// (`DesktopTablePlan`), each keeping its id and times in this store's formats.
///
/// The source is read in one read transaction (one consistent snapshot; the desktop app
/// cannot write meanwhile). Its audit chain is verified with its own rule first. The logs'
/// text is read, scanned and compressed before this store's write lock is taken; then one
/// transaction writes everything and one `import_trcaa` audit entry recording the source's
/// path and SHA-256, the counts and the source chain's state, so a kill at any moment leaves
/// the store as it was or fully imported.
///
/// Rows merge by id: a row already here is left as it is (counted as already here when
/// equal, as a conflict when not), so a second import of the same database writes nothing.
/// The desktop's audit rows come over with their content and without their hashes: they
/// join this store's log as entries from before its chain (as the desktop's own rows from
/// before migration 012 are), while the `import_trcaa` entry, in the chain, records the
/// desktop chain's head hash and state.
public struct DesktopImporter {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// Imports `source`, or with `dryRun` only counts what would come over (no text is read).
    ///
    /// - parameter progress: text bytes of the logs prepared so far and in all.
    /// - throws: `StoreError` (busy, disk full: nothing is written).
    public func run(_ source: DesktopSource, dryRun: Bool = false,
                    progress: ((_ done: Int64, _ total: Int64) -> Void)? = nil) throws -> DesktopImportReport {
        var report = DesktopImportReport(source: source, dryRun: dryRun)
        if FileManager.default.fileExists(atPath: source.location.plainBackupPath) {
            report.plainBackup = source.location.plainBackupPath
        }
        let store = context.database
        try source.database.read { src in
            report.sourceSha256 = try Self.sha256(of: source.location.path)
            report.sourceMigrations = try src.schemaObjectExists("_migrations", type: .table)
                ? try src.scalar("SELECT count(*) FROM _migrations", as: Int.self) ?? 0 : 0
            report.sourceChain = try DesktopChainCheck.verify(src)
            try Self.countPIIRows(src, into: &report)
            let plan = try DesktopTablePlan(source: src, store: store)
            report.skippedTables = plan.skipped
            report.droppedColumns = plan.droppedColumns
            let sourceIssues = Set(try src.rows("SELECT id FROM issues").map { try $0.decode(at: 0, as: String.self) })
            let issueExists: (String) throws -> Bool = { id in
                try sourceIssues.contains(id)
                    || store.cachedStatement("SELECT count(*) FROM issues WHERE id = ?").firstRow([.text(id)])?.decode(at: 0) == 1
            }
            let logs = try DesktopLogImport(source: src, store: store, issueExists: issueExists)
                .prepare(writing: !dryRun, progress: progress, report: &report)
            guard !dryRun else {
                try copy(plan, from: src, writing: false, issueExists: issueExists, report: &report)
                return
            }
            try store.inTransaction(.immediate) {
                try copy(plan, from: src, writing: true, issueExists: issueExists, report: &report)
                try DesktopLogImport.store(logs, in: store)
                guard report.newRows > 0 else { return .rollback }
                report.auditEntryId = try record(report, in: store).id
                return .commit
            }
        }
        return report
    }

    private func copy(_ plan: DesktopTablePlan, from src: Database, writing: Bool, issueExists: @escaping (String) throws -> Bool,
                      report: inout DesktopImportReport) throws {
        for table in plan.tables {
            var copy = DesktopTableCopy(table: table, issueExists: issueExists)
            if table.name == "image_attachments" { copy.complete = DesktopImages.complete }
            report.add(try copy.run(from: src, into: context.database, writing: writing, warnings: &report.warnings))
        }
    }

    /// The one audit entry of the import, in this store's chain.
    private func record(_ report: DesktopImportReport, in db: Database) throws -> AuditEntry {
        let chain = report.sourceChain
        var chainDetails: [(String, JSONText)] = [
            ("state", .string(chain.state.rawValue)), ("verified_entries", .int(Int64(chain.verifiedEntries))),
            ("unhashed_entries", .int(Int64(chain.unhashedEntries))),
        ]
        if let brokenAt = chain.brokenAt { chainDetails.append(("broken_at", .int(Int64(brokenAt)))) }
        if let head = chain.headHash { chainDetails.append(("head_hash", .string(head))) }
        return try context.audit.append(
            action: "import_trcaa", entityType: "database", entityId: report.source,
            details: .object([
                ("source_path", .string(report.source)), ("source_sha256", .string(report.sourceSha256)),
                ("key_source", .string(report.keySource)),
                ("counts", .object(report.tables.map { ($0.table, .int(Int64($0.new))) })),
                ("log_bytes", .int(report.logBytes)), ("pii_spans", .int(Int64(report.piiSpans))),
                ("conflicts", .int(Int64(report.conflicts))),
                ("skipped_tables", .array(report.skippedTables.map { .string($0.name) })),
                ("source_chain", .object(chainDetails)),
            ]), in: db)
    }

    /// SHA-256 of the file as the open read transaction sees it.
    private static func sha256(of path: String) throws -> String {
        var hasher = SHA256()
        try Database.readFile(path) { hasher.update($0) }
        return hasher.finishHex()
    }

    /// The desktop's detection rows, and how many repeat another (same log, type and offsets).
    private static func countPIIRows(_ src: Database, into report: inout DesktopImportReport) throws {
        guard try src.schemaObjectExists("pii_spans", type: .table) else { return }
        report.desktopPIIRows = try src.scalar("SELECT count(*) FROM pii_spans", as: Int.self) ?? 0
        let distinct = try src.scalar("""
            SELECT count(*) FROM (SELECT DISTINCT log_file_id, pii_type, start_offset, end_offset FROM pii_spans)
            """, as: Int.self) ?? 0
        report.duplicateDesktopPIIRows = report.desktopPIIRows - distinct
    }
}
