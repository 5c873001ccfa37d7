/// Why a desktop database cannot be imported.
public enum DesktopImportError: Error, Sendable, Equatable {
    /// No database at the path given, or in any place the desktop app uses (`searched`).
    case notFound(given: String?, searched: [String])
    /// No key tried opens it; `tried` names where each key came from, never the key.
    case noKeyOpens(path: String, tried: [String])
    /// `--source-key-env VAR` names a variable that is unset or blank.
    case keyVariableUnset(variable: String)
    /// The path is trcaa's own store, not a desktop database.
    case isOwnStore(path: String)
    /// The desktop app stopped in the middle of a write: its `-journal` must be rolled back,
    /// which only a writer may do.
    case unfinishedWrite(path: String)
    /// The file is not the desktop app's database (`reason` says why).
    case notDesktopDatabase(path: String, reason: String)
}
