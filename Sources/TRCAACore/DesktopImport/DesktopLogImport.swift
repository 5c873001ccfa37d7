import Foundation
import TRCAAStore

/// The desktop's logs, through this store's log pipeline (line index, PII detection into the
/// packed span store, gzip with flush points): each new log's text is the gzip the desktop
/// stored in `content_compressed`, or, for a row from before migration 020, the file at its
/// `file_path` when it is still there and matches `content_hash`; otherwise the row comes
/// over without content, with a warning.
struct DesktopLogImport {
    /// A new log and its prepared text (nil: no content available).
    struct Prepared {
        let row: LogFileRow
        let log: PreparedLog?
    }

    let source: Database
    let store: Database
    let issueExists: (String) throws -> Bool

    /// Classifies the desktop's logs against this store and, when `writing`, reads and
    /// prepares the new ones (nothing is written). `progress` gets text bytes done and in all.
    func prepare(writing: Bool, progress: ((Int64, Int64) -> Void)?, report: inout DesktopImportReport) throws -> [Prepared] {
        guard try source.schemaObjectExists("log_files", type: .table) else { return [] }
        let hasContentColumn = try source.columns(of: "log_files").contains("content_compressed")
        var result = DesktopTableResult(table: "log_files")
        var new: [(row: LogFileRow, hasContent: Bool)] = []
        for row in try source.rows("""
            SELECT id, issue_id, file_name, coalesce(file_path, '') AS file_path, coalesce(file_size, 0) AS file_size,
                   coalesce(mime_type, 'text/plain') AS mime_type, coalesce(content_hash, '') AS content_hash, uploaded_at,
                   coalesce(redacted, 0) AS redacted,
                   \(hasContentColumn ? "content_compressed IS NOT NULL" : "0") AS has_content
            FROM log_files ORDER BY uploaded_at, rowid
            """) {
            let log = LogFileRow(
                id: try row.decode("id"), issueId: try row.decode("issue_id"), fileName: try row.decode("file_name"),
                filePath: try row.decode("file_path"), fileSize: try row.decode("file_size"), mimeType: try row.decode("mime_type"),
                contentHash: try row.decode("content_hash"),
                uploadedAt: DesktopRowConversion.convert(row["uploaded_at"], table: "log_files", column: "uploaded_at").text ?? "",
                redacted: try row.decode("redacted", as: Int.self) != 0)
            guard try issueExists(log.issueId) else {
                result.orphans += 1
                report.warnings.append("log \(log.id) (\(log.fileName)) belongs to issue \(log.issueId), which is not in the desktop database; skipped")
                continue
            }
            if let here = try store.cachedStatement("SELECT issue_id, file_name, uploaded_at FROM log_files WHERE id = ?")
                .firstRow([.text(log.id)]) {
                if here.values == [.text(log.issueId), .text(log.fileName), .text(log.uploadedAt)] {
                    result.alreadyHere += 1
                } else {
                    result.conflicts.append(log.id)
                }
                continue
            }
            result.new += 1
            new.append((log, try row.decode("has_content", as: Int.self) != 0))
        }
        report.add(result)
        guard writing else {
            report.logBytes = new.reduce(0) { $0 + $1.row.fileSize }
            return []
        }
        let total = new.reduce(0) { $0 + $1.row.fileSize }
        var done: Int64 = 0
        return try new.map { entry in
            let log = try text(of: entry.row, stored: entry.hasContent, warnings: &report.warnings)
            report.logBytes += log?.size ?? 0
            report.piiSpans += log?.processed.spanCount ?? 0
            done += entry.row.fileSize
            progress?(done, total)
            return Prepared(row: entry.row, log: log)
        }
    }

    /// Writes the prepared logs, inside the caller's transaction.
    static func store(_ logs: [Prepared], in db: Database) throws {
        for log in logs { try LogService.storeImported(log.log, as: log.row, in: db) }
    }

    private func text(of row: LogFileRow, stored: Bool, warnings: inout [String]) throws -> PreparedLog? {
        let name = "log \(row.id) (\(row.fileName))"
        let options = LogImportOptions(maximumSize: .max, allowBinary: true)
        if stored {
            let compressed: [UInt8] = try source.scalar(
                "SELECT content_compressed FROM log_files WHERE id = ?", [.text(row.id)]) ?? []
            do {
                let prepared = try LogService.prepareImport(bytes: compressed, name: row.fileName, path: row.filePath, options: options)
                if !row.contentHash.isEmpty, prepared.processed.hash != row.contentHash {
                    warnings.append("\(name): its stored text does not match the hash the desktop recorded; imported as stored")
                }
                return prepared
            } catch let error as ImportError {
                warnings.append("\(name): its stored text cannot be read (\(error)); content not available")
                return nil
            }
        }
        guard !row.filePath.isEmpty, FileManager.default.fileExists(atPath: row.filePath) else {
            warnings.append("\(name): content not available (stored before the desktop kept log text, and "
                + "\(row.filePath.isEmpty ? "no file path was recorded" : "\(row.filePath) is gone"))")
            return nil
        }
        var fileOptions = options
        fileOptions.name = row.fileName
        guard let prepared = try? LogService.prepareImport(path: row.filePath, options: fileOptions) else {
            warnings.append("\(name): content not available (\(row.filePath) cannot be read)")
            return nil
        }
        guard prepared.processed.hash == row.contentHash else {
            warnings.append("\(name): content not available (\(row.filePath) changed since it was uploaded: its hash differs)")
            return nil
        }
        return prepared
    }
}

extension SQLValue {
    /// The text of a TEXT value.
    fileprivate var text: String? {
        if case .text(let text) = self { return text }
        return nil
    }
}
