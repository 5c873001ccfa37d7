internal import Glibc

/// Where the database, its key file and trcaa's other data live (SPEC §1).
public struct StoreLocation: Sendable, Equatable {
    /// Absolute path of the data directory.
    public let dataDirectory: String
    /// The database file: `--db`, else `<data dir>/trcaa.db`; or `:memory:`.
    public let databasePath: String

    /// `<data dir>/.dbkey`.
    public var keyFilePath: String { dataDirectory + "/.dbkey" }

    /// Whether the database lives in the data directory (which then must exist).
    public var databaseIsInDataDirectory: Bool { databasePath == dataDirectory + "/trcaa.db" }

    /// Resolves the data directory: `--data-dir`, else `TRCAA_DATA_DIR` (non-empty), else
    /// `$XDG_DATA_HOME/trcaa` (absolute), else `~/.local/share/trcaa`.
    ///
    /// - throws: `StoreError.cannotCreate` when none applies (no `HOME`).
    public static func resolve(dataDirectory: String?, databasePath: String?, environment: [String: String])
        throws -> StoreLocation
    {
        let directory: String
        if let dataDirectory, !dataDirectory.isEmpty {
            directory = dataDirectory
        } else if let fromEnvironment = environment["TRCAA_DATA_DIR"], !fromEnvironment.isEmpty {
            directory = fromEnvironment
        } else if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            directory = xdg + "/trcaa"
        } else if let home = environment["HOME"], !home.isEmpty {
            directory = home + "/.local/share/trcaa"
        } else {
            throw StoreError.cannotCreate(path: "~/.local/share/trcaa", reason: "HOME is not set")
        }
        let absoluteDirectory = absolute(directory)
        let database = databasePath.map { $0 == ":memory:" ? $0 : absolute($0) } ?? absoluteDirectory + "/trcaa.db"
        return StoreLocation(dataDirectory: absoluteDirectory, databasePath: database)
    }

    /// Creates the data directory and any missing parents with mode 0700. An existing
    /// directory that cannot be written is accepted: a store there opens read-only, and
    /// creating a new file there fails with its own reason.
    ///
    /// - throws: `StoreError.cannotCreate` naming the directory that could not be made.
    public func createDataDirectory() throws {
        var path = ""
        for component in dataDirectory.split(separator: "/") {
            path += "/" + component
            var info = stat()
            if stat(path, &info) == 0 { continue }
            if mkdir(path, 0o700) != 0, errno != EEXIST {
                throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
        }
        var info = stat()
        guard stat(dataDirectory, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.cannotCreate(path: dataDirectory, reason: "it exists and is not a directory")
        }
    }

    /// Why the existing database cannot be written here (a read-only file system, no write
    /// permission on it or on its directory, which must take its `-wal`), or `nil`.
    public func readOnlyReason() -> String? {
        guard databasePath != ":memory:", FilePath.exists(databasePath) else { return nil }
        if FilePath.isOnReadOnlyFileSystem(databasePath) { return "it is on a read-only file system" }
        if access(databasePath, W_OK) != 0 { return "it is not writable by this user" }
        let directory = FilePath.directory(of: databasePath)
        if access(directory, W_OK | X_OK) != 0 { return "its directory \(directory) is not writable by this user" }
        return nil
    }

    private static func absolute(_ path: String) -> String {
        if path.hasPrefix("/") { return normalised(path) }
        guard let cwd = getcwd(nil, 0) else { return path }
        defer { free(cwd) }
        return normalised(String(cString: cwd) + "/" + path)
    }

    /// Removes `.` components, repeated and trailing slashes (`..` is kept as given).
    private static func normalised(_ path: String) -> String {
        "/" + path.split(separator: "/").filter { $0 != "." }.joined(separator: "/")
    }
}
