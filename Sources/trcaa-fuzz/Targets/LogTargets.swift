#if DEBUG
import Foundation
@testable import TRCAACore
import TRCAAStore

extension FuzzTarget {
    /// Import of raw bytes (gzip or not, blocks of 16 to 4096 bytes): either a clean
    /// `ImportError` or a stored gzip member that inflates to the text, indexed line by line.
    static let gzipInput = FuzzTarget(name: "gzip-input", summary: "log import of gzip or plain bytes") { input in
        let (choice, bytes) = input.splitFirstByte()
        guard let prepared = try? LogService.prepareImport(bytes: bytes, name: "fuzz.log", path: "",
                                                           options: .fuzzing(blockSize: 16 << (choice % 9))) else { return }
        let text = readAll(bytes)
        let stored = readAll(prepared.processed.gzipLayout().pieces.flatMap { $0 })
        require(stored == text, "the stored gzip does not inflate to the imported text")
        require(prepared.processed.indexer.lineCount == FuzzInput.lines(of: text ?? []).count, "line count")
    }

    /// Timestamp and level detection on one line: the level looks at the first 256 bytes only.
    static let logLine = FuzzTarget(name: "log-line", summary: "LogTimestamp and LogLevel of one line") { input in
        input.bytes.withUnsafeBytes { line in
            _ = LogTimestamp.seconds(line)
            let level = LogLevel.classify(line)
            require(level == LogLevel.classify(UnsafeRawBufferPointer(rebasing: line.prefix(256))), "level past byte 256")
        }
    }

    /// The stored-log reader on what an import stored, then on the same BLOB damaged:
    /// truncated, a byte flipped or a stretch zeroed (the input's first bytes say which and where).
    static let storedLog = FuzzTarget(name: "stored-log", summary: "stored-log reader on intact and damaged blobs") { input in
        StoredLogFuzzing.shared.test(input)
    }

    /// Every line of the input, or `nil` when it does not read (damaged gzip).
    private static func readAll(_ bytes: [UInt8]) -> [UInt8]? {
        guard let reader = try? LogInput(bytes: bytes, name: "fuzz.log", path: "") else { return nil }
        var all: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while let count = try? buffer.withUnsafeMutableBytes({ try reader.read(into: $0) }) {
            guard count > 0 else { return all }
            all += buffer[..<count]
        }
        return nil
    }
}

extension LogImportOptions {
    /// Small blocks so a short input spans several; one thread, as libFuzzer wants.
    static func fuzzing(blockSize: Int) -> LogImportOptions {
        var options = LogImportOptions(allowBinary: true)
        options.blockSize = blockSize
        options.compressionThreads = 1
        return options
    }
}

/// A throwaway in-memory store holding one issue, where each input's log is written, read
/// and deleted.
final class StoredLogFuzzing: @unchecked Sendable {
    static let shared = StoredLogFuzzing()
    private let workspace: Workspace
    private let issueId: String
    private let logId = "0190a0b0-0000-7000-8000-00000000f022"

    private init() {
        do {
            workspace = try Workspace.open(WorkspaceOptions(dataDirectory: NSTemporaryDirectory(), databasePath: ":memory:"),
                                           environment: ["TRCAA_DB_KEY": "fuzz"])
            let context = ServiceContext(database: workspace.database, clock: Clock { Date(timeIntervalSince1970: 0) }, user: "fuzz")
            issueId = try IssueService(context: context).create(IssueDraft(title: "Fuzz")).id
        } catch {
            fatalError("cannot open the in-memory store: \(error)")
        }
    }

    /// Input: damage kind and block size, damage position (two bytes, a fraction of the BLOB),
    /// then the text.
    func test(_ input: FuzzInput) {
        guard input.bytes.count >= 3 else { return }
        let choice = Int(input.bytes[0]), position = Int(input.bytes[1]) << 8 | Int(input.bytes[2])
        let text = Array(input.bytes.dropFirst(3))
        guard let prepared = try? LogService.prepareImport(bytes: text, name: "fuzz.log", path: "",
                                                           options: .fuzzing(blockSize: 16 << (choice % 8))) else { return }
        let database = workspace.database
        do {
            try database.write { db in
                try LogService.storeImported(prepared, as: LogFileRow(
                    id: logId, issueId: issueId, fileName: "fuzz.log", filePath: "", fileSize: 0, mimeType: "text/plain",
                    contentHash: "", uploadedAt: "2026-01-01T00:00:00Z"), in: db)
            }
            defer { try? database.execute("DELETE FROM log_files WHERE id = ?", [.text(logId)]) }
            let damage = (choice >> 3) % 4
            if damage != 0 {
                var blob = try database.row("SELECT content_compressed FROM log_files WHERE id = ?", [.text(logId)])!
                    .decode(at: 0, as: [UInt8].self)
                let at = (blob.count * position) >> 16
                switch damage {
                case 1: blob.removeSubrange(at...)
                case 2: blob[at] ^= UInt8(truncatingIfNeeded: choice | 1)
                default:
                    let end = min(blob.count, at + 1 + choice)
                    blob.replaceSubrange(at..<end, with: repeatElement(0, count: end - at))
                }
                try database.execute("UPDATE log_files SET content_compressed = ? WHERE id = ?", [.blob(blob), .text(logId)])
            }
            try read(text, intact: damage == 0, lineHint: position)
        } catch {
            // A damaged log is reported with an error: what the reader must do.
        }
    }

    /// Reads the log every way the viewer does; an intact one must give back the text.
    private func read(_ text: [UInt8], intact: Bool, lineHint: Int) throws {
        let reader = try LogReader(database: workspace.database, logId: logId)
        let lines = FuzzInput.lines(of: text)
        let first = lines.isEmpty ? 0 : lineHint % lines.count
        let some = try reader.lines(first..<(first + 3))
        var streamed: [UInt8] = []
        try reader.stream { streamed += $0 }
        let ranges: [Range<Int64>] = [0..<1, Int64(lineHint % (text.count + 1))..<Int64(text.count + 2)]
        let excerpts = try reader.excerpts(ranges)
        guard intact else { return }
        require(reader.lineCount == lines.count, "line count \(reader.lineCount), expected \(lines.count)")
        require(some.map(\.bytes) == lines[first..<min(lines.count, first + 3)].map(Array.init), "lines from \(first)")
        require(streamed == text, "the streamed text differs")
        require(excerpts[0].bytes == Array(text.prefix(1)), "the first excerpt")
    }
}
#endif
