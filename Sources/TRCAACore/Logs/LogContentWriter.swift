import TRCAAStore

/// Writes a processed log into its `log_files` row: the compressed BLOB (in pieces, never
/// joined in memory), the block index, the packed PII spans, the patterns and the totals,
/// replacing what was there (reviewed spans in `pii_spans` are the caller's). Runs inside
/// the caller's transaction.
enum LogContentWriter {
    static func write(_ processed: ProcessedLog, logId: String, wasCompressed: Bool, in db: Database) throws {
        let layout = processed.gzipLayout()
        try db.writeBlob(.logContent(logId), pieces: layout.pieces)
        try db.execute("DELETE FROM log_blocks WHERE log_file_id = ?", [.text(logId)])
        try db.execute("DELETE FROM log_stats WHERE log_file_id = ?", [.text(logId)])
        try PackedSpans.replaceRuns(ofLog: logId, with: processed.spanRuns, in: db)
        let insert = try db.cachedStatement("""
            INSERT INTO log_blocks (log_file_id, block, uncompressed_offset, compressed_offset, first_line, continues_line,
                                    error_count, warning_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        let indexer = processed.indexer
        for (index, block) in indexer.blocks.enumerated() {
            try insert.run([.text(logId), .integer(Int64(index)), .integer(Int64(block.uncompressedOffset)),
                            .integer(Int64(layout.blockOffsets[index])), .integer(Int64(block.firstLine)),
                            .integer(block.continuesLine ? 1 : 0), .integer(Int64(block.errorCount)),
                            .integer(Int64(block.warningCount))])
        }
        try LogPatternStore.replace(processed.patterns, ofLog: logId, in: db)
        let countsJSON = PackedSpans.countsJSON(Dictionary(uniqueKeysWithValues: processed.spanCounts.map { ($0.rawValue, Int64($1)) }))
        try db.execute("""
            INSERT INTO log_stats (log_file_id, line_count, compressed_size, block_count, error_count, warning_count,
                                   source_compressed, pii_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """, [.text(logId), .integer(Int64(indexer.lineCount)), .integer(Int64(layout.size)),
                  .integer(Int64(indexer.blocks.count)), .integer(Int64(indexer.errorCount)),
                  .integer(Int64(indexer.warningCount)), .integer(wasCompressed ? 1 : 0), .text(countsJSON)])
    }
}
