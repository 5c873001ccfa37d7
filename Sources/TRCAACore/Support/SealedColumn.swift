import TRCAAStore

/// A column a store that seals content (a server store) keeps sealed: what the server must not
/// read. The services seal and open their own through these cells (`Database.sealed`,
/// `.opened`, the blob reader and writer); a copy between stores goes through `all`, opening
/// each value under the source's key and sealing it under the target's.
struct SealedColumn {
    let table: String
    let column: String
    /// The column that names the row, bound into the sealed value.
    let keyColumn: String

    /// Log text, gzip-compressed (read by range: sealed in segments).
    static let logContent = SealedColumn(table: "log_files", column: "content_compressed", keyColumn: "id")
    static let imageData = SealedColumn(table: "image_attachments", column: "image_data", keyColumn: "id")
    static let documentBody = SealedColumn(table: "documents", column: "content_md", keyColumn: "id")
    /// A reviewed PII span's value and replacement: the PII itself.
    static let reviewedValue = SealedColumn(table: "pii_spans", column: "original_value", keyColumn: "id")
    static let reviewedReplacement = SealedColumn(table: "pii_spans", column: "replacement", keyColumn: "id")
    /// A log's patterns, whose templates are log text.
    static let patternSummaries = SealedColumn(table: "log_pattern_sets", column: "patterns", keyColumn: "log_file_id")

    static let all = [logContent, imageData, documentBody, reviewedValue, reviewedReplacement, patternSummaries]

    /// The cell of this column in the row whose key is `key`.
    func cell(_ key: SQLValue) -> BlobCell { BlobCell(table: table, column: column, keyColumn: keyColumn, key: key) }

    /// Opens, in a row of `table` read from `db` (the values of `columns`), every sealed column.
    static func open(_ values: inout [SQLValue], columns: [String], table: String, in db: Database) throws {
        try each(in: &values, columns: columns, table: table) { try db.opened($0, for: $1) }
    }

    /// Seals, in a row of `table` about to be written to `db`, every sealed column.
    static func seal(_ values: inout [SQLValue], columns: [String], table: String, in db: Database) {
        each(in: &values, columns: columns, table: table) { db.sealed($0, for: $1) }
    }

    private static func each(in values: inout [SQLValue], columns: [String], table: String,
                             _ change: (SQLValue, BlobCell) throws -> SQLValue) rethrows {
        for sealed in all where sealed.table == table {
            guard let at = columns.firstIndex(of: sealed.column), let keyAt = columns.firstIndex(of: sealed.keyColumn) else { continue }
            values[at] = try change(values[at], sealed.cell(values[keyAt]))
        }
    }
}

extension BlobCell {
    /// A stored log's gzip content (`log_files.content_compressed`).
    static func logContent(_ logId: String) -> BlobCell { SealedColumn.logContent.cell(.text(logId)) }
}
