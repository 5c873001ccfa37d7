import Foundation
import Testing
import TRCAACore
import TRCAAStore
import TestSupport

/// What a server store keeps sealed (issue #19): log text, image bytes, document bodies,
/// reviewed PII values and pattern templates leave the client encrypted, bound to their rows,
/// and come back whole to a client holding the key.
@Suite(.needsPostgres) struct ServerSealingTests {
    let fixture: CoreFixture
    let issueId: String
    /// Words found only in the content, never in a field the server may read.
    static let logWord = "zebraunicorn", email = "carol.secret@example.org", imageWord = "zebraimage", docWord = "zebradocument"

    init() throws {
        fixture = try CoreFixture(store: .postgres)
        issueId = try fixture.issues.create(IssueDraft(title: "Checkout 504s")).id
    }

    @discardableResult
    private func psql(_ sql: String) throws -> String {
        try PostgresTestCluster.shared().psql(try #require(fixture.serverDatabase).name, sql)
    }

    /// A log, an image, the RCA with a line of the analyst's and a dismissed e-mail address.
    private func storeContent() throws -> (log: String, image: String, rca: String, postmortem: String, png: [UInt8]) {
        let text = (0..<400).map { "2025-01-15 10:00:\(String(format: "%02d", $0 % 60)) INFO \(Self.logWord) request \($0) served\n" }
            .joined() + "2025-01-15 10:01:00 ERROR login failed for \(Self.email)\n"
        let log = try fixture.logs.importLog(issueId: issueId, path: try fixture.file("app.log", Array(text.utf8))).summary.id
        let email = try #require(try fixture.logs.spans(log, type: "Email").first)
        _ = try fixture.logs.dismiss(spanIds: [email.id])
        let png = ImageSamples.png(640, 480) + Array(Self.imageWord.utf8)
        let image = try fixture.images.attach(issueId: issueId, path: try fixture.file("screen.png", png)).id
        let rca = try fixture.documents.generate(.rca, issueId: issueId).document
        try fixture.documents.save(rca.id, content: rca.contentMd + "\n\(Self.docWord)\n")
        let postmortem = try fixture.documents.generate(.postmortem, issueId: issueId).document.id
        return (log, image, rca.id, postmortem, png)
    }

    @Test func theServerHoldsNoneOfTheContentAndTheClientReadsItBack() throws {
        let stored = try storeContent()
        let dump = try PostgresTestCluster.shared().dataDump(try #require(fixture.serverDatabase).name)
        for word in [Self.logWord, Self.email, Self.imageWord, Self.docWord] {
            let hex = word.utf8.map { String(format: "%02x", $0) }.joined()
            #expect(!dump.contains(word) && !dump.contains(hex), "\(word) is on the server")
        }
        // Each sealed column holds the sealed forms: segments for BLOBs, `trcaa:v1:` for text.
        #expect(try psql("""
            SELECT encode(substring(content_compressed FROM 1 FOR 8), 'escape') FROM log_files
            UNION ALL SELECT encode(substring(image_data FROM 1 FOR 8), 'escape') FROM image_attachments
            UNION ALL SELECT encode(substring(patterns FROM 1 FOR 8), 'escape') FROM log_pattern_sets
            """).split(separator: "\n") == ["TRCAASEG", "TRCAASEG", "TRCAASEG"])
        #expect(try psql("""
            SELECT count(*) FROM documents WHERE content_md NOT LIKE 'trcaa:v1:%';
            SELECT count(*) FROM pii_spans WHERE original_value LIKE 'trcaa:v1:%' AND replacement LIKE 'trcaa:v1:%';
            """) == "0\n1\n")

        let lines = try fixture.logs.lines(stored.log, 0..<401)
        #expect(lines.count == 401 && String(decoding: lines[400].bytes, as: UTF8.self).contains(Self.email))
        #expect(try fixture.images.data(stored.image) == stored.png)
        let image = try fixture.images.detail(stored.image)
        #expect(image.width == 640 && image.height == 480, "the type and size come from the sealed bytes' first segment")
        #expect(try fixture.documents.get(stored.rca).contentMd.contains(Self.docWord))
        #expect(try fixture.logs.patterns(stored.log).contains { $0.template.contains(Self.logWord) })
        #expect(String(decoding: try run(["gzip", "-dc"], input: try fixture.storedGzip(stored.log)).output, as: UTF8.self)
            .contains(Self.logWord))
    }

    /// The server cannot move a sealed value to another row, nor alter one: the client says
    /// which value is damaged instead of showing another row's content.
    @Test func aValueMovedOrAlteredOnTheServerIsReportedAsDamage() throws {
        let stored = try storeContent()
        try psql("UPDATE documents SET content_md = (SELECT content_md FROM documents WHERE id = '\(stored.rca)') WHERE id = '\(stored.postmortem)'")
        #expect(throws: StoreError.self) { try fixture.documents.get(stored.postmortem) }
        #expect(try fixture.documents.get(stored.rca).contentMd.contains(Self.docWord))

        try psql("UPDATE image_attachments SET image_data = overlay(image_data PLACING '\\xff'::bytea FROM octet_length(image_data) - 20)")
        #expect(throws: StoreError.self) { try fixture.images.data(stored.image) }
        try psql("UPDATE log_files SET content_compressed = overlay(content_compressed PLACING '\\x00'::bytea FROM 40)")
        let damaged = #expect(throws: LogContentError.self) { try fixture.logs.lines(stored.log, 0..<1) }
        #expect(damaged.map { "\($0)" }?.contains("does not open with this store's key") == true, "the log's damage says why")
    }

    /// A copy to a file opens every value under the server's key (the file has only SQLCipher's
    /// page encryption), and a copy back seals them under the other server store's own key.
    @Test func aCopyOpensTheContentForAFileAndSealsItAgainForAnotherServer() throws {
        let stored = try storeContent()
        let file = try CoreFixture(store: .sqlcipher)
        _ = try StoreCopy(from: fixture.context, named: "server", into: file.context, named: "file").copyAll()
        #expect(try file.documents.get(stored.rca).contentMd.contains(Self.docWord))
        #expect(try file.images.data(stored.image) == stored.png)
        #expect(Array(try file.storedGzip(stored.log).prefix(2)) == [0x1F, 0x8B])
        #expect(try file.workspace.database.scalar("SELECT count(*) FROM settings WHERE key = 'store_content_key'", as: Int.self) == 0,
                "a store's content key stays its own")

        let other = try CoreFixture(store: .postgres)
        _ = try StoreCopy(from: file.context, named: "file", into: other.context, named: "server 2").copyAll()
        #expect(try other.documents.get(stored.rca).contentMd.contains(Self.docWord))
        #expect(try other.images.data(stored.image) == stored.png)
        #expect(try other.logs.patterns(stored.log).contains { $0.template.contains(Self.logWord) })
        #expect(try other.logs.lines(stored.log, 400..<401).first.map { String(decoding: $0.bytes, as: UTF8.self) }?
            .contains(Self.email) == true)
        #expect(try other.audit.verify().isIntact)
    }
}
