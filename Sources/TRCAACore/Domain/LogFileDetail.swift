/// A stored log with what its import measured (`log_stats`). Logs stored by the original app
/// have no statistics: those fields are `nil`.
public struct LogFileDetail: Sendable, Equatable, Codable {
    public var summary: LogFileSummary
    /// The absolute source path ('' for stdin).
    public var filePath: String
    public var mimeType: String
    public var lineCount: Int?
    /// Bytes of `content_compressed`.
    public var compressedSize: Int64?
    public var errorLines: Int?
    public var warningLines: Int?
    /// Whether the source was gzip (stored decompressed).
    public var sourceWasCompressed: Bool?
    /// Remaining PII spans by type, most frequent first.
    public var piiCounts: [PIICount]

    public var id: String { summary.id }
    public var spanCount: Int { piiCounts.reduce(0) { $0 + $1.count } }
}

/// How many spans of one type a log holds.
public struct PIICount: Sendable, Equatable, Codable {
    public var type: String
    public var count: Int
}

/// A PII span as stored (`pii_spans`), with the 1-based line it starts on when known.
public struct StoredSpan: Sendable, Equatable, Codable {
    public var id: String
    public var logFileId: String
    public var type: String
    public var start: Int64
    public var end: Int64
    public var value: String
    /// The token shown in its place (`[Email]`).
    public var replacement: String
    public var line: Int?
}
