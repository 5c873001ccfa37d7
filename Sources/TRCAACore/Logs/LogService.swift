import Foundation
import TRCAAStore

/// A log read, hashed, scanned and compressed by `LogService.prepareImport`, ready to be
/// stored; it holds no lock and no database connection.
public struct PreparedLog: Sendable, Equatable {
    /// The name to store and the absolute source path ("" for stdin).
    public let name: String
    public let path: String
    let wasCompressed: Bool
    let processed: ProcessedLog

    public var size: Int64 { processed.size }

    public static func == (a: PreparedLog, b: PreparedLog) -> Bool {
        (a.name, a.path, a.processed.hash, a.processed.size) == (b.name, b.path, b.processed.hash, b.processed.size)
    }
}

/// Stored logs (`log_files`, SPEC §6): import, listing and reading.
///
/// An import is two steps: `prepareImport` reads, hashes, scans and compresses the text with no
/// database and no lock (on any thread, even before the store is open), then `store` writes the
/// row, the compressed text and its index, the packed PII spans, the audit row and the
/// `log_uploaded` event in one short transaction. `importLog` runs both; an import stopped at
/// any point leaves nothing behind.
public struct LogService {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// The page cache while `processed` is written: room for all of it when that fits in
    /// 24 MiB, else 8 MiB. A cache that spills writes pages to the `-wal` before the commit
    /// (the text's `zeroblob` pages among them), and the commit writes them again and then
    /// rereads every frame after the first rewritten one to fix the checksums: on the 100 MB
    /// loghub mix, 12.6k writes and 6.3k reads against 6.2k and 3.1k with room for all, 20 ms
    /// of the import's wall time. The import already holds the compressed text in memory, and
    /// 8 MiB keeps a 500 MB import within its compressed size + 64 MiB.
    static func bulkCacheKiB(for processed: ProcessedLog?) -> Int {
        let spilling = 8192
        guard let processed else { return spilling }
        let stored = processed.blocks.reduce(0) { $0 + $1.bytes.count }
            + processed.spanRuns.reduce(0) { $0 + $1.stored.count }
            + processed.patterns.blocks.reduce(0) { $0 + $1.packed.count }
        // A page carries 4016 bytes (80 go to the cipher's IV and HMAC) and takes ~4.5 KiB of
        // cache with SQLite's header; the tables' B-tree pages come on top.
        let whole = (stored / 4016 + 256) * 9 / 2
        return whole <= 24576 ? max(whole, spilling) : spilling
    }

    /// Imports `path` (or stdin for `-`) into an issue: `prepareImport`, then `store`.
    ///
    /// - throws: `ImportError`, `TriageError.unknownID`, `StoreError` (disk full).
    public func importLog(issueId: String, path: String, options: LogImportOptions = LogImportOptions(),
                          progress: ((_ read: Int64, _ total: Int64?) -> Void)? = nil,
                          shouldStop: @escaping () -> Bool = { false }) throws -> LogFileDetail {
        try IDResolver.requireExists(issueId, table: "issues", kind: "issue", in: context.database)
        return try store(try Self.prepareImport(path: path, options: options, progress: progress, shouldStop: shouldStop),
                         issueId: issueId)
    }

    /// Reads, hashes, scans and compresses `path` (or stdin for `-`) without touching the
    /// database, so a long import never holds up another writer; any thread may run it, even
    /// before the store is open (`trcaa log import` reads while the key is derived).
    ///
    /// - parameters:
    ///   - progress: called after each block with the source bytes read and the total when known.
    ///   - shouldStop: polled between blocks; true stops with `ImportError.interrupted`.
    /// - throws: `ImportError`.
    public static func prepareImport(path: String, options: LogImportOptions = LogImportOptions(),
                              progress: ((_ read: Int64, _ total: Int64?) -> Void)? = nil,
                              shouldStop: @escaping () -> Bool = { false }) throws -> PreparedLog {
        try prepare(try LogInput(path: path, name: options.name, shouldStop: shouldStop), options: options,
                    progress: progress, shouldStop: shouldStop)
    }

    /// Reads, hashes, scans and compresses text held in memory (gzip or not) as
    /// `prepareImport(path:)` does a file: a log another program stored.
    ///
    /// - throws: `ImportError`.
    public static func prepareImport(bytes: [UInt8], name: String, path: String,
                                     options: LogImportOptions = LogImportOptions()) throws -> PreparedLog {
        try prepare(try LogInput(bytes: bytes, name: name, path: path), options: options, progress: nil,
                    shouldStop: { false })
    }

    private static func prepare(_ input: LogInput, options: LogImportOptions, progress: ((Int64, Int64?) -> Void)?,
                                shouldStop: @escaping () -> Bool) throws -> PreparedLog {
        var pipeline = LogPipeline(options: options)
        pipeline.progress = progress
        pipeline.shouldStop = shouldStop
        return PreparedLog(name: input.name, path: input.path, wasCompressed: input.isCompressed,
                           processed: try pipeline.process(input))
    }

