import Foundation
import Testing
import TRCAACore

/// Times of common log formats: each first line of the loghub samples, and lines without one.
@Suite struct LogTimestampTests {
    private func seconds(_ line: String) -> Int? { Array(line.utf8).withUnsafeBytes { LogTimestamp.seconds($0) } }

    @Test(arguments: [
        "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs",
        "[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok",
        "- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872",
        "081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1",
        "2015-10-18 18:01:47,978 INFO [main] org.apache.hadoop.mapreduce.v2.app",
        "20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579",
        "Jun 14 15:16:01 combo sshd(pam_unix)[19939]: authentication failure",
        "Jul  1 09:00:55 calvisitor-10-105-160-95 kernel[0]: IOThunderboltSwitch",
        "nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO",
        "[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through",
        "17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered",
        "2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack",
    ])
    func commonFormatsHaveATime(line: String) throws {
        let time = try #require(seconds(line), "\(line)")
        // What the line wrote, year or none, comes back from the seconds.
        let written = Array(line.utf8).withUnsafeBytes { LogTimestamp.fields($0) }
        #expect(LogTimestamp.fields(seconds: time) == written, "\(line)")
    }

    @Test func timesOrderWithinAFormatAndPlainTextHasNone() throws {
        let earlier = try #require(seconds("Dec 10 06:55:46 LabSZ sshd[24200]: x"))
        let later = try #require(seconds("Dec 10 07:02:47 LabSZ sshd[24203]: x"))
        #expect(later - earlier == 421)
        #expect(seconds("2015-10-18 18:01:47 a") ?? 0 < seconds("2015-10-19 00:00:00 b") ?? 0)
        #expect(seconds("plain text with 42 and 7:30 in it") == nil)
        // A year outside 2000–2099 is not taken; the month, day and time still order the line.
        #expect((seconds("1999-12-31 23:59:59 before the clock starts") ?? -1) >= 0)
        #expect(seconds("") == nil)
    }

    @Test func epochSecondsGiveTheirUTCDateAndTime() throws {
        var generator = SystemRandomNumberGenerator()
        let formatter = ISO8601DateFormatter()
        for epoch in [1_000_000_000, 1_117_838_570, 1_709_164_800, 1_999_999_999] + (0..<200).map({ _ in
            Int.random(in: 1_000_000_000..<2_000_000_000, using: &generator)
        }) {
            let fields = try #require(Array("\(epoch) R02-M1-N0".utf8).withUnsafeBytes { LogTimestamp.fields($0) })
            let expected = formatter.string(from: Date(timeIntervalSince1970: TimeInterval(epoch)))
            let written = String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", fields.year ?? 0, fields.month, fields.day,
                                 fields.hour, fields.minute, fields.second)
            #expect(written == expected, "\(epoch)")
        }
    }
}
