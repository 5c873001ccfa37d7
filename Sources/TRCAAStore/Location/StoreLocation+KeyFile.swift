internal import Glibc

/// A key change in two steps, so that a crash can never leave the database without its key:
/// the new key is staged next to the key file, the database is rekeyed, then the staged file
/// replaces the key file. An open that finds the key file's key wrong tries a staged key.
extension StoreLocation {
    /// `<data dir>/.dbkey.new`.
    public var stagedKeyFilePath: String { keyFilePath + ".new" }

    /// Whether a staged key file exists (a key change under way, or one that was interrupted).
    public var hasStagedKeyFile: Bool { FilePath.exists(stagedKeyFilePath) }

    /// Writes the new key to the staged key file (mode 0600, synced).
    public func stageKeyFile(_ key: Passphrase) throws {
        try KeyFile.replace(stagedKeyFilePath, with: key)
    }

    /// The staged key, if a key change was interrupted.
    public func stagedKey() throws -> Passphrase? {
        try KeyFile.read(stagedKeyFilePath)
    }

    /// Moves the staged key file over the key file.
    public func commitStagedKeyFile() throws {
        guard rename(stagedKeyFilePath, keyFilePath) == 0 else {
            throw StoreError.cannotCreate(path: keyFilePath, reason: String(cString: strerror(errno)))
        }
        try FilePath.sync(dataDirectory)
    }

    /// Removes a staged key file that was not used.
    public func discardStagedKeyFile() {
        unlink(stagedKeyFilePath)
    }
}
