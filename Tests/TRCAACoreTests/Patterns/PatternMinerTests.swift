import Testing
import TRCAACore

/// Grouping lines into patterns: values masked by kind, variable words merged once they vary
/// enough, different messages kept apart, memory bounded.
@Suite struct PatternMinerTests {
    private func mine(_ lines: [String], maximumKeys: Int = 20_000) -> (patterns: [LogPatternSummary], lines: [UInt32]) {
        let text = Array(lines.map { $0 + "\n" }.joined().utf8)
        return text.withUnsafeBytes { PatternScan.mine($0, maximumKeys: maximumKeys) }
    }

    private func templates(_ lines: [String]) -> [String] { mine(lines).patterns.map(\.template) }

    @Test func valuesAreMaskedByKind() {
        let lines = (0..<20).map { "Mar  3 07:01:\(10 + $0) web01 app[9]: sent \($0 * 7) bytes to 10.0.0.\($0) in \($0).5 ms id 0x\($0)f3e" }
        let result = mine(lines)
        #expect(result.patterns.map(\.template) == ["sent <num> bytes to <ip> in <num> <*> id <hex>"])
        #expect(result.patterns[0].count == 20 && result.patterns[0].firstLine == 0 && result.patterns[0].lastLine == 19)
        #expect(Set(result.lines) == [1])
    }

    @Test func namesBeforeValuesStay() {
        #expect(templates(["Deleting blk_-42 and blk_77", "Deleting blk_9 and blk_-3"]) == ["Deleting blk_<num> and blk_<num>"])
        #expect(templates(["state (HWID=1973) ok", "state (HWID=5) ok"]) == ["state (HWID=<num>) ok"])
        #expect(templates(["link on eth0 up", "link on eth1 up"]) == ["link on eth0 up", "link on eth1 up"])
    }

    @Test func aFewDifferentWordsAreDifferentMessages() {
        #expect(templates(["Changing view acls to: ops", "Changing modify acls to: ops"]).count == 2)
        #expect(templates(["session opened for user root", "session closed for user root"]).count == 2)
    }

    @Test func manyDifferentWordsInOnePlaceAreAVariable() {
        let users = ["alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"]
        let result = mine(users.map { "Invalid user \($0) from 10.1.1.\($0.count)" })
        #expect(result.patterns.map(\.template) == ["Invalid user <*> from <ip>"])
    }

    @Test func unitsAndWrittenDatesArePartOfTheirValues() {
        #expect(templates(["stored 93.0 B, free 317.1 KB", "stored 5.4 KB, free 1.2 MB"]) == ["stored <num> <*>, free <num> <*>"])
        #expect(templates(["connect at Sun Jul 17 23:21:54 2005", "connect at Wed Jun 15 02:04:59 2005"])
                == ["connect at <time> <time> <num> <time> <num>"])
    }

    @Test func windowsLineEndsAreNotPartOfTheMessage() {
        #expect(templates(["job 1 done\r", "job 2 done"]) == ["job <num> done"])
    }

    @Test func levelsComeFromTheFirstLine() {
        let result = mine(["2024-02-11 08:15:02,331 ERROR [main] db.Pool: connection 4 refused",
                           "2024-02-11 08:15:03,331 INFO [main] db.Pool: pool started"])
        #expect(result.patterns.map(\.level) == [.error, .none])
    }

    @Test func beyondTheCapNewKindsOfLineGoToOther() {
        // Hostile input: every line a new message of new words.
        var seed: UInt64 = 7
        func word() -> String {
            (0..<6).map { _ in
                seed = seed &* 6364136223846793005 &+ 1442695040888963407
                return Character(Unicode.Scalar(UInt8(97 + (seed >> 33) % 26)))
            }.map(String.init).joined()
        }
        let lines = (0..<3000).map { _ in (0..<(2 + Int(seed % 5))).map { _ in word() }.joined(separator: " ") }
        let result = mine(lines, maximumKeys: 200)
        let other = try? #require(result.patterns.first)
        #expect(other?.isOther == true)
        #expect(result.patterns.count <= 202)  // the cap, one more before merging, and other
        #expect(result.patterns.reduce(0) { $0 + $1.count } == 3000)
        #expect(result.lines.count == 3000)
    }

    @Test func sortsOrderByCountRarityFirstSeenAndLevel() {
        let result = mine(["a ERROR x: boom", "2024-02-11 08:15:02,331 INFO [m] c.C: tick 1", "2024-02-11 08:15:02,331 INFO [m] c.C: tick 2",
                           "2024-02-11 08:15:02,331 WARN [m] c.C: slow 3"])
        #expect(LogPatternSort.count.sorted(result.patterns).first?.template == "tick <num>")
        #expect(LogPatternSort.rare.sorted(result.patterns).first?.count == 1)
        #expect(LogPatternSort.first.sorted(result.patterns).map(\.firstLine) == [0, 1, 3])
        #expect(LogPatternSort.level.sorted(result.patterns).map(\.level) == [.error, .warning, .none])
    }

    @Test func aDiffFindsNewGoneAndChangedPatterns() {
        let good = mine((0..<10).map { "tick \($0)" } + ["started"]).patterns
        let bad = mine((0..<2).map { "tick \($0)" } + ["disk full on /dev/sda1"]).patterns
        let diff = LogPatternDiff(before: good, linesBefore: 11, after: bad, linesAfter: 3)
        #expect(diff.added.map(\.template) == ["disk full on <path>"])
        #expect(diff.removed.map(\.template) == ["started"])
        #expect(diff.changed.map(\.template) == ["tick <num>"])
    }
}
