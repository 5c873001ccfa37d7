internal import CSQLCipher

extension Database {
    /// Whether `path` is a plain (unencrypted) SQLite file, by its first 16 bytes.
    ///
    /// - throws: `StoreError.cannotRead` when there is no file, `.notADatabase` when it is
    ///   empty or not a regular file, `.isDirectory`.
    public static func isPlainFile(_ path: String, pageSize: Int) throws -> Bool {
        switch try DatabaseFile.inspect(path, pageSize: pageSize) {
        case .missing: throw StoreError.cannotRead(path: path, reason: "there is no such file")
        case .empty: throw StoreError.notADatabase(path: path, reason: "it is empty")
        case .plain: return true
        case .encrypted: return false
        }
    }

    /// Opens another program's database for reading only, writing nothing to it, its journal
    /// or its directory: a plain SQLite file when `passphrase` is nil, else a SQLCipher file
    /// with `settings`. The key is checked first on an `immutable` probe, as for our own store.
    ///
    /// The connection is `mode=ro` (it takes the shared lock the other program's writers
    /// respect); on a read-only file system without a journal, `immutable=1`, which needs no lock.
    ///
    /// - throws: `StoreError.wrongKey` when the passphrase does not open the file (or a plain
    ///   file was expected and it is encrypted), `.readOnly` when a journal left by a crashed
    ///   writer would have to be rolled back, and the errors of `isPlainFile`.
    public static func openForeignReadOnly(path: String, passphrase: Passphrase?, settings: CipherSettings) throws
        -> Database
    {
        let isPlain = try isPlainFile(path, pageSize: settings.pageSize)
        var rawKey: SecureBytes?
        if !isPlain {
            guard let passphrase else { throw StoreError.wrongKey(path: path) }
            let salt = try VFSFile.prefix(of: path, count: CipherSettings.saltLength)
            let key = KeyDerivation.rawKeySpec(
                pageKey: try KeyDerivation.pageKey(for: passphrase, salt: salt, settings: settings), salt: salt)
            try verifyKey(key, of: path, settings: settings)
            rawKey = key
        }
        let immutable = FilePath.isOnReadOnlyFileSystem(path) && !FilePath.exists(path + "-journal")
        let database = try Database(
            connectingTo: FilePath.uri(path, parameters: immutable ? "immutable=1" : "mode=ro"), path: path,
            flags: SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_FULLMUTEX)
        try database.withWrongKeyMapped {
            sqlite3_busy_timeout(database.sqlcipher.handle, 5000)
            try database.requireSQLCipher4()
            if let rawKey { try database.applyKey(rawKey, settings: settings) }
            try database.execute("PRAGMA temp_store = MEMORY")
            try database.execute("PRAGMA query_only = ON")
            _ = try database.scalar("SELECT count(*) FROM sqlite_master", as: Int.self)
        }
        return database
    }
}

extension SecureBytes {
    /// The trimmed contents of a key file such as `.dbkey`, or nil when it is missing or
    /// blank; refused, as ssh refuses private keys, when others may read it.
    ///
    /// - throws: `StoreError.keyFileUnprotected`, `.cannotRead`.
    public static func readKeyFile(_ path: String) throws -> Passphrase? { try KeyFile.read(path) }
}

extension Database {
    /// Calls `body` with the bytes of the database file `path`, 1 MiB at a time, read through
    /// SQLite's file layer so that no lock a connection of this process holds on it is lost
    /// (`VFSFile`). Inside a read transaction on that file, the bytes are those of its snapshot.
    public static func readFile(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try VFSFile.stream(path, body)
    }
}
