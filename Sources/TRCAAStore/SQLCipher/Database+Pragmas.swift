extension Database {
    /// Runs `body` with the page cache limited to `kibibytes` (then restored): for bulk writes
    /// that touch each page once, where a large cache only holds memory. Other stores just run it.
    public func withCacheSize<T>(kibibytes: Int, _ body: () throws -> T) throws -> T {
        guard isSQLCipher else { return try body() }
        let previous = try scalar("PRAGMA cache_size", as: Int.self) ?? -16384
        try execute("PRAGMA cache_size = \(-kibibytes)")
        defer { try? execute("PRAGMA cache_size = \(previous)") }
        return try body()
    }
}

extension Database {
    /// Copies what the write-ahead log holds into the database file where no reader still
    /// needs it (a passive checkpoint, which never waits). Returns a warning when the disk is
    /// too full for it: the committed changes are safe in the `-wal`, but it cannot shrink
    /// until there is room, and a full disk makes every later write fail. Nothing on other stores.
    public func foldWriteAheadLog() -> String? {
        guard isSQLCipher, origin != .inMemory, isWritable else { return nil }
        do {
            _ = try row("PRAGMA wal_checkpoint(PASSIVE)")
            return nil
        } catch StoreError.io(_, let reason) {
            let walSize = Self.size(of: path + "-wal")
            let directory = FilePath.directory(of: path)
            return "what was saved is safe in \(path)-wal, but it cannot be folded into the database: \(reason). "
                + "Free at least \(walSize / 1_048_576 + 1) MiB on the disk holding \(directory) (df -h \(directory)); "
                + "until then, changes may fail"
        } catch {
            return nil
        }
    }
}
