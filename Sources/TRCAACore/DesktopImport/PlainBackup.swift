import TRCAAStore

extension DesktopDatabaseLocation {
    /// Overwrites the desktop's unencrypted `tftsr.db.plain-backup` with zeros and removes it.
    ///
    /// - throws: `StoreError.cannotRead` (missing, not a regular file), `.cannotCreate`.
    public func removePlainBackup() throws { try FileOverwrite.overwriteAndRemove(plainBackupPath) }
}
