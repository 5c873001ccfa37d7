import Foundation
import Testing
import TRCAAStore
import TestSupport
@testable import TRCAACore

/// Mining during import reads lines on the block workers and groups them in order: the
/// patterns and each line's pattern do not depend on how many workers there are, and are what
/// mining the whole text at once finds.
@Suite struct PatternMiningWorkersTests {
    /// Lines of several header layouts, with values, a few layouts that change from line to
    /// line, and lines longer than a block.
    private let text: [UInt8] = Array((0..<4000).map { index -> String in
        switch index % 7 {
        case 0: String(format: "2024-02-11 08:%02d:%02d,%03d INFO [main] db.Pool: pool %d has %d idle\n", index / 60 % 60, index % 60,
                       index % 1000, index % 9, index % 17)
        case 1: String(format: "Mar  3 07:01:%02d web%02d sshd[%d]: Failed password for user%d from 10.0.%d.%d port %d\n",
                       index % 60, index % 3, 9000 + index, index % 5, index % 250, index % 200, 40000 + index)
        case 2: "- 1117838570 2005.06.03 R02-M1-N\(index % 8)-C:J12-U11 2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO "
            + "instruction cache parity error corrected \(index)\n"
        case 3: "20171223-22:15:\(10 + index % 50):606|Step_LSC|\(30002312 + index)|onStandStepChanged \(index)\n"
        case 4: index % 500 == 4 ? "dump " + String(repeating: "x\(index % 10) ", count: 3000) + "\n"
            : "[Sun Dec 04 04:47:\(10 + index % 50) 2005] [error] mod_jk child workerEnv in error state \(index % 7)\n"
        case 5: "plain message without a header number \(index)\n"
        default: index % 2 == 0 ? "03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogs \(index)\n"
            : "03-17 16:13:38.811  1702  2395 E WindowManager: freezing timed out after \(index) ms\n"
        }
    }.joined().utf8)

    private func importPatterns(workers: Int, blockSize: Int) throws -> LogPatternTable {
        var options = LogImportOptions()
        options.compressionThreads = workers
        options.blockSize = blockSize
        return try LogService.prepareImport(bytes: text, name: "mixed.log", path: "", options: options).processed.patterns
    }

    private func lineIds(_ table: LogPatternTable) throws -> [UInt32] {
        try table.blocks.flatMap { try PackedPatternIds.unpack($0.packed[...], lineCount: $0.lineCount) }
    }

    @Test func oneWorkerOrManyMineTheSamePatternsAndLines() throws {
        let scanned = text.withUnsafeBytes { PatternScan.mine($0) }
        for blockSize in [4096, 64 << 10] {
            let one = try importPatterns(workers: 1, blockSize: blockSize)
            #expect(one.patterns.count > 5)
            #expect(try lineIds(one) == scanned.lines)
            #expect(one.patterns.map(\.template) == scanned.patterns.map(\.template))
            for workers in [2, 4] {
                let many = try importPatterns(workers: workers, blockSize: blockSize)
                #expect(many.patterns == one.patterns)
                #expect(try lineIds(many) == lineIds(one))
                #expect(many.blocks.map(\.firstLine) == one.blocks.map(\.firstLine))
            }
        }
    }

    @Test func aKeptHeaderLayoutGivesTheMessageStartAReadingWould() {
        let lines = ["2024-02-11 08:15:02,331 INFO [main] db.Pool: up", "2024-02-11 08:15:03,331 INFO [main] db.Pool: down",
                     "2024-02-11 08:15:03,331 INFO [main] db.Pool:", "2024-02-11 28:15:03,331 INFO [main] db.Pool: up",
                     "1117838570 node up", "1117838571 node up", "9117838571 node up", "Mar  3 07:01:10 web app[1]: a",
                     "Mar  3 07:01:99 web app[1]: a", "Mar  3 07:01:10 web app[12]: a"]
        var layouts = HeaderLayouts()
        var checks: [TimeCheck] = []
        for line in lines + lines.reversed() + lines {
            let bytes = Array(line.utf8)
            let start = bytes.withUnsafeBufferPointer { layouts.messageStart($0, &checks) }
            #expect(start == bytes.withUnsafeBufferPointer { MessageHeader.messageStart($0) }, "\(line)")
        }
    }

