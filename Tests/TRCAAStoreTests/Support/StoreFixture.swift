import TestSupport
@testable import TRCAAStore

/// A real encrypted database file in its own temp directory (the store is `TestStore.current`).
final class StoreFixture {
    let directory = TempDirectory()
    let key: String
    var path: String { directory.file("trcaa.db") }

    init(key: String = "k3y-under-test") { self.key = key }

    func open(options: OpenOptions = OpenOptions()) throws -> Database {
        try TestStore.requireBackend(supportedBy: [.sqlcipher])
        return try Database.open(path: path, passphrase: Passphrase(passphrase: key), options: options)
    }

    /// Opens and applies every trcaa migration.
    func openMigrated() throws -> Database {
        let database = try open()
        try Migrator.trcaa.migrate(database)
        return database
    }
}
