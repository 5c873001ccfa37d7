import Foundation

/// How to import a log.
public struct LogImportOptions: Sendable {
    /// Largest text accepted (after gunzip), 1 GiB by default.
    public var maximumSize: Int64 = 1 << 30
    /// Import content with NUL bytes in its first 64 KiB.
    public var allowBinary = false
    /// Name to store (default: the file's name, or `stdin`).
    public var name: String?
    /// Threads that deflate and scan blocks (default: one per core).
    public var compressionThreads = ProcessInfo.processInfo.activeProcessorCount
    /// Uncompressed bytes between flush points.
    public var blockSize = 1 << 20
    /// How the text is deflated.
    public var compression = LogCompression.fast
    /// Whether message patterns are mined in the same pass (off only to measure what they cost).
    public var minesPatterns = true

    public init(maximumSize: Int64 = 1 << 30, allowBinary: Bool = false, name: String? = nil) {
        self.maximumSize = maximumSize
        self.allowBinary = allowBinary
        self.name = name
    }
}

/// How a stored log's text is deflated; either way it is one gzip member any reader decodes.
public enum LogCompression: String, CaseIterable, Sendable {
    /// ISA-L's igzip at level 3: about 5x faster than zlib at level 6, ~15% larger.
    case fast
    /// zlib at level 6, as `gzip -6`.
    case small
}