    /// Headers with no `:` to end them, whose readings go on into the message, before messages
    /// whose tokens change a reading (a time, a `key:`, a level, a number, a bracket, `|`) and
    /// messages that only look like those: each line gets the start a reading of it alone finds.
    @Test func messagesThatChangeAReadingGiveTheMessageStartAReadingWould() {
        let header = "[Sun Dec 04 04:47:44 2005] [error] "
        let messages = ["mod_jk child workerEnv in error state 6", "mod_jk child 6", "child 04:47:45 init", "child init: ok",
                        "[req-1] child init", "child [req-1] init", "6 child init", "- child init", "child ERROR init",
                        "child E init", "a b c d e f g 04:47:45", "a b c d e f g h i 04:47:45", "a b c d e f g: ok", "child",
                        "x|y|z a b", "1117838570 a", "a 1117838570", "a 9117838570", "a [Sun Dec 04 04:47:44 2005] b",
                        // Tokens that begin alike.
                        "6x child init", "[req-1 child init", "-x child init", "child [req-1 init", "Ex child init", "z a b", "z|w a b", "|z a b"]
        let lines = messages.map { header + $0 } + messages.map { "081109 203615 148 " + $0 } + messages
            + messages.map { "2024-02-11 08:15:02 web " + $0 } + messages.map { "Dec 04 04:47:44 host " + $0 }
            + messages.map { "20171223-22:15:29:606|Step_LSC|30002312|" + $0 }
        var layouts = HeaderLayouts()
        var checks: [TimeCheck] = []
        for line in lines + lines.reversed() + lines.shuffled() {
            let bytes = Array(line.utf8)
            let start = bytes.withUnsafeBufferPointer { layouts.messageStart($0, &checks) }
            #expect(start == bytes.withUnsafeBufferPointer { MessageHeader.messageStart($0) }, "\(line)")
        }
    }

    /// Every line of the loghub samples, in order, backwards and shuffled: kept layouts give
    /// each line the message start a reading of it alone finds.
    @Test func everyLoghubLineGetsTheMessageStartAReadingWould() throws {
        let lines = try SharedFiles.loghubLines()
        var layouts = HeaderLayouts()
        var checks: [TimeCheck] = []
        var wrong = 0
        for line in lines + lines.reversed() + lines.shuffled() {
            let (kept, alone) = line.withUnsafeBufferPointer { (layouts.messageStart($0, &checks), MessageHeader.messageStart($0)) }
            if kept != alone, wrong < 5 { Issue.record("\(String(decoding: line, as: UTF8.self)): \(kept), alone \(alone)") }
            wrong += kept != alone ? 1 : 0
        }
        #expect(wrong == 0)
    }

    /// More layouts than are kept, in turn and back again (each slot replaced while others are
    /// tried), and headers longer than a kept reading holds: every line's message start is
    /// the one a reading of it alone finds.
    @Test func keptLayoutsReplacedInTurnGiveTheMessageStartAReadingWould() {
        let components = (0..<9).map { "component\(String(repeating: "x", count: $0)):" }
        let longHost = String(repeating: "h", count: 300)
        var lines: [String] = []
        for round in 0..<3 {
            for (index, component) in components.enumerated() {
                lines.append("2024-02-11 08:15:0\(round),331 INFO \(component) job \(index) done")
                lines.append("Mar  3 07:01:1\(round) web app[\(index)]: a")
            }
            lines.append("2024-02-11 08:15:0\(round),331 \(longHost) INFO db.Pool: up")
            lines.append("2024-02-11 08:15:0\(round),331 INFO [\(longHost)] db.Pool: up")
        }
        var layouts = HeaderLayouts()
        var checks: [TimeCheck] = []
        for line in lines + lines.reversed() {
            let bytes = Array(line.utf8)
            let start = bytes.withUnsafeBufferPointer { layouts.messageStart($0, &checks) }
            #expect(start == bytes.withUnsafeBufferPointer { MessageHeader.messageStart($0) }, "\(line)")
        }
    }
}
