import Foundation
import Logging
import Testing
import TestSupport
import TRCAACore
import TRCAAStore

@Suite struct LoggingTests {
    @Test(.sqlcipherOnly) func openingAStoreNeverLogsTheKey() throws {
        let home = NSTemporaryDirectory() + "trcaa-log-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: home) }
        let entries = CapturedLog()
        var logger = Logger(label: "test") { _ in CapturingHandler(log: entries) }
        logger.logLevel = .trace
        let key = "k3y-under-test-\(UUID().uuidString)"
        let workspace = try Workspace.open(WorkspaceOptions(dataDirectory: home), environment: ["TRCAA_DB_KEY": key],
                                           logger: logger)
        _ = try workspace.rekey(to: Passphrase(passphrase: key + "-next"))
        _ = try Workspace.open(WorkspaceOptions(dataDirectory: home), environment: ["TRCAA_DB_KEY": key + "-next"],
                               logger: logger)
        #expect(!entries.lines.isEmpty)
        #expect(!entries.lines.contains { $0.contains(key) })
    }
}

final class CapturedLog: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: [String] = []
    func append(_ line: String) { lock.withLock { stored.append(line) } }
    var lines: [String] { lock.withLock { stored } }
}

struct CapturingHandler: LogHandler {
    let log: CapturedLog
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .trace
    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }
    func log(event: LogEvent) {
        log.append("\(event.level) \(event.message) \(event.metadata ?? [:]) \(metadata)")
    }
}
