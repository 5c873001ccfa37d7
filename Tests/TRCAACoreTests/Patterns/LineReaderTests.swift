import Testing
import TestSupport
@testable import TRCAACore

/// A line read after others of its shape gets the key a reading of it alone gives: digits in
/// times that read otherwise, and digits of literal words, are not taken for any digit.
@Suite struct LineReaderTests {
    private func alone(_ line: [UInt8]) -> LineKey {
        var reader = LineReader()
        return line.withUnsafeBufferPointer { reader.read($0) }
    }

    @Test func linesOfOneShapeGetTheKeysOfReadingsOfThemAlone() {
        let lines = ["2024-02-11 08:15:02,331 INFO [main] db.Pool: pool 3 up", "2024-02-11 28:15:02,331 INFO [main] db.Pool: pool 3 up",
                     "2024-02-11 08:15:02,331 INFO [main] db.Pool: pool 4 up", "1117838570 node up", "9117838570 node up",
                     "Mar  3 07:01:10 web app[1]: link eth0 up", "Mar  3 07:01:10 web app[1]: link eth1 up",
                     "Mar  3 07:01:99 web app[1]: link eth1 up", "[Sun Dec 04 04:47:44 2005] [error] child 7 in state 6",
                     "[Sun Dec 04 04:47:94 2005] [error] child 7 in state 6", "up 1", "up 2", "eth1 up", "eth2 up",
                     "12:00:01 link up", "12:00:99 link up", ""]
        var reader = LineReader()
        for line in (lines + lines.reversed() + lines).map({ Array($0.utf8) }) {
            let key = line.withUnsafeBufferPointer { reader.read($0) }
            let expected = alone(line)
            #expect(key.messageStart == expected.messageStart && key.hash == expected.hash, "\(String(decoding: line, as: UTF8.self))")
        }
    }

    /// Every line of the loghub samples, in order, backwards and shuffled, gets the message
    /// start, hash and level of a reading of it alone.
    @Test func everyLoghubLineGetsTheKeyOfAReadingOfItAlone() throws {
        let lines = try SharedFiles.loghubLines()
        var reader = LineReader()
        var wrong = 0
        for line in lines + lines.reversed() + lines.shuffled() {
            let key = line.withUnsafeBufferPointer { reader.read($0) }
            let expected = alone(line)
            let same = key.messageStart == expected.messageStart && key.hash == expected.hash && key.level == expected.level
            if !same, wrong < 5 { Issue.record("\(String(decoding: line, as: UTF8.self))") }
            wrong += same ? 0 : 1
        }
        #expect(wrong == 0)
    }

    /// More shapes than the table holds: new shapes replace kept ones, and the time tests of
    /// replaced readings are dropped (past 16 384 of them) while kept ones go on reading theirs.
    @Test func moreShapesThanKeptGetTheKeysOfReadingsOfThemAlone() {
        var reader = LineReader()
        let names = (0..<20_000).map { index in
            String(unsafeUninitializedCapacity: 4) { name in
                var rest = index
                for place in 0..<4 {
                    name[place] = UInt8(ascii: "a") + UInt8(rest % 26)
                    rest /= 26
                }
                return 4
            }
        }
        var wrong = 0
        for round in 0..<2 {
            for (index, name) in names.enumerated() {
                let line = Array("2024-02-11 08:15:0\(round),331 INFO job\(name) \(index) done\(index % 13)".utf8)
                let key = line.withUnsafeBufferPointer { reader.read($0) }
                let expected = alone(line)
                wrong += key.messageStart == expected.messageStart && key.hash == expected.hash ? 0 : 1
            }
        }
        #expect(wrong == 0)
    }
}
