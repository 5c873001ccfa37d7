internal import CSQLCipher
internal import Glibc

/// Encrypts a plain SQLite file in place (SPEC §2).
///
/// `sqlcipher_export` copies it into a keyed temp file in the same directory, which is synced,
/// checked and renamed over the original; the plain bytes are then overwritten through a
/// descriptor held across the rename. There is no moment at which the data exists in neither
/// file, and no plain backup is kept.
enum PlainDatabaseConverter {
    static func encrypt(_ path: String, rawKey: SecureBytes, settings: CipherSettings) throws {
        let directory = FilePath.directory(of: path)
        let tempPrefix = ".\(FilePath.name(of: path)).encrypting-"
        removeLeftovers(in: directory, prefix: tempPrefix)
        let tempPath = "\(directory)/\(tempPrefix)\(SecureBytes.random(count: 6).hex().withUnsafeBytes { String(decoding: $0, as: UTF8.self) })"
        do {
            try export(path, to: tempPath, rawKey: rawKey, settings: settings)
            for suffix in ["-wal", "-journal"] where FilePath.exists(path + suffix) {
                throw StoreError.busy(path: path)  // another program still has the plain file open
            }
            chmod(tempPath, 0o600)  // SQLite created it with its default mode
            try FilePath.sync(tempPath)
            try Database.verifyKey(rawKey, of: tempPath, settings: settings)
            try replace(path, with: tempPath, directory: directory)
        } catch {
            unlink(tempPath)
            unlink(tempPath + "-journal")
            throw error
        }
    }

    private static func export(_ path: String, to tempPath: String, rawKey: SecureBytes, settings: CipherSettings)
        throws
    {
        // ATTACH opens the new file with these flags, so CREATE is needed (the plain file exists).
        let plain = try Database(
            connectingTo: path, path: path, flags: SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX)
        try plain.requireSQLCipher4()
        try plain.execute("PRAGMA temp_store = MEMORY")
        let attach = try plain.sqlcipher.prepareStatement("ATTACH DATABASE ?1 AS encrypted KEY ?2")
        try attach.bind(.text(tempPath), at: 1)
        try attach.bindSecret(rawKey, at: 2)
        try attach.step()
        for pragma in settings.pragmas(schema: "encrypted") { try plain.execute(pragma) }
        try plain.execute("SELECT sqlcipher_export('encrypted')")
        try plain.execute("DETACH DATABASE encrypted")
    }

    /// Renames the encrypted copy over `path`, then overwrites and releases the plain bytes.
    private static func replace(_ path: String, with tempPath: String, directory: String) throws {
        let plainFD = open(path, O_RDWR | O_CLOEXEC)
        guard plainFD >= 0 else { throw StoreError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
        defer { close(plainFD) }
        guard rename(tempPath, path) == 0 else {
            throw StoreError.cannotCreate(path: path, reason: String(cString: strerror(errno)))
        }
        try FilePath.sync(directory)
        FileOverwrite.zero(plainFD)
    }

    /// Temp files of an interrupted conversion (already encrypted, but clutter).
    private static func removeLeftovers(in directory: String, prefix: String) {
        for name in FilePath.entries(of: directory) where name.hasPrefix(prefix) { unlink("\(directory)/\(name)") }
    }
}
