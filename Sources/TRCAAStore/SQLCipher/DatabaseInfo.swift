internal import Glibc

/// What `trcaa db info` reports about an open database. Never the key.
public struct DatabaseInfo: Sendable, Codable, Equatable {
    public var path: String
    public var cipherVersion: String
    public var sqliteVersion: String
    public var cipherProvider: String
    public var pageSize: Int
    public var kdfIterations: Int
    public var hmacAlgorithm: String
    public var kdfAlgorithm: String
    public var journalMode: String
    public var foreignKeys: Bool
    /// Bytes of the database file, and of its `-wal` (0 when there is none).
    public var fileSize: Int64
    public var walSize: Int64
    public var appliedMigrations: [AppliedMigration]
    public var pendingMigrations: [String]
    /// Applied migrations this build does not know (from a newer original app).
    public var unknownMigrations: [String]
}

extension Database {
    /// Reads the cipher settings, versions, pragmas, sizes and migration state.
    public func info(migrator: Migrator = .trcaa) throws -> DatabaseInfo {
        func pragma(_ name: String) throws -> String {
            guard let row = try row("PRAGMA \(name)") else { return "" }
            switch row[0] {
            case .text(let text): return text
            case .integer(let number): return String(number)
            default: return ""
            }
        }
        let applied = try migrator.appliedMigrations(in: self)
        let known = Set(migrator.migrations.map(\.name))
        return DatabaseInfo(
            path: path,
            cipherVersion: try pragma("cipher_version"),
            sqliteVersion: try scalar("SELECT sqlite_version()", as: String.self) ?? "",
            cipherProvider: "\(try pragma("cipher_provider")) \(try pragma("cipher_provider_version"))"
                .trimmingWhitespace().description,
            pageSize: Int(try pragma("cipher_page_size")) ?? 0,
            kdfIterations: Int(try pragma("kdf_iter")) ?? 0,
            hmacAlgorithm: try pragma("cipher_hmac_algorithm"),
            kdfAlgorithm: try pragma("cipher_kdf_algorithm"),
            journalMode: try pragma("journal_mode"),
            foreignKeys: try pragma("foreign_keys") == "1",
            fileSize: Self.size(of: path),
            walSize: Self.size(of: path + "-wal"),
            appliedMigrations: applied,
            pendingMigrations: try migrator.pendingMigrations(in: self),
            unknownMigrations: applied.map(\.name).filter { !known.contains($0) })
    }

    /// Bytes of the file at `path`; 0 when there is none.
    static func size(of path: String) -> Int64 {
        var info = stat()
        return stat(path, &info) == 0 ? Int64(info.st_size) : 0
    }
}
