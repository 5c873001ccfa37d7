import Foundation
import Testing
import TRCAAStore
@testable import TRCAACore

/// `log_stats.pii_counts` read and changed in Swift gives what SQLite's JSON functions gave.
@Suite struct PIICountsTests {
    let fixture: CoreFixture

    init() throws { fixture = try CoreFixture() }

    @Test func parsingKeepsTheStoredOrderAndRenderingGivesTheSameText() {
        let stored = #"{"Email":3,"IPv4":0,"PrivateKey":12}"#
        let counts = PIICounts.parse(stored)
        #expect(counts.map(\.type) == ["Email", "IPv4", "PrivateKey"])
        #expect(counts.map(\.count) == [3, 0, 12])
        #expect(PIICounts.render(counts) == stored)
        #expect(PIICounts.parse(#" { "Email" : 2 , "IPv4":1 } "#).map(\.count) == [2, 1])
        #expect(PIICounts.parse("{}").isEmpty && PIICounts.parse("").isEmpty)
        #expect(PIICounts.total(stored) == 15)
        #expect(PIICounts.detected(stored) == [PIICount(type: "Email", count: 3), PIICount(type: "PrivateKey", count: 12)])
    }

    @Test(.sqlcipherOnly) func takingOffACountWritesWhatJSONSetWrote() throws {
        let db = fixture.workspace.database
        for (stored, type) in [(#"{"Email":3,"IPv4":1}"#, "Email"), (#"{"Email":3,"IPv4":0}"#, "IPv4"),
                               (#"{"Email":3}"#, "Phone"), ("{}", "Email")] {
            let sqlite = try db.scalar(
                "SELECT json_set(?1, '$.' || ?2, max(0, coalesce(json_extract(?1, '$.' || ?2), 0) - 1))",
                [.text(stored), .text(type)], as: String.self)
            #expect(PIICounts.takingOne(type, from: stored) == sqlite, "\(stored) less one \(type)")
        }
    }

    @Test func dismissingASpanTakesItOffTheStoredCounts() throws {
        let issueId = try fixture.issues.create(IssueDraft(title: "Counts")).id
        let text = Array("mail carol@example.org\nmail dave@example.org from 10.0.0.1\n".utf8)
        let log = try fixture.logs.importLog(issueId: issueId, path: try fixture.file("app.log", text))
        let stored = { try fixture.workspace.database.scalar(
            "SELECT pii_counts FROM log_stats WHERE log_file_id = ?", [.text(log.id)], as: String.self) }
        let before = try #require(try stored())
        #expect(try fixture.attachments.list().first?.piiCount == PIICounts.total(before))
        let email = try #require(try fixture.logs.spans(log.id, type: "Email").first)
        try fixture.logs.dismiss(spanIds: [email.id])
        var expected = PIICounts.parse(before)
        let index = try #require(expected.firstIndex { $0.type == "Email" })
        expected[index].count -= 1
        #expect(try stored() == PIICounts.render(expected))
        #expect(try fixture.logs.detail(log.id).piiCounts.first { $0.type == "Email" }?.count == 1)
        #expect(try fixture.attachments.list().first?.piiCount == PIICounts.total(before) - 1)
    }
}
