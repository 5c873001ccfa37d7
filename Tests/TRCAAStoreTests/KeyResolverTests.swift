import Foundation
import Testing
import TestSupport
@testable import TRCAAStore

@Suite struct KeyResolverTests {
    let directory = TempDirectory()
    var location: StoreLocation {
        get throws { try StoreLocation.resolve(dataDirectory: directory.file("data"), databasePath: nil, environment: [:]) }
    }

    private func resolve(_ environment: [String: String]) throws -> ResolvedKey {
        try KeyResolver(environment: environment).resolve(for: try location)
    }

    private func text(_ key: Passphrase) -> String { key.withUnsafeBytes { String(decoding: $0, as: UTF8.self) } }

    private func mode(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int) ?? -1
    }

    private func writeKeyFile(_ contents: String, mode: Int = 0o600) throws {
        try location.createDataDirectory()
        let path = try location.keyFilePath
        #expect(FileManager.default.createFile(atPath: path, contents: Data(contents.utf8), attributes: [.posixPermissions: mode]))
    }

    @Test func theEnvironmentKeyWinsAndIsUsedVerbatim() throws {
        try writeKeyFile("file-key")
        let key = try resolve(["TRCAA_DB_KEY": "  env key  ", "TFTSR_DB_KEY": "legacy"])
        #expect(text(key.passphrase) == "  env key  ")
        #expect(key.source == .environment(variable: "TRCAA_DB_KEY"))
        #expect(key.notices.isEmpty)
    }

    @Test func theLegacyVariableWorksWithADeprecationNotice() throws {
        let key = try resolve(["TFTSR_DB_KEY": "legacy"])
        #expect(text(key.passphrase) == "legacy")
        #expect(key.source == .environment(variable: "TFTSR_DB_KEY"))
        #expect(key.notices == ["TFTSR_DB_KEY is deprecated; set TRCAA_DB_KEY instead"])
    }

    @Test func aBlankVariableIsIgnoredAndSaidSo() throws {
        try writeKeyFile("file-key\n")
        let key = try resolve(["TRCAA_DB_KEY": "   "])
        #expect(text(key.passphrase) == "file-key")
        #expect(key.source == .keyFile(path: try location.keyFilePath))
        #expect(key.notices == ["TRCAA_DB_KEY is set but blank; ignoring it"])
    }

    @Test func theKeyFileIsTrimmed() throws {
        try writeKeyFile("\n  abc123  \n")
        #expect(text(try resolve([:]).passphrase) == "abc123")
    }

    @Test func aNewKeyIsGeneratedWithPrivateModesWhenThereIsNoDatabase() throws {
        let key = try resolve([:])
        let location = try location
        #expect(key.source == .generated(path: location.keyFilePath))
        #expect(try mode(location.dataDirectory) == 0o700)
        #expect(try mode(location.keyFilePath) == 0o600)
        let stored = try String(contentsOfFile: location.keyFilePath, encoding: .utf8)
        #expect(stored == text(key.passphrase))
        #expect(stored.count == 64 && stored.allSatisfy { "0123456789abcdef".contains($0) })
        #expect(try FileManager.default.contentsOfDirectory(atPath: location.dataDirectory) == [".dbkey"])
        #expect(text(try resolve([:]).passphrase) == stored)  // the next run reads the same key
        #expect(try resolve([:]).source == .keyFile(path: location.keyFilePath))
    }

    @Test func twoGeneratedKeysDiffer() throws {
        let other = TempDirectory()
        let first = try resolve([:])
        let second = try KeyResolver(environment: [:]).resolve(
            for: try StoreLocation.resolve(dataDirectory: other.path, databasePath: nil, environment: [:]))
        #expect(text(first.passphrase) != text(second.passphrase))
    }

    @Test(.sqlcipherOnly) func noKeyIsGeneratedForAnExistingEncryptedDatabase() throws {
        let location = try location
        try location.createDataDirectory()
        _ = try Database.open(path: location.databasePath, passphrase: Passphrase(passphrase: "k"))
        #expect(throws: StoreError.noKey(databasePath: location.databasePath, keyFilePath: location.keyFilePath)) {
            try resolve([:])
        }
        #expect(!FileManager.default.fileExists(atPath: location.keyFilePath))
    }

    @Test func aKeyFileOthersCanReadIsRefused() throws {
        try writeKeyFile("file-key", mode: 0o644)
        #expect(throws: StoreError.keyFileUnprotected(path: try location.keyFilePath, mode: 0o644, owner: geteuid())) {
            try resolve([:])
        }
    }

    @Test func aKeyFileOfAnotherUserIsRefused() throws {
        try writeKeyFile("planted-key", mode: 0o600)
        #expect(chown(try location.keyFilePath, 4242, 4242) == 0)
        #expect(throws: StoreError.keyFileUnprotected(path: try location.keyFilePath, mode: 0o600, owner: 4242)) {
            try resolve([:])
        }
    }

    @Test func aKeyFileThatIsAFIFOIsRefusedWithoutWaitingForAWriter() throws {
        try FileManager.default.createDirectory(atPath: try location.dataDirectory, withIntermediateDirectories: true)
        #expect(mkfifo(try location.keyFilePath, 0o600) == 0)
        #expect(throws: StoreError.cannotRead(path: try location.keyFilePath, reason: "it is not a regular file")) {
            try resolve([:])
        }
    }

    @Test func theDataDirectoryFollowsFlagThenEnvironmentThenXDGThenHome() throws {
        func directory(_ flag: String?, _ environment: [String: String]) throws -> String {
            try StoreLocation.resolve(dataDirectory: flag, databasePath: nil, environment: environment).dataDirectory
        }
        let all = ["TRCAA_DATA_DIR": "/env", "XDG_DATA_HOME": "/xdg", "HOME": "/home/u"]
        #expect(try directory("/flag", all) == "/flag")
        #expect(try directory(nil, all) == "/env")
        #expect(try directory(nil, all.merging(["TRCAA_DATA_DIR": ""]) { $1 }) == "/xdg/trcaa")
        #expect(try directory(nil, ["XDG_DATA_HOME": "relative", "HOME": "/home/u"]) == "/home/u/.local/share/trcaa")
        #expect(try directory(nil, ["HOME": "/home/u"]) == "/home/u/.local/share/trcaa")
        #expect(throws: StoreError.self) { try directory(nil, [:]) }
        let location = try StoreLocation.resolve(dataDirectory: "/d/", databasePath: nil, environment: [:])
        #expect(location.databasePath == "/d/trcaa.db")
        #expect(location.keyFilePath == "/d/.dbkey")
    }

    @Test func anUncreatableDataDirectoryIsReported() throws {
        #expect(FileManager.default.createFile(atPath: directory.file("a-file"), contents: Data()))
        let location = try StoreLocation.resolve(dataDirectory: directory.file("a-file/data"), databasePath: nil,
                                                 environment: [:])
        #expect(throws: StoreError.cannotCreate(path: directory.file("a-file/data"), reason: "Not a directory")) {
            try location.createDataDirectory()
        }
    }
}
