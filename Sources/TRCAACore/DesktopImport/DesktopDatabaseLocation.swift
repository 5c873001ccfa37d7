import Foundation

/// Where the TRCAA desktop app keeps its database (`<data dir>/tftsr.db`), found the way the
/// desktop app finds its data directory (reference/trcaa-original.md §1.1).
public struct DesktopDatabaseLocation: Sendable, Equatable {
    /// Absolute path of `tftsr.db` (or of the file given).
    public let path: String
    /// How it was found: `$TRCAA_DATA_DIR`, `$TFTSR_DATA_DIR`, `$XDG_DATA_HOME/tftsr`,
    /// `~/.local/share/tftsr`, or `given` for a path on the command line.
    public let foundBy: String

    /// The directory holding the database, its `.dbkey` and `.enckey`.
    public var directory: String { (path as NSString).deletingLastPathComponent }
    /// The desktop's key file: a SQLCipher passphrase of 64 hex characters.
    public var keyFilePath: String { directory + "/.dbkey" }
    /// The unencrypted copy the desktop leaves when it encrypts a plain database.
    public var plainBackupPath: String { path + ".plain-backup" }

    public init(path: String, foundBy: String) {
        self.path = path
        self.foundBy = foundBy
    }

    /// A path given by the user, made absolute.
    public static func given(_ path: String) -> DesktopDatabaseLocation {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        return DesktopDatabaseLocation(path: (absolute as NSString).standardizingPath, foundBy: "given")
    }

    /// Where the desktop app would look, in its order: `$TRCAA_DATA_DIR`, `$TFTSR_DATA_DIR`,
    /// `$XDG_DATA_HOME/tftsr`, `~/.local/share/tftsr` (empty variables are passed over).
    public static func candidates(environment: [String: String]) -> [DesktopDatabaseLocation] {
        var directories: [(String, String)] = []
        for variable in ["TRCAA_DATA_DIR", "TFTSR_DATA_DIR"] {
            if let directory = environment[variable], !directory.isEmpty { directories.append((directory, "$\(variable)")) }
        }
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            directories.append((xdg + "/tftsr", "$XDG_DATA_HOME/tftsr"))
        }
        if let home = environment["HOME"], !home.isEmpty {
            directories.append((home + "/.local/share/tftsr", "~/.local/share/tftsr"))
        }
        return directories.map { DesktopDatabaseLocation(path: $0.0 + "/tftsr.db", foundBy: $0.1) }
    }

    /// The first candidate that holds a database file, if any.
    public static func find(environment: [String: String]) -> DesktopDatabaseLocation? {
        candidates(environment: environment).first { candidate in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }
    }
}
