import TRCAAStore

extension BlobCell {
    /// A stored log's gzip content (`log_files.content_compressed`).
    static func logContent(_ logId: String) -> BlobCell {
        BlobCell(table: "log_files", column: "content_compressed", key: .text(logId))
    }
}
