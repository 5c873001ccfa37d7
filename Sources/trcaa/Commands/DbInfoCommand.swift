import ArgumentParser
import TRCAACore
import TRCAAStore

extension DbCommand {
    struct Info: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "info",
            abstract: "Show the store (file or server), its encryption, key source and migrations (never the key).")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            if let server = workspace.location.server {
                let info = try ServerStoreInfo(workspace, server: server)
                if json { return try Console.printJSON(InfoJSON(info: info, keySource: workspace.keySource)) }
                return print(info.rendered(keySource: workspace.keySource))
            }
            let info = try workspace.database.info()
            if json { return try Console.printJSON(InfoJSON(info: info, keySource: workspace.keySource)) }
            print(render(info, keySource: workspace.keySource))
        }

        private func render(_ info: DatabaseInfo, keySource: KeySource) -> String {
            let rows: [(String, String)] = [
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
            ]
            return infoTable(rows + migrationRows(applied: info.appliedMigrations, pending: info.pendingMigrations,
                                                  unknown: info.unknownMigrations))
        }
    }
}

/// The `Migrations` line of `db info` and one line per migration.
func migrationRows(applied: [AppliedMigration], pending: [String], unknown: [String]) -> [(String, String)] {
    let original = applied.filter { MigrationNames.original.contains($0.name) }.count
    var rows = [("Migrations", "\(applied.count) applied (\(original) of the original's 22, "
        + "\(applied.count - original - unknown.count) trcaa), \(pending.count) pending")]
    rows += applied.map { migration in
        let note = unknown.contains(migration.name) ? "  (from a newer version)" : ""
        return ("", "\(migration.name.padding(to: 34))\(migration.appliedAt)\(note)")
    }
    return rows + pending.map { ("", "\($0.padding(to: 34))pending") }
}

/// `db info`'s rows as two aligned columns.
func infoTable(_ rows: [(String, String)]) -> String {
    rows.map { label, value in label.padding(to: 14) + value }.joined(separator: "\n")
}

/// `number` with thousands separators: `256,000`.
func grouped(_ number: Int64) -> String {
    var digits = Array(String(number))
    var index = digits.count - 3
    while index > 0 {
        digits.insert(",", at: index)
        index -= 3
    }
    return String(digits)
}

/// `db info --json`: the info fields plus `key_source`.
private struct InfoJSON<Info: Encodable>: Encodable {
    let info: Info
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
