/// Why a log or image was not imported. Nothing is stored when one of these is thrown.
public enum ImportError: Error, Sendable, Equatable {
    case missingFile(path: String)
    case unreadable(path: String, reason: String)
    /// A directory, FIFO, socket or device where a file was expected.
    case notAFile(path: String, kind: String)
    case tooLarge(name: String, size: Int64, limit: Int64)
    /// A NUL byte in the first 64 KiB; `--binary` imports it anyway.
    case binary(name: String, offset: Int)
    case corruptCompressed(name: String, reason: String)
    case interrupted
    case unknownImageFormat(name: String)
    case imageTooLarge(name: String, size: Int64)
}
