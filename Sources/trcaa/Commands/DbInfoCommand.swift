import ArgumentParser
import TRCAACore
import TRCAAStore

extension DbCommand {
    struct Info: StoreCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the database file, cipher settings, key source and migrations (never the key).")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let info = try workspace.database.info()
            if json { return try Console.printJSON(InfoJSON(info: info, keySource: workspace.keySource)) }
            print(render(info, keySource: workspace.keySource))
        }

        private func render(_ info: DatabaseInfo, keySource: KeySource) -> String {
            let original = info.appliedMigrations.filter { MigrationNames.original.contains($0.name) }.count
            var rows: [(String, String)] = [
                ("Database", info.path),
                ("File size", "\(grouped(info.fileSize)) bytes" + (info.walSize > 0 ? " (+ \(grouped(info.walSize)) in the WAL)" : "")),
                ("Key source", keySource.description),
                ("SQLCipher", "\(info.cipherVersion) (\(info.cipherProvider))"),
                ("SQLite", info.sqliteVersion),
                ("Page size", "\(info.pageSize)"),
                ("KDF", "\(info.kdfAlgorithm), \(grouped(Int64(info.kdfIterations))) iterations"),
                ("HMAC", info.hmacAlgorithm),
                ("Journal mode", info.journalMode),
                ("Foreign keys", info.foreignKeys ? "on" : "off"),
                ("Migrations", "\(info.appliedMigrations.count) applied (\(original) of the original's 22, "
                    + "\(info.appliedMigrations.count - original - info.unknownMigrations.count) trcaa), "
                    + "\(info.pendingMigrations.count) pending"),
            ]
            rows += info.appliedMigrations.map { migration in
                let note = info.unknownMigrations.contains(migration.name) ? "  (from a newer version)" : ""
                return ("", "\(migration.name.padding(to: 34))\(migration.appliedAt)\(note)")
            }
            rows += info.pendingMigrations.map { ("", "\($0.padding(to: 34))pending") }
            return rows.map { label, value in label.padding(to: 14) + value }.joined(separator: "\n")
        }

        private func grouped(_ number: Int64) -> String {
            var digits = Array(String(number))
            var index = digits.count - 3
            while index > 0 {
                digits.insert(",", at: index)
                index -= 3
            }
            return String(digits)
        }
    }
}

/// `db info --json`: the info fields plus `key_source`.
private struct InfoJSON: Encodable {
    let info: DatabaseInfo
    let keySource: KeySource

    enum CodingKeys: String, CodingKey { case keySource }
    enum SourceKeys: String, CodingKey { case kind, variable, path }

    func encode(to encoder: any Encoder) throws {
        try info.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        var source = container.nestedContainer(keyedBy: SourceKeys.self, forKey: .keySource)
        try source.encode(keySource.kind, forKey: .kind)
        switch keySource {
        case .environment(let variable): try source.encode(variable, forKey: .variable)
        case .keyFile(let path), .generated(let path): try source.encode(path, forKey: .path)
        case .none: break
        }
    }
}

extension String {
    func padding(to width: Int) -> String {
        count >= width ? self + " " : self + String(repeating: " ", count: width - count)
    }
}
