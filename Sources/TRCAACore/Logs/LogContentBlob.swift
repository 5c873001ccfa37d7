import TRCAAStore

/// A log's stored content (`log_files.content_compressed`), read by range, whose damage is
/// reported as the log's: a page that fails its check, or a sealed segment that does not
/// open, is `LogContentError.damaged` naming the log rather than a store error naming a row.
final class LogContentBlob: BlobReader {
    private let stored: any BlobReader
    private let logId: String

    init(of logId: String, in database: Database) throws {
        self.logId = logId
        stored = try Self.naming(logId) { try database.blobReader(.logContent(logId)) }
    }

    var count: Int { stored.count }

    func read(into buffer: UnsafeMutableRawBufferPointer, at offset: Int) throws {
        try Self.naming(logId) { try stored.read(into: buffer, at: offset) }
    }

    private static func naming<T>(_ logId: String, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch StoreError.sqlite(let failure) where failure.meansDamage {
            throw LogContentError.damaged(logId: logId, reason: failure.message)
        }
    }
}
