/// How a transaction takes its locks.
public enum TransactionKind: Sendable {
    /// Takes locks as statements need them.
    case deferred
    /// Takes the write lock at BEGIN, so a busy database fails (or waits) before any work.
    case immediate
    /// Keeps other connections from reading too.
    case exclusive
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
        try connection.begin(kind)
        let completion: TransactionCompletion
        do {
            completion = try body()
        } catch {
            try? connection.rollback()
            throw error
        }
        switch completion {
        case .commit:
            do {
                try connection.commit()
            } catch {
                if isInTransaction { try? connection.rollback() }
                throw error
            }
        case .rollback:
            try connection.rollback()
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
        try connection.begin(.deferred)
        do {
            let result = try body(self)
            try connection.commit()
            return result
        } catch {
            if isInTransaction { try? connection.rollback() }
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
