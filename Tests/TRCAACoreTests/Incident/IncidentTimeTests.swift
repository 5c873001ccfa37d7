import Foundation
import Testing
@testable import TRCAACore

/// Typed times and log-line times become the instants an analyst means.
@Suite struct IncidentTimeTests {
    let now = Timestamp.parse("2026-12-06 09:00:00")!
    let start = Timestamp.parse("2025-12-10 06:55:46")!

    private func parsed(_ text: String) throws -> String {
        Timestamp.format(try IncidentTime.parse(text, start: start, now: now))
    }

    @Test func everyCommonFormReadsAsUTCUnlessAZoneIsWritten() throws {
        #expect(try parsed("2025-12-10 07:00") == "2025-12-10 07:00:00")
        #expect(try parsed("2025-12-10T07:00:05Z") == "2025-12-10 07:00:05")
        #expect(try parsed("2025-12-10T08:00:05+01:00") == "2025-12-10 07:00:05")
        #expect(try parsed("2025-12-10 02:00:05.123 -0500") == "2025-12-10 07:00:05")
        #expect(try parsed("Dec 10 11:04") == "2025-12-10 11:04:00")  // after now: last year's
        #expect(try parsed("Dec 1 11:04:09") == "2026-12-01 11:04:09")
        #expect(try parsed("Dec 10 2026 11:04") == "2026-12-10 11:04:00")
        #expect(try parsed("07:30") == "2025-12-10 07:30:00")  // on the start's day
        #expect(try parsed("+15m") == "2025-12-10 07:10:46")
        #expect(try parsed("start+1h30m") == "2025-12-10 08:25:46")
        #expect(try parsed("-2d") == "2025-12-08 06:55:46")
        #expect(try parsed("now-5m") == "2026-12-06 08:55:00")
        #expect(try parsed("now") == "2026-12-06 09:00:00")
    }

    @Test func aTypedTimeWithoutAZoneIsInTheZoneGivenAndOneWithAZoneIsNot() throws {
        let tokyo = try #require(TimeZone(identifier: "Asia/Tokyo"))
        let inTokyo = { (text: String) in Timestamp.format(try IncidentTime.parse(text, start: self.start, now: self.now, zone: tokyo)) }
        #expect(try inTokyo("2025-12-10 16:00") == "2025-12-10 07:00:00")
        #expect(try inTokyo("Dec 10 16:00:05") == "2025-12-10 07:00:05")
        #expect(try inTokyo("16:30") == "2025-12-10 07:30:00")  // the start's day in Tokyo
        #expect(try inTokyo("2025-12-10T07:00:00Z") == "2025-12-10 07:00:00")
        #expect(try inTokyo("+15m") == "2025-12-10 07:10:46")
    }

    @Test func aYearlessTwentyNinthOfFebruaryFallsInTheLastLeapYear() throws {
        let imported = Timestamp.parse("2025-03-01 00:00:00")!
        let line = try #require(IncidentTime.ofLogLine("Feb 29 10:00:00 host cron[1]: x", reference: imported))
        #expect(Timestamp.format(line) == "2024-02-29 10:00:00")
    }

    @Test func whatIsNotATimeIsRefusedWithTheReason() {
        for text in ["yesterday-ish", "2025-02-30 10:00", "25:00", "+15x", "", "Foo 10 10:00"] {
            #expect(throws: TriageError.self, "\(text)") { try parsed(text) }
        }
        #expect(throws: TriageError.invalidTime(
            input: "+5m", reason: "the incident has no start yet to count from: give a date and time")) {
            try IncidentTime.parse("+5m", start: nil, now: now)
        }
    }

    @Test func aLogLineGivesItsTimeWithTheYearOfItsImport() throws {
        let imported = Timestamp.parse("2026-01-03 00:00:00")!
        let syslog = try #require(IncidentTime.ofLogLine("Dec 10 06:55:46 LabSZ sshd[24200]: x", reference: imported))
        #expect(Timestamp.format(syslog) == "2025-12-10 06:55:46")
        let iso = try #require(IncidentTime.ofLogLine("2015-10-18 18:01:47,978 INFO [main]", reference: imported))
        #expect(Timestamp.format(iso) == "2015-10-18 18:01:47")
        let epoch = try #require(IncidentTime.ofLogLine("- 1117838570 2005.06.03 R02-M1-N0", reference: imported))
        #expect(Timestamp.format(epoch) == "2005-06-03 22:42:50")
        #expect(IncidentTime.ofLogLine("no time here", reference: imported) == nil)
    }
}
