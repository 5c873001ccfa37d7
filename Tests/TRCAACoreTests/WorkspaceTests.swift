import Foundation
import Testing
import TestSupport
import TRCAACore
import TRCAAStore

@Suite(.sqlcipherOnly) struct WorkspaceTests {
    let home = NSTemporaryDirectory() + "trcaa-core-\(UUID().uuidString)"
    var dataDirectory: String { home + "/data" }

    private func open(_ environment: [String: String] = [:], migrate: Bool = true) throws -> Workspace {
        try Workspace.open(WorkspaceOptions(dataDirectory: dataDirectory, migrate: migrate), environment: environment)
    }

    private func keyFile() throws -> String { try String(contentsOfFile: dataDirectory + "/.dbkey", encoding: .utf8) }

    @Test func aFirstOpenCreatesThePrivateDataDirectoryKeyAndSchema() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try open()
        #expect(workspace.keySource == .generated(path: dataDirectory + "/.dbkey"))
        #expect(workspace.notices.count == 1 && workspace.notices[0].contains("generated a new database key"))
        #expect(workspace.migrationReport.applied == Migrator.trcaa.migrations.map(\.name))
        #expect(workspace.database.origin == .created)

        let again = try open()
        #expect(again.keySource == .keyFile(path: dataDirectory + "/.dbkey"))
        #expect(again.notices.isEmpty)
        #expect(again.migrationReport.applied.isEmpty)
    }

    @Test func aWrongKeyReportsWhereTheKeyCameFrom() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        _ = try open()
        #expect {
            try open(["TRCAA_DB_KEY": "wrong"])
        } throws: { error in
            guard let error = error as? WorkspaceError else { return false }
            return error.error == .wrongKey(path: dataDirectory + "/trcaa.db")
                && error.keySource == .environment(variable: "TRCAA_DB_KEY")
        }
    }

    @Test func rekeyingRewritesTheKeyFile() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try open()
        let oldKey = try keyFile()
        let notices = try workspace.rekey(to: Passphrase(passphrase: "brand new key"))
        #expect(notices == ["the database key was changed; \(dataDirectory)/.dbkey holds the new key"])
        #expect(try keyFile() == "brand new key")
        #expect(!FileManager.default.fileExists(atPath: dataDirectory + "/.dbkey.new"))
        #expect(try open().keySource == .keyFile(path: dataDirectory + "/.dbkey"))
        #expect(throws: WorkspaceError.self) { try open(["TRCAA_DB_KEY": oldKey]) }
    }

    @Test func anInterruptedKeyChangeIsFinishedOnTheNextOpen() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try open()
        // The crash window: the new key is staged and the database rekeyed, the rename not done.
        try workspace.location.stageKeyFile(Passphrase(passphrase: "staged key"))
        try workspace.database.rekey(to: Passphrase(passphrase: "staged key"))

        let reopened = try open()
        #expect(reopened.notices == ["finished an interrupted key change: \(dataDirectory)/.dbkey now holds the new key"])
        #expect(try keyFile() == "staged key")
        #expect(!FileManager.default.fileExists(atPath: dataDirectory + "/.dbkey.new"))
    }

    @Test func aStagedKeyThatWasNeverAppliedIsRemovedOnceTheOldKeyOpensTheStore() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let oldKey = try { _ = try open(); return try keyFile() }()
        // The other crash window: the new key staged, the rekey never started.
        try Workspace.open(WorkspaceOptions(dataDirectory: dataDirectory), environment: [:])
            .location.stageKeyFile(Passphrase(passphrase: "never applied"))

        let reopened = try open()
        #expect(reopened.notices == ["removed \(dataDirectory)/.dbkey.new: a key change was interrupted before it changed "
            + "anything, and the database still opens with \(dataDirectory)/.dbkey"])
        #expect(try keyFile() == oldKey)
        #expect(!FileManager.default.fileExists(atPath: dataDirectory + "/.dbkey.new"))
    }

    @Test func rekeyingAnEnvironmentKeyLeavesTheKeyFileAlone() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try open(["TRCAA_DB_KEY": "env key"])
        #expect(!FileManager.default.fileExists(atPath: dataDirectory + "/.dbkey"))
        let notices = try workspace.rekey(to: Passphrase(passphrase: "next env key"))
        #expect(notices == ["the database key was changed; set TRCAA_DB_KEY to the new key before running trcaa again"])
        #expect(!FileManager.default.fileExists(atPath: dataDirectory + "/.dbkey"))
        #expect(try open(["TRCAA_DB_KEY": "next env key"]).database.origin == .existing)
    }

    @Test func openingWithoutMigratingLeavesThePendingMigrations() throws {
        defer { try? FileManager.default.removeItem(atPath: home) }
        let workspace = try open(migrate: false)
        #expect(try Migrator.trcaa.pendingMigrations(in: workspace.database).count == Migrator.trcaa.migrations.count)
    }

    @Test func aMemoryWorkspaceNeedsNoKeyAndTouchesNoFiles() throws {
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: dataDirectory, databasePath: ":memory:"),
                                           environment: [:])
        #expect(workspace.keySource == .none)
        #expect(!FileManager.default.fileExists(atPath: dataDirectory))
        #expect(try workspace.database.scalar("SELECT count(*) FROM issues", as: Int.self) == 0)
    }
}
