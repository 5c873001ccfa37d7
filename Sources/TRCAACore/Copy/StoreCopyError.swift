/// Why a copy between stores did not start; nothing was written.
public enum StoreCopyError: Error, Sendable, Equatable {
    /// The target is the store being copied.
    case sameStore(path: String)
    /// The target names a directory, not a database file.
    case targetIsDirectory(path: String)
    /// A copy of the whole store needs a target without issues or audit entries (its chain
    /// is copied as it is).
    case targetNotEmpty(path: String, issues: Int)
    /// Chosen issues whose ids the target already holds, as `#3 “title”`.
    case alreadyThere(path: String, issues: [String])
}
