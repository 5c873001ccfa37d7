/// What an import of a desktop database brought over (or, for a dry run, would bring).
public struct DesktopImportReport: Sendable, Encodable {
    /// The source file, how it was found, and the key that opened it (its source, never the key).
    public var source: String
    public var foundBy: String
    public var keySource: String
    /// SHA-256 of the source file as read.
    public var sourceSha256 = ""
    /// Migrations the desktop app applied to it (10 in the TFTSR era, 22 or more since).
    public var sourceMigrations = 0
    public var dryRun: Bool
    /// Rows per table: new, already here, and the ids that differ from what is here (kept as they are here).
    public var tables: [DesktopTableResult] = []
    /// Text of the new logs, in bytes, and the PII spans found in it.
    public var logBytes: Int64 = 0
    public var piiSpans = 0
    /// The desktop's own `pii_spans` rows (with duplicates), replaced by this store's detection.
    public var desktopPIIRows = 0
    public var duplicateDesktopPIIRows = 0
    public var skippedTables: [SkippedTable] = []
    public var droppedColumns: [String] = []
    /// The desktop's audit chain, checked with its own rule before anything was copied.
    public var sourceChain = DesktopChainCheck(state: .empty, verifiedEntries: 0, unhashedEntries: 0)
    /// Things a person should know: logs without content, rows without their issue...
    public var warnings: [String] = []
    /// The unencrypted copy the desktop app left beside the source, if there is one.
    public var plainBackup: String?
    /// Rows new to this store, over all tables.
    public private(set) var newRows = 0
    public private(set) var conflicts = 0
    /// The `import_trcaa` audit entry written, if any.
    public var auditEntryId: String?

    public init(source: DesktopSource, dryRun: Bool) {
        self.source = source.location.path
        foundBy = source.location.foundBy
        keySource = source.keyDescription
        self.dryRun = dryRun
    }

    /// The result for one table (zeros when the source has no such table).
    public func table(_ name: String) -> DesktopTableResult {
        tables.first { $0.table == name } ?? DesktopTableResult(table: name)
    }

    mutating func add(_ result: DesktopTableResult) {
        tables.append(result)
        newRows += result.new
        conflicts += result.conflicts.count
    }
}

/// Rows of one table: new here, already here (the same), and conflicting (same id, other content).
public struct DesktopTableResult: Sendable, Equatable, Encodable {
    public let table: String
    public var new = 0
    public var alreadyHere = 0
    /// Ids whose row here differs from the desktop's; the row here was kept.
    public var conflicts: [String] = []
    /// Rows whose issue is in neither database (skipped).
    public var orphans = 0

    public init(table: String) { self.table = table }
}
