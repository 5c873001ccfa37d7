internal import Glibc

/// The `.dbkey` file: 64 lowercase hex characters, no newline, mode 0600.
enum KeyFile {
    /// The trimmed contents, or `nil` when the file is missing or blank.
    ///
    /// Like ssh with a private key, it refuses a key file that others may read or that another
    /// user owns (they could have put a key of their choosing there), and anything that is not
    /// a regular file: it is opened without blocking, so a FIFO cannot hang the open.
    ///
    /// - throws: `StoreError.keyFileUnprotected` when group or others may read it or another
    ///   user owns it, `StoreError.cannotRead` when it cannot be read or is not a regular file.
    static func read(_ path: String) throws -> Passphrase? {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw StoreError.cannotRead(path: path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw StoreError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { throw StoreError.cannotRead(path: path, reason: "it is not a regular file") }
        guard info.st_mode & 0o077 == 0, info.st_uid == geteuid() else {
            throw StoreError.keyFileUnprotected(path: path, mode: info.st_mode & 0o7777, owner: info.st_uid)
        }
        let contents = SecureBytes(count: Int(min(info.st_size, 4096))) { buffer in
            var filled = 0
            while filled < buffer.count {
                let got = Glibc.read(fd, buffer.baseAddress! + filled, buffer.count - filled)  // Safe: count > 0.
                guard got > 0 else { break }
                filled += got
            }
        }
        let trimmed = contents.withUnsafeBytes { bytes -> SecureBytes in
            let isSpace: (UInt8) -> Bool = { $0 == 0x20 || (0x09...0x0D).contains($0) || $0 == 0 }
            guard let first = bytes.firstIndex(where: { !isSpace($0) }),
                  let last = bytes.lastIndex(where: { !isSpace($0) }) else { return SecureBytes([UInt8]()) }
            return SecureBytes(bytes[first...last])
        }
        return trimmed.count == 0 ? nil : trimmed
    }

    /// Writes a new random key: 32 bytes from the CSPRNG as 64 hex characters.
    ///
    /// The file is written under a temporary name, synced and then hard-linked into place, so
    /// it appears complete or not at all and never replaces a key another process just wrote
    /// (that key is returned instead). A blank existing file is replaced.
    static func generate(at path: String) throws -> Passphrase {
        let key = SecureBytes.random(count: 32).hex()
        let temp = "\(path).tmp-\(getpid())"
        try writeSynced(key, to: temp)
        defer { unlink(temp) }
        if link(temp, path) != 0 {
            guard errno == EEXIST else { throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
            if let winner = try read(path) { return winner }
            guard rename(temp, path) == 0 else {
                throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
            }
        }
        try FilePath.sync(FilePath.directory(of: path))
        return key
    }

    /// Writes `key` to `path` (0600, synced), replacing a file already there via rename.
    static func replace(_ path: String, with key: Passphrase) throws {
        let temp = "\(path).tmp-\(getpid())"
        try writeSynced(key, to: temp)
        defer { unlink(temp) }
        guard rename(temp, path) == 0 else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        try FilePath.sync(FilePath.directory(of: path))
    }

    /// Creates `path` exclusively with mode 0600 and writes and syncs `key`.
    private static func writeSynced(_ key: Passphrase, to path: String) throws {
        unlink(path)  // a leftover of a killed run with the same pid
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        let written = key.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        let synced = fsync(fd) == 0
        let reason = String(cString: strerror(errno))
        close(fd)
        guard written == key.count, synced else {
            unlink(path)
            throw StoreError.cannotCreate(path: path, reason: reason)
        }
    }
}
