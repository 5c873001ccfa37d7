internal import CSQLCipher
internal import Glibc

/// How to open a database.
public struct OpenOptions: Sendable {
    public var settings: CipherSettings = .trcaa
    /// How long a statement waits for another connection's lock, in milliseconds.
    public var busyTimeoutMilliseconds: Int32 = 5000
    /// Decrypted pages kept in memory, in KiB.
    public var cacheKibibytes = 16384
    /// When false, a missing file is an error instead of a new database.
    public var createIfMissing = true
    /// Open for reading only (`StoreLocation.readOnlyReason()` says when): nothing is created,
    /// converted or migrated, and every write fails with `StoreError.readOnly`.
    public var readOnly = false
    /// Receives the text of every statement the connection runs, from the first (values and
    /// keys are never part of it).
    public var trace: (@Sendable (String) -> Void)?

    public init(settings: CipherSettings = .trcaa, busyTimeoutMilliseconds: Int32 = 5000, createIfMissing: Bool = true) {
        self.settings = settings
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        self.createIfMissing = createIfMissing
    }
}

extension Database {
    /// Opens (or creates) the encrypted database at `path`, or a throwaway one for `:memory:`.
    ///
    /// The sequence (SPEC §2): derive the key from the passphrase and the file's salt; for an
    /// existing file, check it on a read-only `immutable` connection first, so a wrong key
    /// never touches the file, its `-wal` or its `-shm`; then key the real connection, apply
    /// the cipher settings, require SQLCipher 4, switch to WAL, turn on foreign keys, set the
    /// busy timeout, `synchronous=FULL`, `temp_store=MEMORY`, `secure_delete=ON`, and run the
    /// verification query. A plain SQLite file is encrypted in place first.
    ///
    /// - throws: `StoreError.wrongKey`, `.cipherUnavailable`, `.isDirectory`, `.notADatabase`,
    ///   `.cannotCreate`, `.cannotRead`, `.busy`.
    public static func open(path: String, passphrase: Passphrase, options: OpenOptions = OpenOptions()) throws
        -> Database
    {
        if path == ":memory:" { return try openInMemory(options: options) }
        do {
            return try openFile(path, passphrase: passphrase, options: options)
        } catch is NewFileRace {
            // Another process initialised the file with its own salt first; open what it wrote.
            return try openFile(path, passphrase: passphrase, options: options)
        }
    }

    private static func openFile(_ path: String, passphrase: Passphrase, options: OpenOptions) throws -> Database {
        let file = try DatabaseFile.inspect(path, pageSize: options.settings.pageSize)
        if options.readOnly { return try openReadOnly(path, file: file, passphrase: passphrase, options: options) }
        if file == .missing {
            guard options.createIfMissing else {
                throw StoreError.cannotRead(path: path, reason: "there is no database at this path")
            }
            try DatabaseFile.createPrivate(path)
        }
        let salt: [UInt8]
        if case .encrypted(let fileSalt) = file { salt = fileSalt } else { salt = Array(random: CipherSettings.saltLength) }
        let pageKey = try KeyDerivation.pageKey(for: passphrase, salt: salt, settings: options.settings)
        let rawKey = KeyDerivation.rawKeySpec(pageKey: pageKey, salt: salt)

        let origin: Origin
        switch file {
        case .missing: origin = .created
        case .empty:
            chmod(path, 0o600)  // it is the store from now on, private like a new one
            origin = .initialisedEmptyFile
        case .plain:
            try PlainDatabaseConverter.encrypt(path, rawKey: rawKey, settings: options.settings)
            origin = .convertedFromPlain
        case .encrypted:
            try verifyKey(rawKey, of: path, settings: options.settings)
            origin = .existing
        }

        let database = try Database(
            connectingTo: path, path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX)
        database.trace(options.trace)
        database.origin = origin
        database.sqlcipher.salt = salt
        do {
            try database.withWrongKeyMapped {
                try database.configure(rawKey: rawKey, options: options)
            }
        } catch StoreError.wrongKey where origin == .created || origin == .initialisedEmptyFile {
            throw NewFileRace()
        }
        if try VFSFile.prefix(of: path, count: 16) == DatabaseFile.plainHeader {
            throw StoreError.cipherUnavailable(found: "the file was written unencrypted")
        }
        return database
    }

