/// The `log_files` columns of a log that its text does not determine: what an upload records,
/// or what another store (the desktop app's) held, for `LogService.storeImported`.
public struct LogFileRow: Sendable, Equatable {
    public var id: String
    public var issueId: String
    public var fileName: String
    public var filePath: String
    /// Bytes of the text; replaced by the prepared text's when there is one.
    public var fileSize: Int64
    public var mimeType: String
    /// SHA-256 hex of the text; replaced by the prepared text's when there is one.
    public var contentHash: String
    public var uploadedAt: String
    public var redacted: Bool

    public init(id: String, issueId: String, fileName: String, filePath: String, fileSize: Int64, mimeType: String,
                contentHash: String, uploadedAt: String, redacted: Bool = false) {
        self.id = id
        self.issueId = issueId
        self.fileName = fileName
        self.filePath = filePath
        self.fileSize = fileSize
        self.mimeType = mimeType
        self.contentHash = contentHash
        self.uploadedAt = uploadedAt
        self.redacted = redacted
    }
}
