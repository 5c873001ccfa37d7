internal import Glibc

/// Overwriting plaintext before it is released, so its bytes do not linger in free blocks.
public enum FileOverwrite {
    /// Best effort: zeroes every byte of the open file `fd` and syncs it.
    static func zero(_ fd: Int32) {
        var info = stat()
        guard fstat(fd, &info) == 0 else { return }
        let zeros = [UInt8](repeating: 0, count: 1 << 16)
        var offset: off_t = 0
        while offset < info.st_size {
            let count = Int(Swift.min(off_t(zeros.count), info.st_size - offset))
            let written = zeros.withUnsafeBytes { pwrite(fd, $0.baseAddress, count, offset) }
            guard written > 0 else { return }
            offset += off_t(written)
        }
        fsync(fd)
    }

    /// Overwrites the regular file `path` with zeros, then removes it (and syncs its directory).
    ///
    /// - throws: `StoreError.cannotRead` when it cannot be opened or is not a regular file,
    ///   `.cannotCreate` when it cannot be removed.
    public static func overwriteAndRemove(_ path: String) throws {
        let fd = open(path, O_WRONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { throw StoreError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw StoreError.cannotRead(path: path, reason: "it is not a regular file")
        }
        zero(fd)
        guard unlink(path) == 0 else { throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno))) }
        try FilePath.sync(FilePath.directory(of: path))
    }
}
