import PostgresNIO
import TRCAAStore

extension PostgresStoreConnection {
    /// The server keeps pages and foreign keys itself: what can be checked from here is that
    /// every foreign key of the store's schema is in force — none added NOT VALID (rows from
    /// before it were never checked) and none whose triggers were disabled.
    public func integrityChecks() throws -> [StoreCheck] {
        let result = try run("""
            SELECT c.conrelid::regclass::text, c.conname,
                CASE WHEN EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgconstraint = c.oid AND t.tgenabled = 'D')
                    THEN 'triggers that enforce it are disabled, so the server does not'
                    ELSE 'it was added NOT VALID, so rows from before it were never checked' END
            FROM pg_constraint c
            WHERE c.contype = 'f' AND c.connamespace = current_schema()::regnamespace
                AND (NOT c.convalidated
                     OR EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgconstraint = c.oid AND t.tgenabled = 'D'))
            ORDER BY 1, 2
            """, PostgresBindings())
        let problems = result.rows.map { row in
            let texts = row.makeRandomAccess().map { cell in
                if case .text(let text) = PostgresValues.value(cell) { text } else { "" }
            }
            return "foreign key \(texts[1]) of \(texts[0]): \(texts[2])"
        }
        return [StoreCheck(name: "foreign_key_check", problems: problems, note: "enforced by the server")]
    }
}
