import Foundation
import Testing
import TRCAACore

@Suite struct TimelineTests {
    let fixture: CoreFixture
    let issueId: String

    init() throws {
        fixture = try CoreFixture()
        issueId = try fixture.issues.create(IssueDraft(title: "Outage")).id
    }

    @Test func aManualEventIsWrittenWithItsAuditRowAndBumpsTheIssue() throws {
        fixture.clock.advance(90)
        let event = try fixture.timeline.add(issueId: issueId, type: .logUploaded, description: "syslog attached",
                                             metadata: #"{"file_name":"syslog","file_size":2048}"#)
        #expect(try fixture.timeline.list(issueId: issueId).last == event)
        let audit = try #require(try fixture.audit.list().first)
        #expect(audit.action == "log_uploaded" && audit.entityType == "issue" && audit.entityId == issueId)
        #expect(audit.details == #"{"description":"syslog attached","metadata":"{\"file_name\":\"syslog\",\"file_size\":2048}"}"#)
        #expect(try fixture.issues.get(issueId).updatedAt == "2025-01-15 10:01:30")
    }

    @Test func badMetadataIsRefusedAndNothingIsWritten() throws {
        let before = try fixture.timeline.list(issueId: issueId)
        #expect(throws: TriageError.metadataNotJSON) {
            try fixture.timeline.add(issueId: issueId, type: .triageStarted, description: "x", metadata: "{not json")
        }
        let large = "{\"a\":\"" + String(repeating: "x", count: 10_240) + "\"}"
        #expect(throws: TriageError.metadataTooLarge(bytes: large.utf8.count)) {
            try fixture.timeline.add(issueId: issueId, type: .triageStarted, description: "x", metadata: large)
        }
        #expect(throws: TriageError.unknownID(kind: "issue", prefix: "missing")) {
            try fixture.timeline.add(issueId: "missing", type: .triageStarted, description: "x")
        }
        #expect(try fixture.timeline.list(issueId: issueId) == before)
    }

    @Test func eventsKeepTheirOrderWithinOneSecond() throws {
        for index in 1...20 {
            _ = try fixture.timeline.add(issueId: issueId, type: .whyLevelAdvanced, description: "event \(index)")
        }
        let descriptions = try fixture.timeline.list(issueId: issueId).dropFirst().map(\.description)
        #expect(descriptions == (1...20).map { "event \($0)" })
    }

    @Test func durationsFollowTheOriginalsExamples() {
        #expect(IncidentDuration.between("2025-01-15 10:00:00 UTC", "2025-01-15 12:15:00 UTC") == "2h 15m")
        #expect(IncidentDuration.between("2025-01-15 10:00:00 UTC", "2025-01-18 11:00:00 UTC") == "3d 1h")
        #expect(IncidentDuration.between("2025-01-15 10:00:00 UTC", "2025-01-15 10:45:00 UTC") == "45m")
        #expect(IncidentDuration.between("2025-01-15 10:00:00 UTC", "2025-01-15 09:00:00 UTC") == "N/A")
        #expect(IncidentDuration.between("yesterday", "2025-01-15 09:00:00 UTC") == "N/A")
    }
}
