/// How a transaction takes its locks.
public enum TransactionKind: String, Sendable {
    case deferred = "DEFERRED"
    /// Takes the write lock at BEGIN, so a busy database fails (or waits) before any work.
    case immediate = "IMMEDIATE"
    case exclusive = "EXCLUSIVE"
}

/// What a transaction closure asks for when it returns normally.
public enum TransactionCompletion: Sendable {
    case commit
    case rollback
}

extension Database {
    /// Runs `body` in a transaction: commits when it returns `.commit`, rolls back when it
    /// returns `.rollback` or throws. The first error wins: a failed rollback never hides the
    /// error that caused it. Not reentrant; nest with `inSavepoint`.
    public func inTransaction(_ kind: TransactionKind = .immediate, _ body: () throws -> TransactionCompletion)
        throws
    {
        precondition(!isInTransaction, "transactions do not nest; use inSavepoint")
        try execute("BEGIN \(kind.rawValue) TRANSACTION")
        let completion: TransactionCompletion
        do {
            completion = try body()
        } catch {
            try? execute("ROLLBACK TRANSACTION")
            throw error
        }
        switch completion {
        case .commit:
            do {
                try execute("COMMIT TRANSACTION")
            } catch {
                if isInTransaction { try? execute("ROLLBACK TRANSACTION") }
                throw error
            }
        case .rollback:
            try execute("ROLLBACK TRANSACTION")
        }
    }

    /// Runs `body` in an IMMEDIATE transaction and returns its result: one user action, all
    /// or nothing.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        var result: T?
        try inTransaction(.immediate) {
            result = try body(self)
            return .commit
        }
        return result!  // Safe: set whenever inTransaction returns without throwing.
    }

    /// Runs several reads on one snapshot (one lock and one look at the WAL instead of one per
    /// statement); inside a transaction already, just runs `body`.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        if isInTransaction { return try body(self) }
        try execute("BEGIN DEFERRED TRANSACTION")
        do {
            let result = try body(self)
            try execute("COMMIT TRANSACTION")
            return result
        } catch {
            if isInTransaction { try? execute("ROLLBACK TRANSACTION") }
            throw error
        }
    }

    /// Runs `body` inside a savepoint, which may be nested in a transaction or another
    /// savepoint; rolled back to its start when `body` throws or returns `.rollback`.
    public func inSavepoint(_ body: () throws -> TransactionCompletion) throws {
        let name = "trcaa_savepoint"
        try execute("SAVEPOINT \(name)")
        let completion: TransactionCompletion
        do {
            completion = try body()
        } catch {
            try? execute("ROLLBACK TO SAVEPOINT \(name)")
            try? execute("RELEASE SAVEPOINT \(name)")
            throw error
        }
        if completion == .rollback { try execute("ROLLBACK TO SAVEPOINT \(name)") }
        try execute("RELEASE SAVEPOINT \(name)")
    }
}

extension Database {
    /// Runs `body` with the page cache limited to `kibibytes` (then restored): for bulk writes
    /// that touch each page once, where a large cache only holds memory.
    public func withCacheSize<T>(kibibytes: Int, _ body: () throws -> T) throws -> T {
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
    /// until there is room, and a full disk makes every later write fail.
    public func foldWriteAheadLog() -> String? {
        guard origin != .inMemory, isWritable else { return nil }
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
