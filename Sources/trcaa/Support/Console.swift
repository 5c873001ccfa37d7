import Foundation
import Logging

/// Where the CLI writes: results to stdout, messages to stderr.
enum Console {
    /// Diagnostics go to stderr, at the level named by `TRCAA_LOG` (default: warnings only).
    static let logger: Logger = {
        var logger = Logger(label: "trcaa") { StreamLogHandler.standardError(label: $0) }
        let level = ProcessInfo.processInfo.environment["TRCAA_LOG"].flatMap(Logger.Level.init(rawValue:))
        logger.logLevel = level ?? .warning
        return logger
    }()

    /// A message for the user on stderr: `trcaa: <text>`.
    static func notice(_ text: String) {
        FileHandle.standardError.write(Data("trcaa: \(text)\n".utf8))
    }

    /// An error and its hint on stderr.
    static func error(_ report: ErrorReport) {
        var text = "trcaa: \(report.message)\n"
        if let hint = report.hint { text += "hint: \(hint)\n" }
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// One JSON document on stdout, keys in snake_case and sorted.
    static func printJSON<Value: Encodable>(_ value: Value) throws {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        FileHandle.standardOutput.write(try encoder.encode(value))
        FileHandle.standardOutput.write(Data("\n".utf8))
    }
}
