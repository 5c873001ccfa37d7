internal import CSQLCipher

/// Reads a database file's bytes through SQLite's own file layer (its default VFS) instead of
/// a plain `open`/`close`.
///
/// POSIX advisory locks belong to a process and an inode: closing *any* descriptor of the
/// database file drops every lock the process holds on it, including the SHARED lock a WAL
/// connection keeps for its whole life. Another process closing its connection would then
/// believe it is the last one, checkpoint, and delete the `-wal` and `-shm` under us. SQLite's
/// VFS knows the process's locks: a file it is asked to close while a lock is held stays open
/// until the lock is released. Every read of the database file outside a connection goes
/// through here.
enum VFSFile {
    /// The first `count` bytes of `path` (fewer when the file is shorter).
    static func prefix(of path: String, count: Int) throws -> [UInt8] {
        try withOpenFile(path) { file, methods, size in
            let wanted = Int(min(Int64(count), size))
            var bytes = [UInt8](repeating: 0, count: wanted)
            guard wanted > 0 else { return bytes }
            try bytes.withUnsafeMutableBytes { try read(file, methods, into: $0, at: 0, path: path) }
            return bytes
        }
    }

    /// Calls `body` with the whole file, 1 MiB at a time (valid only during the call).
    static func stream(_ path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        try withOpenFile(path) { file, methods, size in
            var chunk = [UInt8](repeating: 0, count: 1 << 20)
            var offset: Int64 = 0
            while offset < size {
                let count = Int(min(Int64(chunk.count), size - offset))
                try chunk.withUnsafeMutableBytes { buffer in
                    let part = UnsafeMutableRawBufferPointer(rebasing: buffer[0..<count])
                    try read(file, methods, into: part, at: offset, path: path)
                    try body(UnsafeRawBufferPointer(part))
                }
                offset += Int64(count)
            }
        }
    }

    private static func read(_ file: UnsafeMutablePointer<sqlite3_file>, _ methods: sqlite3_io_methods,
                             into buffer: UnsafeMutableRawBufferPointer, at offset: Int64, path: String) throws {
        let rc = methods.xRead(file, buffer.baseAddress, Int32(buffer.count), offset)
        guard rc == SQLITE_OK else { throw StoreError.cannotRead(path: path, reason: String(cString: sqlite3_errstr(rc))) }
    }

    /// Opens `path` read-only through the default VFS and calls `body` with it and its size.
    private static func withOpenFile<T>(
        _ path: String, _ body: (UnsafeMutablePointer<sqlite3_file>, sqlite3_io_methods, Int64) throws -> T
    ) throws -> T {
        guard let vfs = sqlite3_vfs_find(nil), let open = vfs.pointee.xOpen else {
            throw StoreError.cannotRead(path: path, reason: "SQLite has no default file layer")
        }
        // xOpen expects a name made by SQLite (it may look for URI parameters after it).
        let name = sqlite3_create_filename(path, "", "", 0, nil)
        defer { sqlite3_free_filename(name) }
        let storage = UnsafeMutableRawPointer.allocate(byteCount: Int(vfs.pointee.szOsFile), alignment: 16)
        defer { storage.deallocate() }
        storage.initializeMemory(as: UInt8.self, repeating: 0, count: Int(vfs.pointee.szOsFile))
        let file = storage.bindMemory(to: sqlite3_file.self, capacity: 1)
        var openedFlags: Int32 = 0
        let rc = open(vfs, name, file, SQLITE_OPEN_READONLY | SQLITE_OPEN_MAIN_DB, &openedFlags)
        // Safe: xOpen sets pMethods when it opened the file, and leaves it nil when it did not.
        guard let methods = file.pointee.pMethods?.pointee else {
            throw StoreError.cannotRead(path: path, reason: String(cString: sqlite3_errstr(rc)))
        }
        defer { _ = methods.xClose(file) }
        guard rc == SQLITE_OK else { throw StoreError.cannotRead(path: path, reason: String(cString: sqlite3_errstr(rc))) }
        var size: sqlite3_int64 = 0
        guard methods.xFileSize(file, &size) == SQLITE_OK else {
            throw StoreError.cannotRead(path: path, reason: "cannot tell its size")
        }
        return try body(file, methods, size)
    }
}
