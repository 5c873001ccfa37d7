/// A named schema change, applied once and atomically with its `_migrations` row.
public struct Migration: Sendable {
    public let name: String
    /// The SQL script it runs, when it is one (`nil` for a migration written in Swift).
    public let script: String?
    let apply: @Sendable (Database) throws -> Void

    public init(_ name: String, apply: @escaping @Sendable (Database) throws -> Void) {
        self.name = name
        self.script = nil
        self.apply = apply
    }

    /// A migration that runs an SQL script.
    public init(_ name: String, sql: String) {
        self.name = name
        self.script = sql
        self.apply = { try $0.execute(sql) }
    }
}

/// A row of `_migrations`.
public struct AppliedMigration: Sendable, Equatable, Codable {
    public let name: String
    public let appliedAt: String
}

/// What `Migrator.migrate` did.
public struct MigrationReport: Sendable, Equatable {
    /// Migrations applied by this run, in order.
    public var applied: [String] = []
    /// `_migrations` rows this build does not know (a newer original app's 023–042).
    public var unknown: [String] = []

    public init(applied: [String] = [], unknown: [String] = []) {
        self.applied = applied
        self.unknown = unknown
    }
}

/// Applies registered migrations in registration order, each in its own IMMEDIATE
/// transaction together with its `_migrations` row: a failure leaves neither.
public struct Migrator: Sendable {
    public private(set) var migrations: [Migration] = []
    /// The statement that creates `_migrations` (`id`, `name`, `applied_at`) in the store's SQL,
    /// when it is missing.
    public let trackingTable: String

    public init(_ migrations: [Migration], trackingTable: String) {
        self.trackingTable = trackingTable
        for migration in migrations { register(migration) }
    }

    /// A backend's migrator: `bodies` (in any order) put in the order of `catalogue`, which
    /// must name each of them once (`MigrationNames.all`).
    public init(catalogue: [String], bodies: [Migration], trackingTable: String) {
        precondition(bodies.map(\.name).sorted() == catalogue.sorted(),
                     "the bodies \(bodies.map(\.name)) are not the catalogue's migrations \(catalogue)")
        self.init(catalogue.compactMap { name in bodies.first { $0.name == name } }, trackingTable: trackingTable)
    }

    /// The same store's migrator with only the migrations `isIncluded` keeps (for tests of
    /// stores left at an earlier point).
    public func filter(_ isIncluded: (Migration) -> Bool) -> Migrator {
        Migrator(migrations.filter(isIncluded), trackingTable: trackingTable)
    }

    /// Appends a migration; names are unique.
    public mutating func register(_ migration: Migration) {
        precondition(!migrations.contains { $0.name == migration.name }, "duplicate migration \(migration.name)")
        migrations.append(migration)
    }

    /// Every `_migrations` row in the order applied (empty when the table does not exist).
    public func appliedMigrations(in db: Database) throws -> [AppliedMigration] {
        guard try hasTrackingTable(db) else { return [] }
        return try db.rows("SELECT name, applied_at FROM _migrations ORDER BY id").map {
            AppliedMigration(name: try $0.decode("name"), appliedAt: try $0.decode("applied_at"))
        }
    }

    /// Names of registered migrations not yet applied.
    public func pendingMigrations(in db: Database) throws -> [String] {
        let applied = Set(try appliedMigrations(in: db).map(\.name))
        return migrations.map(\.name).filter { !applied.contains($0) }
    }

    /// Applies every pending migration.
    ///
    /// - throws: `StoreError.migrationFailed` naming the migration (nothing of it is kept);
    ///   `StoreError.busy` when another writer holds the database.
    @discardableResult
    public func migrate(_ db: Database) throws -> MigrationReport {
        if try !hasTrackingTable(db) {
            try db.write { db in try db.execute(trackingTable) }
        }
        var report = MigrationReport()
        let appliedBefore = try appliedMigrations(in: db).map(\.name)
        let known = Set(migrations.map(\.name))
        report.unknown = appliedBefore.filter { !known.contains($0) }
        let done = Set(appliedBefore)
        for migration in migrations where !done.contains(migration.name) {
            do {
                try db.write { db in
                    // Checked again under the write lock: another process may have just applied it.
                    guard try db.scalar("SELECT count(*) FROM _migrations WHERE name = ?", [.text(migration.name)],
                                        as: Int.self) == 0 else { return }
                    try migration.apply(db)
                    try db.execute("INSERT INTO _migrations (name) VALUES (?)", [.text(migration.name)])
                    report.applied.append(migration.name)
                }
            } catch StoreError.sqlite(let failure) {
                throw StoreError.migrationFailed(name: migration.name, underlying: failure)
            }
        }
        return report
    }

    private func hasTrackingTable(_ db: Database) throws -> Bool {
        try db.schemaObjectExists("_migrations", type: .table)
    }
}
