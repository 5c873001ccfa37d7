import Testing
@testable import TRCAACore
import TRCAAStore

/// What the desktop import copies is read from the store through its dialect.
@Suite struct DesktopTablePlanTests {
    @Test func aNullTheDesktopAllowedTakesTheStoresDefaultValue() throws {
        let source = try Database.open(path: ":memory:", passphrase: Passphrase(passphrase: ""))
        try source.execute("""
            CREATE TABLE issues (id TEXT PRIMARY KEY, title TEXT NOT NULL, severity TEXT, created_at TEXT, legacy TEXT);
            INSERT INTO issues (id, title) VALUES ('i-1', 'It''s down');
            """)
        let store = try Database.open(path: ":memory:", passphrase: Passphrase(passphrase: ""))
        try Migrator.trcaa.migrate(store)

        let plan = try DesktopTablePlan(source: source, store: store)
        let issues = try #require(plan.tables.first { $0.name == "issues" })
        #expect(plan.tables.map(\.name) == ["issues"])
        #expect(issues.columns == ["id", "title", "severity", "created_at"])
        #expect(plan.droppedColumns == ["issues.legacy"])
        let row = try #require(try source.row("SELECT \(issues.selections.joined(separator: ", ")) FROM issues"))
        #expect(Array(row.values.prefix(3)) == [.text("i-1"), .text("It's down"), .text("medium")])
        #expect(try row.decode(at: 3, as: String.self).count == "2025-01-15 10:00:00".count)
    }
}
