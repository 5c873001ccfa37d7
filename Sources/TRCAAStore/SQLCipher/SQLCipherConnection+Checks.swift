extension SQLCipherConnection {
    /// SQLite's and SQLCipher's integrity checks, the foreign key check, and the processes
    /// still writing to a deleted copy of the write-ahead log (what a split WAL leaves behind).
    func integrityChecks() throws -> [StoreCheck] {
        let integrity = try problems(of: "PRAGMA integrity_check") { try $0.decode(at: 0, as: String.self) }
        let cipher = try problems(of: "PRAGMA cipher_integrity_check") { row in
            row.values.map { value -> String in
                if case .text(let text) = value { return text }
                if case .integer(let number) = value { return String(number) }
                return ""
            }.joined(separator: " ")
        }
        let foreignKeys = try problems(of: "PRAGMA foreign_key_check") { row in
            let table: String = try row.decode("table")
            let parent: String = try row.decode("parent")
            let rowText = if case .integer(let id) = row["rowid"] { "rowid \(id)" } else { "a row" }
            return "\(table) \(rowText) references a missing \(parent) row"
        }
        let cutOff = StoreHolders.of(path).filter(\.usesDeletedLog).map {
            "\($0.description) writes to a deleted copy of the write-ahead log: what it saves is lost when it exits"
        }
        return [StoreCheck(name: "integrity_check", problems: integrity == ["ok"] ? [] : integrity),
                StoreCheck(name: "cipher_integrity_check", problems: cipher),
                StoreCheck(name: "foreign_key_check", problems: foreignKeys),
                StoreCheck(name: "write_ahead_log", problems: cutOff)]
    }

    private func problems(of pragma: String, describe: (Row) throws -> String) throws -> [String] {
        do {
            return try Statement(prepare(pragma)).rows().map(describe)
        } catch StoreError.sqlite(let failure) {
            return ["\(pragma) could not run: \(failure.message)"]
        }
    }
}
