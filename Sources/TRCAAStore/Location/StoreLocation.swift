internal import Glibc

/// Where the database, its key file and trcaa's other data live (SPEC §1).
public struct StoreLocation: Sendable, Equatable {
    /// Absolute path of the data directory.
    public let dataDirectory: String
    /// The database file: `--db`, else `<data dir>/trcaa.db`; or `:memory:`. For a store on
    /// a server, its URL without the password.
    public let databasePath: String
    /// The server holding the store, when `--db` or `TRCAA_DATABASE_URL` is a server URL.
    public let server: ServerURL?

    /// `<data dir>/.dbkey`.
    public var keyFilePath: String { dataDirectory + "/.dbkey" }

    /// Whether the database lives in the data directory (which then must exist).
    public var databaseIsInDataDirectory: Bool { databasePath == dataDirectory + "/trcaa.db" }

    init(dataDirectory: String, databasePath: String, server: ServerURL? = nil) {
        self.dataDirectory = dataDirectory
        self.databasePath = databasePath
        self.server = server
    }

    /// Resolves the data directory: `--data-dir`, else `TRCAA_DATA_DIR` (non-empty), else
    /// `$XDG_DATA_HOME/trcaa` (absolute), else `~/.local/share/trcaa`. The database is
    /// `databasePath`, else `TRCAA_DATABASE_URL` (non-empty): a file path, `:memory:`, or a
    /// `postgres://` / `postgresql://` URL of a store on a server.
    ///
    /// - throws: `StoreError.cannotCreate` when none applies (no `HOME`); `.invalidLocation`
    ///   for a malformed server URL.
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
        let given = databasePath ?? environment["TRCAA_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
        if let given, ServerURL.isServerURL(given) {
            let server = try ServerURL(given)
            return StoreLocation(dataDirectory: absoluteDirectory, databasePath: server.redacted, server: server)
        }
        let database = given.map { $0 == ":memory:" ? $0 : absolute($0) } ?? absoluteDirectory + "/trcaa.db"
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

    /// Refuses a database path that is a symbolic link to nothing: SQLite would create the
    /// target with its default mode, outside the private data directory.
    ///
    /// - throws: `StoreError.cannotCreate` naming the link's target.
    public func refuseDanglingLink() throws {
        guard databasePath != ":memory:" else { return }
        var info = stat()
        guard lstat(databasePath, &info) == 0, info.st_mode & S_IFMT == S_IFLNK, !FilePath.exists(databasePath) else { return }
        var target = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink(databasePath, &target, target.count - 1)
        let name = count > 0 ? String(cString: target) : "a missing file"
        throw StoreError.cannotCreate(
            path: databasePath, reason: "it is a symbolic link to \(name), which does not exist; trcaa does not create a database through a link")
    }

    /// Warnings, as ssh gives them, about modes that expose the store: a database others may
    /// read (it is encrypted, but its size and change times show), a data directory others may
    /// write (they could swap the database or the key file).
    public func permissionWarnings() -> [String] {
        var warnings: [String] = []
        var info = stat()
        if databasePath != ":memory:", stat(databasePath, &info) == 0, info.st_mode & 0o077 != 0 {
            warnings.append("\(databasePath) can be read by other users (mode 0\(String(info.st_mode & 0o777, radix: 8))); "
                + "it is encrypted, but run: chmod 600 \(databasePath)")
        }
        if databaseIsInDataDirectory, stat(dataDirectory, &info) == 0, info.st_mode & 0o022 != 0 {
            warnings.append("the data directory \(dataDirectory) can be written by other users (mode "
                + "0\(String(info.st_mode & 0o777, radix: 8))), who could replace the database or its key file; run: chmod 700 \(dataDirectory)")
        }
        return warnings
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
