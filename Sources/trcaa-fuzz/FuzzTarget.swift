#if DEBUG
import Foundation
/// One fuzz target: the name `scripts/fuzz` selects it by, what it feeds the bytes to, and
/// the test of one input, which traps (a crash, a sanitizer report or a broken rule) when the
/// code under test is wrong and returns quietly otherwise.
struct FuzzTarget: Sendable {
    let name: String
    let summary: String
    let test: @Sendable (_ input: FuzzInput) -> Void

    /// Every target, in the order `--list` shows them.
    static let all: [FuzzTarget] = [
        .piiScan, .redaction, .gzipInput, .storedLog, .packedRecords, .logLine, .patternMiner,
        .image, .trueType, .markdown, .keyDecoder, .pathInput,
    ]

    /// The target named by `--target=NAME` (libFuzzer ignores arguments that start with
    /// `--`); `--list` prints the targets and exits. A missing or unknown name exits with 2.
    static func selected(by arguments: [String]) -> FuzzTarget {
        if arguments.contains("--list") {
            for target in all { print(target.name.padding(toLength: 15, withPad: " ", startingAt: 0) + target.summary) }
            exit(0)
        }
        let name = arguments.last { $0.hasPrefix("--target=") }.map { String($0.dropFirst("--target=".count)) }
        guard let target = all.first(where: { $0.name == name }) else {
            FileHandle.standardError.write(Data("trcaa-fuzz: pass --target=NAME, one of: \(all.map(\.name).joined(separator: ", "))\n".utf8))
            exit(2)
        }
        return target
    }
}

/// Traps with `message` when a rule the target checks does not hold, so libFuzzer keeps the input.
func require(_ condition: @autoclosure () -> Bool, _ message: @autoclosure () -> String) {
    if !condition() { fatalError("rule broken: \(message())") }
}
#endif