    /// Stores a prepared log in one transaction: the `log_files` row, the compressed text,
    /// index and spans, the audit row and the timeline event.
    ///
    /// - throws: `TriageError.unknownID` for an issue that is gone, `StoreError`.
    public func store(_ prepared: PreparedLog, issueId: String) throws -> LogFileDetail {
        let processed = prepared.processed
        return try context.database.withCacheSize(kibibytes: Self.bulkCacheKiB(for: processed)) { try context.database.write { db in
            try IDResolver.requireExists(issueId, table: "issues", kind: "issue", in: db)
            let now = context.clock.now()
            let id = UUIDv7.next(at: now)
            try Self.insertRow(LogFileRow(id: id, issueId: issueId, fileName: prepared.name, filePath: prepared.path,
                                              fileSize: processed.size, mimeType: MimeType.forLog(named: prepared.name),
                                              contentHash: processed.hash, uploadedAt: Timestamp.format(now)), in: db)
            try LogContentWriter.write(processed, logId: id, wasCompressed: prepared.wasCompressed, in: db)
            try context.audit.append(
                action: "upload_log_file", entityType: "log_file", entityId: id,
                details: .object([("issue_id", .string(issueId)), ("file_name", .string(prepared.name)),
                                  ("file_size", .int(processed.size)), ("content_hash", .string(processed.hash)),
                                  ("pii_spans", .int(Int64(processed.spanCount)))]), in: db)
            try context.timeline.record(
                .logUploaded, issueId: issueId, description: "Log uploaded: \(prepared.name)",
                metadata: .object([("file_name", .string(prepared.name)), ("file_size", .int(processed.size))]), in: db)
            return try detail(id, in: db)
        } }
    }

    /// Writes a log brought over from another store (the desktop app) inside the caller's
    /// transaction, keeping its id, issue, name, path, MIME type, time and redaction flag.
    /// With `prepared`, size and hash are those of the prepared text, which is stored with its
    /// index and spans; without, the row is kept with no content. No audit row or timeline
    /// event of its own: the import records one audit entry for everything it brings.
    public static func storeImported(_ prepared: PreparedLog?, as row: LogFileRow, in db: Database) throws {
        var row = row
        if let processed = prepared?.processed {
            row.fileSize = processed.size
            row.contentHash = processed.hash
        }
        try db.withCacheSize(kibibytes: bulkCacheKiB(for: prepared?.processed)) {
            try insertRow(row, in: db)
            if let prepared {
                try LogContentWriter.write(prepared.processed, logId: row.id, wasCompressed: prepared.wasCompressed, in: db)
            }
        }
    }

    private static func insertRow(_ row: LogFileRow, in db: Database) throws {
        try db.cachedStatement("""
            INSERT INTO log_files (id, issue_id, file_name, file_path, file_size, mime_type, content_hash, uploaded_at, redacted)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).run([.text(row.id), .text(row.issueId), .text(row.fileName), .text(row.filePath), .integer(row.fileSize),
                      .text(row.mimeType), .text(row.contentHash), .text(row.uploadedAt), .integer(row.redacted ? 1 : 0)])
    }

    /// `#42/L1`: its place in its issue (`IssuePart`), for lists.
    public func shortId(_ id: String) throws -> String {
        try IssuePart.log.reference(of: id, in: context.database)
    }

    /// The full id for what a person typed: `42/L1` (`IssuePart`) or a unique id prefix.
    public func resolve(_ idOrPrefix: String) throws -> String {
        try IssuePart.log.resolveAny(idOrPrefix, in: context.database)
    }

    /// Logs of one issue (oldest first), or of every issue.
    public func list(issueId: String? = nil) throws -> [LogFileDetail] {
        let ids = try context.database.rows(
            "SELECT id FROM log_files WHERE CAST(?1 AS TEXT) IS NULL OR issue_id = ?1 ORDER BY issue_id, uploaded_at, id",
            [issueId.map { .text($0) } ?? .null]).map { try $0.decode(at: 0, as: String.self) }
        return try context.database.read { db in try ids.map { try detail($0, in: db) } }
    }

    /// One log with its statistics and PII counts.
    public func detail(_ id: String) throws -> LogFileDetail { try detail(id, in: context.database) }

    /// Random access to a log's lines.
    public func reader(_ id: String) throws -> LogReader { try LogReader(database: context.database, logId: id) }

    func detail(_ id: String, in db: Database) throws -> LogFileDetail {
        guard let row = try db.cachedStatement("""
            SELECT f.id, f.issue_id, f.file_name, f.file_path, f.file_size, f.mime_type, f.content_hash, f.uploaded_at,
                   f.redacted, s.line_count, s.compressed_size, s.error_count, s.warning_count, s.source_compressed,
                   s.pii_counts
            FROM log_files f LEFT JOIN log_stats s ON s.log_file_id = f.id WHERE f.id = ?
            """).firstRow([.text(id)]) else { throw TriageError.unknownID(kind: "log", prefix: id) }
        // Counted at import and kept in step; logs of the original app are counted here.
        let hasStats = try row.decode("line_count", as: Int?.self) != nil
        let counts = try (hasStats ? PIICounts.detected(try row.decode("pii_counts")) : countPackedSpans(id, in: db))
            .sorted { ($0.count, $1.type) > ($1.count, $0.type) }
        return LogFileDetail(
            summary: try LogFileSummary(row: row),
            filePath: try row.decode("file_path"), mimeType: try row.decode("mime_type"),
            lineCount: try row.decode("line_count"), compressedSize: try row.decode("compressed_size"),
            errorLines: try row.decode("error_count"), warningLines: try row.decode("warning_count"),
            sourceWasCompressed: try row.decode("source_compressed"), piiCounts: counts)
    }
}
