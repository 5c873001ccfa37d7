internal import Glibc

/// What is at a database path before it is opened.
enum DatabaseFile: Equatable {
    case missing
    case empty
    /// A plain SQLite file (`SQLite format 3\0` header) to encrypt in place.
    case plain
    /// Presumably SQLCipher: its first 16 bytes are the KDF salt.
    case encrypted(salt: [UInt8])

    static let plainHeader = Array("SQLite format 3\0".utf8)

    /// Classifies `path` without modifying anything.
    static func inspect(_ path: String, pageSize: Int) throws -> DatabaseFile {
        var info = stat()
        guard stat(path, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            guard errno == ENOENT else { throw StoreError.cannotRead(path: path, reason: reason) }
            return .missing
        }
        if info.st_mode & S_IFMT == S_IFDIR { throw StoreError.isDirectory(path: path) }
        guard info.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.notADatabase(path: path, reason: "it is not a regular file")
        }
        if info.st_size == 0 { return .empty }
        let header = try VFSFile.prefix(of: path, count: 16)
        if header == plainHeader { return .plain }
        guard header.count == 16, info.st_size % off_t(pageSize) == 0 else {
            throw StoreError.notADatabase(
                path: path, reason: "its size (\(info.st_size) bytes) is not a whole number of \(pageSize)-byte pages")
        }
        return .encrypted(salt: header)
    }

    /// Creates an empty file readable by its owner only; SQLite gives `-wal` and `-shm` the
    /// same mode. Another process creating it at the same moment is fine.
    static func createPrivate(_ path: String) throws {
        try requireWritableDirectory(for: path)
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 || errno == EEXIST else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        if fd >= 0 { close(fd) }
    }

    /// Fails early, with the reason, when a new database could not be created at `path`.
    private static func requireWritableDirectory(for path: String) throws {
        let directory = FilePath.directory(of: path)
        var info = stat()
        guard stat(directory, &info) == 0 else {
            throw StoreError.cannotCreate(path: path, reason: "the directory \(directory) does not exist")
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError.cannotCreate(path: path, reason: "\(directory) is not a directory")
        }
        guard access(directory, W_OK) == 0 else {
            throw StoreError.cannotCreate(path: path, reason: "the directory \(directory) is not writable")
        }
    }
}

/// Small path helpers over plain strings.
enum FilePath {
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }

    static func name(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }

    static func exists(_ path: String) -> Bool { access(path, F_OK) == 0 }

    /// Whether `path` lives on a file system mounted read-only.
    static func isOnReadOnlyFileSystem(_ path: String) -> Bool {
        var info = statvfs()
        return statvfs(path, &info) == 0 && info.f_flag & UInt(ST_RDONLY) != 0
    }

    /// The names in `directory` (without `.` and `..`); empty when it cannot be read.
    static func entries(of directory: String) -> [String] {
        guard let dir = opendir(directory) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) {
                String(cString: $0.bindMemory(to: CChar.self).baseAddress!)  // Safe: d_name is NUL-terminated.
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// `fsync` of a file or directory; errors are reported as I/O failures.
    static func sync(_ path: String) throws {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0, fsync(fd) == 0 else {
            let reason = String(cString: strerror(errno))
            if fd >= 0 { close(fd) }
            throw StoreError.io(path: path, reason: reason)
        }
        close(fd)
    }

    /// An SQLite `file:` URI for `path` with query `parameters`.
    static func uri(_ path: String, parameters: String) -> String {
        var bytes: [UInt8] = []
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "%"), UInt8(ascii: "?"), UInt8(ascii: "#"):
                bytes += Array("%\(String(byte, radix: 16, uppercase: true))".utf8)
            default:
                bytes.append(byte)
            }
        }
        return "file:" + String(decoding: bytes, as: UTF8.self) + "?" + parameters
    }
}
