import TestSupport
import Testing
import TRCAAPostgres
import TRCAAStore

/// The content key a server store keeps in `settings`: created once, opened by every client
/// with the team's passphrase, refused to any other.
@Suite(.needsPostgres)
struct PostgresContentKeyTests {
    let server: TestDatabase
    let cell = BlobCell(table: "documents", column: "content_md", key: .text("d1"))

    init() throws {
        server = try TestDatabase(schema: "CREATE TABLE settings (key text PRIMARY KEY, value text NOT NULL DEFAULT '')")
    }

    @Test func theFirstClientCreatesTheKeyAndTheNextOpensTheSameOne() throws {
        let first = try ContentEncryption.open(in: server.db, passphrase: Passphrase(passphrase: "team"), store: "s")
        let second = try ContentEncryption.open(in: try server.open(), passphrase: Passphrase(passphrase: "team"), store: "s")
        #expect(first.wrapped == second.wrapped)
        #expect(try second.sealer.open(first.sealer.seal([1, 2, 3], for: cell), for: cell) == [1, 2, 3])
        let kept = try server.db.scalar("SELECT value FROM settings WHERE key = 'store_content_key'", as: String.self)
        #expect(kept == first.wrapped.description)
    }

    @Test func anotherPassphraseIsTheWrongKey() throws {
        _ = try ContentEncryption.open(in: server.db, passphrase: Passphrase(passphrase: "team"), store: "s")
        #expect(throws: StoreError.wrongKey(path: "s")) {
            try ContentEncryption.open(in: try server.open(), passphrase: Passphrase(passphrase: "guess"), store: "s")
        }
    }

    @Test func aRowThatHoldsNoWrappedKeyIsDamage() throws {
        try server.db.execute("INSERT INTO settings VALUES ('store_content_key', 'v1:garbage')")
        #expect(throws: StoreError.self) {
            try ContentEncryption.open(in: server.db, passphrase: Passphrase(passphrase: "team"), store: "s")
        }
    }
}
