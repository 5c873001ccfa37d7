import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa patterns …`: the pattern miner on its own, without the store.
struct PatternsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "patterns",
        abstract: "Group a log's lines into message patterns without storing it.",
        subcommands: [Scan.self]
    )
}

extension PatternsCommand {
    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Read a log on stdin and print its patterns.",
            discussion: """
                By default prints one line per pattern, most frequent first: COUNT, ID, TEMPLATE. With \
                --per-line, prints one line per input line: PATTERN_ID<TAB>TEMPLATE (the evaluation interface). \
                Variables show as <num>, <ip>, <hex>, <time> or <*>; pattern 0 is "other", the lines left \
                ungrouped when a log holds too many kinds of message.
                """)

        @Flag(help: "Print each input line's pattern id and template.") var perLine = false

        mutating func run() throws {
            try reportingErrors {
                let data = FileHandle.standardInput.readDataToEndOfFile()
                let (patterns, lines) = data.withUnsafeBytes { PatternScan.mine($0) }
                var output: [UInt8] = []
                if perLine {
                    var rendered = [[UInt8]](repeating: [], count: (patterns.map(\.id).max() ?? 0) + 1)
                    for pattern in patterns { rendered[pattern.id] = Array("\(pattern.id)\t\(pattern.template)\n".utf8) }
                    output.reserveCapacity(lines.count * 64)
                    for id in lines {
                        output.append(contentsOf: rendered[Int(id)])
                        if output.count > 1 << 20 { flush(&output) }
                    }
                } else {
                    for pattern in patterns.sorted(by: { ($0.count, $1.id) > ($1.count, $0.id) }) {
                        output.append(contentsOf: "\(pattern.count)\t\(pattern.id)\t\(pattern.template)\n".utf8)
                    }
                }
                flush(&output)
            }
        }

        private func flush(_ output: inout [UInt8]) {
            FileHandle.standardOutput.write(Data(output))
            output.removeAll(keepingCapacity: true)
        }
    }
}