    private static func openReadOnly(_ path: String, file: DatabaseFile, passphrase: Passphrase, options: OpenOptions)
        throws -> Database
    {
        guard case .encrypted(let salt) = file else {
            throw StoreError.readOnly(path: path, reason: "it is not an encrypted trcaa database yet, and cannot be made one here")
        }
        let pageKey = try KeyDerivation.pageKey(for: passphrase, salt: salt, settings: options.settings)
        let rawKey = KeyDerivation.rawKeySpec(pageKey: pageKey, salt: salt)
        try verifyKey(rawKey, of: path, settings: options.settings)
        // Immutable skips locking and the -shm, which a read-only file system cannot take; a
        // -wal left there still holds committed pages, which only a normal read-only open reads.
        let immutable = FilePath.isOnReadOnlyFileSystem(path) && !FilePath.exists(path + "-wal")
        let parameters = immutable ? "immutable=1" : "mode=ro"
        let database = try Database(
            connectingTo: FilePath.uri(path, parameters: parameters), path: path,
            flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX)
        database.trace(options.trace)
        database.sqlcipher.salt = salt
        try database.withWrongKeyMapped {
            sqlite3_busy_timeout(database.sqlcipher.handle, options.busyTimeoutMilliseconds)
            try database.requireSQLCipher4()
            try database.applyKey(rawKey, settings: options.settings)
            try database.execute("PRAGMA foreign_keys = ON")
            try database.execute("PRAGMA temp_store = MEMORY")
            try database.execute("PRAGMA cache_size = -\(options.cacheKibibytes)")
            database.sqlcipher.installBusyWait(milliseconds: options.busyTimeoutMilliseconds)
            _ = try database.scalar("SELECT count(*) FROM sqlite_master", as: Int.self)
        }
        return database
    }

    private static func openInMemory(options: OpenOptions) throws -> Database {
        let database = try Database(
            connectingTo: ":memory:", path: ":memory:", flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX)
        database.origin = .inMemory
        try database.requireSQLCipher4()
        try database.execute("PRAGMA foreign_keys = ON")
        try database.execute("PRAGMA temp_store = MEMORY")
        return database
    }

    /// The keyed part of the open sequence, in SPEC §2 order.
    private func configure(rawKey: SecureBytes, options: OpenOptions) throws {
        // Installed before any statement so that even the switch to WAL waits for a lock
        // held elsewhere; `PRAGMA busy_timeout` below states it again at its place in the spec.
        sqlite3_busy_timeout(sqlcipher.handle, options.busyTimeoutMilliseconds)
        try requireSQLCipher4()
        try applyKey(rawKey, settings: options.settings)
        try execute("PRAGMA journal_mode = WAL")
        try execute("PRAGMA foreign_keys = ON")
        try execute("PRAGMA busy_timeout = \(options.busyTimeoutMilliseconds)")
        try execute("PRAGMA synchronous = FULL")
        try execute("PRAGMA temp_store = MEMORY")
        try execute("PRAGMA secure_delete = ON")
        // Every page read from disk is decrypted and its HMAC checked; keeping 16 MiB of them
        // (SQLite's default is 2 MiB) makes repeated lists and searches read from memory.
        try execute("PRAGMA cache_size = -\(options.cacheKibibytes)")
        // The same timeout, by a handler that can tell the user a wait is long.
        sqlcipher.installBusyWait(milliseconds: options.busyTimeoutMilliseconds)
        _ = try scalar("SELECT count(*) FROM sqlite_master", as: Int.self)
    }

    /// Checks the key against the file on a read-only connection that ignores the WAL: the
    /// check decrypts page 1 only and writes nothing, not even the `-shm` read marks.
    static func verifyKey(_ rawKey: SecureBytes, of path: String, settings: CipherSettings) throws {
        for attempt in 1...2 {
            let probe = try Database(
                connectingTo: FilePath.uri(path, parameters: "immutable=1"), path: path,
                flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX)
            try probe.requireSQLCipher4()
            do {
                try probe.withWrongKeyMapped {
                    try probe.applyKey(rawKey, settings: settings)
                    _ = try probe.scalar("PRAGMA user_version", as: Int.self)
                }
                return
            } catch StoreError.notADatabase {
                // Page 1 decrypted and passed its HMAC (a wrong key fails there), so the key is
                // right; it counts pages the main file lacks. That is a checkpoint cut short by a
                // crash, or one another process is running as this lock-free read looks (it may
                // have deleted the WAL by now): the real connection reads through the WAL and
                // reports real damage.
                return
            } catch StoreError.wrongKey(let path) {
                // A writer checkpointing page 1 at this instant can tear the read (and delete the
                // WAL right after); look again once.
                guard attempt == 1 else { throw StoreError.wrongKey(path: path) }
                usleep(50_000)
            }
        }
    }

    /// Runs `body`, turning SQLite's "file is not a database" into `wrongKey` and corruption
    /// into `notADatabase`.
    func withWrongKeyMapped<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch StoreError.sqlite(let failure) where failure.primaryCode == SQLITE_NOTADB {
            throw StoreError.wrongKey(path: path)
        } catch StoreError.sqlite(let failure) where failure.primaryCode == SQLITE_CORRUPT {
            throw StoreError.notADatabase(path: path, reason: "it is damaged (\(failure.message))")
        }
    }
}

/// Two processes created the same new file at once and the other one's salt won.
private struct NewFileRace: Error {}

extension [UInt8] {
    /// `count` bytes from the system CSPRNG.
    init(random count: Int) {
        self = SecureBytes.random(count: count).withUnsafeBytes { Array($0) }
    }
}
