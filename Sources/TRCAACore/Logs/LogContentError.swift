/// A stored log whose text cannot be read; the rest of the store is unaffected.
public enum LogContentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The row holds no text (the original app could keep only the source file's path).
    case missing(logId: String)
    /// The stored bytes are not the gzip stream trcaa wrote; `reason` says where it broke.
    case damaged(logId: String, reason: String)

    public var description: String {
        switch self {
        case .missing(let logId): "log \(logId): this log's content was never stored in the database"
        case .damaged(let logId, let reason): "log \(logId): the stored text is damaged (\(reason))"
        }
    }
}
