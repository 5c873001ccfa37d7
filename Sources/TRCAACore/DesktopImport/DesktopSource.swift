import Foundation
import TRCAAStore

/// The desktop app's database, opened read-only with the key that opens it.
public struct DesktopSource {
    public let location: DesktopDatabaseLocation
    public let database: Database
    /// Where the key came from (`TRCAA_DB_KEY`, `key file …/.dbkey`…), or that the file is
    /// plain SQLite; never the key.
    public let keyDescription: String

    /// Opens `location` for reading only. A plain SQLite file (a debug build's) opens without a
    /// key; an encrypted one is tried, with the desktop's cipher settings (16 KiB pages), with
    /// the key in `keyVariable` (`--source-key-env`) first, then the keys the desktop app
    /// would use: `TRCAA_DB_KEY`, `TFTSR_DB_KEY` (set and not blank, used verbatim) and the
    /// `.dbkey` beside the file (trimmed; a passphrase, not a raw key).
    ///
    /// - throws: `DesktopImportError.noKeyOpens` (listing what was tried), `.keyVariableUnset`,
    ///   `.notDesktopDatabase`, `StoreError`.
    public static func open(_ location: DesktopDatabaseLocation, environment: [String: String],
                            keyVariable: String? = nil) throws -> DesktopSource {
        let isPlain: Bool
        do {
            isPlain = try Database.isPlainFile(location.path, pageSize: CipherSettings.originalApp.pageSize)
        } catch StoreError.notADatabase(let path, let reason) {
            throw DesktopImportError.notDesktopDatabase(path: path, reason: reason)
        }
        if isPlain {
            let database = try openReadOnly(location, passphrase: nil)
            return try DesktopSource(location: location, database: database, keyDescription: "none (a plain SQLite file)")
        }
        var tried: [String] = []
        for candidate in try keyCandidates(location, environment: environment, keyVariable: keyVariable) {
            guard let passphrase = candidate.passphrase else {
                tried.append(candidate.description)
                continue
            }
            do {
                let database = try openReadOnly(location, passphrase: passphrase)
                return try DesktopSource(location: location, database: database, keyDescription: candidate.description)
            } catch StoreError.wrongKey {
                tried.append(candidate.description)
            }
        }
        throw DesktopImportError.noKeyOpens(path: location.path, tried: tried)
    }

    /// A connection that only reads; a journal the desktop app left mid-write (which a
    /// reader would have to roll back) is reported as such.
    private static func openReadOnly(_ location: DesktopDatabaseLocation, passphrase: Passphrase?) throws -> Database {
        do {
            return try Database.openForeignReadOnly(path: location.path, passphrase: passphrase, settings: .originalApp)
        } catch StoreError.readOnly where FileManager.default.fileExists(atPath: location.path + "-journal") {
            throw DesktopImportError.unfinishedWrite(path: location.path)
        }
    }

    private init(location: DesktopDatabaseLocation, database: Database, keyDescription: String) throws {
        guard try database.schemaObjectExists("issues", type: .table) else {
            throw DesktopImportError.notDesktopDatabase(path: location.path, reason: "it has no issues table")
        }
        self.location = location
        self.database = database
        self.keyDescription = keyDescription
    }

    /// A key to try and where it came from; no passphrase when the source could not be used
    /// (it is listed as tried, with the reason).
    private struct KeyCandidate {
        let description: String
        let passphrase: Passphrase?
    }

    private static func keyCandidates(_ location: DesktopDatabaseLocation, environment: [String: String],
                                      keyVariable: String?) throws -> [KeyCandidate] {
        var candidates: [KeyCandidate] = []
        if let keyVariable {
            guard let value = environment[keyVariable], !value.allSatisfy(\.isWhitespace) else {
                throw DesktopImportError.keyVariableUnset(variable: keyVariable)
            }
            candidates.append(KeyCandidate(description: "\(keyVariable) (--source-key-env)", passphrase: Passphrase(passphrase: value)))
        }
        for variable in ["TRCAA_DB_KEY", "TFTSR_DB_KEY"] where variable != keyVariable {
            if let value = environment[variable], !value.allSatisfy(\.isWhitespace) {
                candidates.append(KeyCandidate(description: variable, passphrase: Passphrase(passphrase: value)))
            }
        }
        let keyFile = location.keyFilePath
        do {
            if let stored = try Passphrase.readKeyFile(keyFile) {
                candidates.append(KeyCandidate(description: "key file \(keyFile)", passphrase: stored))
            }
        } catch StoreError.keyFileUnprotected {
            candidates.append(KeyCandidate(description: "key file \(keyFile) (refused: other users can read it or own it)",
                                           passphrase: nil))
        }
        return candidates
    }
}
