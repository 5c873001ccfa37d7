internal import CSQLCipher

/// A failed SQLite call: the extended result code, SQLite's message and the statement text.
///
/// Bound values are never part of it, and the key never reaches SQL text (it is passed to
/// `sqlite3_key_v2`), so a failure can be printed or logged safely.
public struct SQLiteFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The extended result code (`SQLITE_BUSY_SNAPSHOT`, `SQLITE_CONSTRAINT_FOREIGNKEY`...).
    public let code: Int32
    public let message: String
    /// The statement that failed, trimmed; `nil` for calls that run no SQL (open, key).
    public let sql: String?

    /// The primary result code (`SQLITE_CONSTRAINT` for `SQLITE_CONSTRAINT_FOREIGNKEY`).
    public var primaryCode: Int32 { code & 0xFF }

    /// A page failed its checks (SQLite found it malformed, or SQLCipher's HMAC did not match):
    /// the file is damaged, which `trcaa db check` details.
    public var meansDamage: Bool { primaryCode == SQLITE_CORRUPT || primaryCode == SQLITE_NOTADB }

    public init(code: Int32, message: String, sql: String?) {
        self.code = code
        self.message = message
        self.sql = sql.map { String($0.trimmingWhitespace().prefix(500)) }
    }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }
}

/// A statement a database server refused: its SQLSTATE, the server's message and the statement.
///
/// As with `SQLiteFailure`, bound values are never part of it.
public struct ServerFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The five-character SQLSTATE (`42P01` undefined table, `23505` unique violation...).
    public let sqlState: String
    public let message: String
    /// The statement that failed, trimmed; `nil` for failures outside a statement.
    public let sql: String?

    public init(sqlState: String, message: String, sql: String?) {
        self.sqlState = sqlState
        self.message = message
        self.sql = sql.map { String($0.trimmingWhitespace().prefix(500)) }
    }

    public var description: String {
        var text = "server error \(sqlState): \(message)"
        if let sql { text += " - while executing `\(sql)`" }
        return text
    }
}

/// Everything that can go wrong in the store, in terms a caller can act on.
public enum StoreError: Error, Sendable, Equatable {
    /// Any other SQLite failure.
    case sqlite(SQLiteFailure)
    /// Any other failure a database server reported.
    case server(ServerFailure)
    /// The database server at `server` (a location without its password) cannot be reached, or
    /// the connection to it broke; `reason` says how.
    case unreachable(server: String, reason: String)
    /// The server was reached but refused to let this user in.
    case loginRefused(server: String, reason: String)
    /// The database on the server cannot hold a store as it is (`reason` says why; `remedy`
    /// is what an administrator can run).
    case unsuitableDatabase(server: String, reason: String, remedy: String)
    /// The store's location cannot be used as written (a malformed URL, or one that would send
    /// the password and data over an unencrypted network connection).
    case invalidLocation(String, reason: String)
    /// The key does not decrypt the file (or the file is not a trcaa database at all).
    case wrongKey(path: String)
    /// The file cannot be a trcaa database (wrong size, not a regular file, corrupt).
    case notADatabase(path: String, reason: String)
    /// `PRAGMA cipher_version` returned no row (plain SQLite) or a version below 4.
    case cipherUnavailable(found: String?)
    /// The store's key was changed by another client since this one opened the store.
    case keyChangedElsewhere(path: String)
    /// Another connection held the lock past the busy timeout; `holders` names who held it,
    /// when the store can tell (a server store: the sessions holding its write lock).
    case busy(path: String, holders: [String] = [])
    /// The operation needs the database to itself, and these processes have it open
    /// (`StoreHolder.description`s; empty when SQLite refused but `/proc` named no one).
    case inUse(path: String, holders: [String])
    /// The database can be read but not written (`reason` says why); nothing was changed.
    case readOnly(path: String, reason: String)
    /// A directory exists where the database file should be.
    case isDirectory(path: String)
    /// A file or directory could not be created or written.
    case cannotCreate(path: String, reason: String)
    /// A file that must exist is missing or unreadable.
    case cannotRead(path: String, reason: String)
    /// A read or write failed half-way (disk full, I/O error).
    case io(path: String, reason: String)
    /// The key file is readable by other users, or owned by another user (`owner`, a uid).
    case keyFileUnprotected(path: String, mode: UInt32, owner: UInt32)
    /// The database exists but no key source is configured.
    case noKey(databasePath: String, keyFilePath: String)
    /// A store on a server needs the team's key from the environment, and none is set (a
    /// server store's key is never generated or kept in a file).
    case noServerKey(server: String)
    /// A migration failed; nothing of it was kept.
    case migrationFailed(name: String, underlying: SQLiteFailure)
    /// A row did not hold the expected type in a column (the value itself is not kept).
    case decoding(column: String, expected: String, foundType: String, sql: String?)

    /// Stored bytes that are not what trcaa wrote (`SQLITE_CORRUPT`, reported as damage).
    package static func damaged(_ message: String) -> StoreError {
        .sqlite(SQLiteFailure(code: SQLITE_CORRUPT, message: message, sql: nil))
    }
}

extension StringProtocol {
    func trimmingWhitespace() -> Substring {
        let isSpace: (Character) -> Bool = { $0.isWhitespace }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = lastIndex(where: { !isSpace($0) })!  // Safe: a non-space exists.
        return Substring(self[first...last])
    }
}
