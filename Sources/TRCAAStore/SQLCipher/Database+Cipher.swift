internal import CSQLCipher

extension Database {
    /// The SQLCipher version, or an error when the library is plain SQLite or older than 4.
    ///
    /// Checked on every connection before keying: `sqlite3_key_v2` on a connection made by a
    /// plain libsqlite3 that shadows SQLCipher would be undefined behaviour, and such a binary
    /// would silently write plaintext.
    @discardableResult
    func requireSQLCipher4() throws -> String {
        guard let version = try row("PRAGMA cipher_version").flatMap({ try $0.decode(at: 0, as: String?.self) }) else {
            throw StoreError.cipherUnavailable(found: nil)
        }
        guard let major = Int(version.prefix(while: \.isNumber)), major >= 4 else {
            throw StoreError.cipherUnavailable(found: version)
        }
        return version
    }

    /// Keys the connection with a raw key spec and silences SQLCipher's stderr logging.
    ///
    /// `cipher_log_level` is set after the key because keying resets it, and a wrong key
    /// would otherwise print `ERROR CORE ...` lines over the TUI and the one-line error.
    func applyKey(_ rawKey: SecureBytes, settings: CipherSettings) throws {
        let rc = rawKey.withUnsafeBytes { bytes in
            sqlite3_key_v2(sqlcipher.handle, "main", bytes.baseAddress, Int32(bytes.count))
        }
        guard rc == SQLITE_OK else { throw sqlcipher.error(rc, sql: nil) }
        try execute("PRAGMA cipher_log_level = NONE")
        for pragma in settings.pragmas() { try execute(pragma) }
    }

    /// Runs `body` with the database to itself: no other process has it open (else
    /// `StoreError.inUse` names them and nothing runs), and none can open it until `body`
    /// returns. The connection leaves WAL mode and holds the exclusive lock meanwhile.
    public func withSoleUse<T>(_ body: () throws -> T) throws -> T {
        try requireSoleUse()
        try execute("PRAGMA locking_mode = EXCLUSIVE")
        defer {
            // NORMAL takes effect at the next access, which releases the lock; WAL comes back
            // last (entered in exclusive mode, it would keep the lock for good).
            _ = try? execute("PRAGMA locking_mode = NORMAL")
            _ = try? scalar("SELECT count(*) FROM sqlite_master", as: Int.self)
            _ = try? execute("PRAGMA journal_mode = WAL")
        }
        do {
            guard try scalar("PRAGMA journal_mode = DELETE", as: String.self) == "delete" else { throw StoreError.busy(path: path) }
            try connection.begin(.exclusive)
            try connection.commit()
        } catch StoreError.busy {
            throw StoreError.inUse(path: path, holders: StoreHolders.of(path).map(\.description))
        }
        return try body()
    }

    /// Throws `StoreError.inUse` naming the processes that have this database open.
    public func requireSoleUse() throws {
        let holders = StoreHolders.of(path)
        guard holders.isEmpty else { throw StoreError.inUse(path: path, holders: holders.map(\.description)) }
    }

    /// Changes the key; the file keeps its salt, so the new passphrase opens it as usual.
    ///
    /// A rekey rewrites every page, so it runs in `withSoleUse` (callers that must do more
    /// under the same lock, like staging the new key file, call it inside their own). Every
    /// re-encrypted page goes to the main file, whose first page is what an open checks the
    /// key against.
    ///
    /// - throws: `StoreError.inUse` when another process has the database open;
    ///   any other `StoreError` when SQLCipher refuses (the database keeps its old key).
    public func rekey(to passphrase: Passphrase, settings: CipherSettings = .trcaa) throws {
        guard origin != .inMemory else { return }
        if try scalar("PRAGMA locking_mode", as: String.self) != "exclusive" {
            return try withSoleUse { try rekey(to: passphrase, settings: settings) }
        }
        let pageKey = try KeyDerivation.pageKey(for: passphrase, salt: sqlcipher.salt, settings: settings)
        let rawKey = KeyDerivation.rawKeySpec(pageKey: pageKey, salt: sqlcipher.salt)
        let rc = rawKey.withUnsafeBytes { bytes in
            sqlite3_rekey_v2(sqlcipher.handle, "main", bytes.baseAddress, Int32(bytes.count))
        }
        guard rc == SQLITE_OK else { throw sqlcipher.error(rc, sql: nil) }
        try execute("PRAGMA cipher_log_level = NONE")
    }
}

extension SQLCipherStatement {
    /// Binds secret bytes as a BLOB without copying them into a Swift array.
    func bindSecret(_ secret: SecureBytes, at index: Int32) throws {
        let rc = secret.withUnsafeBytes { bytes in
            sqlite3_bind_blob(handle, index, bytes.baseAddress, Int32(bytes.count), csqlcipher_transient())
        }
        guard rc == SQLITE_OK else { throw StoreError(rc, connection: connection, path: path, sql: sql) }
    }
}
