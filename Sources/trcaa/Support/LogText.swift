import Foundation
import Glibc
import TRCAACore

/// Shared output of the log commands.
enum LogText {
    /// Buffered raw bytes to stdout (log text is not always UTF-8). A closed pipe
    /// (`trcaa log show … | head`) ends the command quietly.
    final class Output {
        private var buffer: [UInt8] = []

        init() { buffer.reserveCapacity(1 << 16) }

        func write(_ bytes: UnsafeRawBufferPointer) {
            buffer += bytes
            if buffer.count >= 1 << 16 { flush() }
        }

        func write(_ bytes: [UInt8]) { bytes.withUnsafeBytes { write($0) } }

        func flush() {
            var written = 0
            while written < buffer.count {
                let count = buffer.withUnsafeBytes { Glibc.write(STDOUT_FILENO, $0.baseAddress! + written, $0.count - written) }  // Safe: written < count.
                if count < 0, errno == EINTR { continue }
                if count < 0, errno == EPIPE { exit(0) }
                guard count > 0 else { break }
                written += count
            }
            buffer.removeAll(keepingCapacity: true)
        }

        deinit { flush() }
    }

    /// `17 PII spans (IPv4 12, Email 5)` or `no PII found`.
    static func piiSummary(_ log: LogFileDetail) -> String {
        guard log.spanCount > 0 else { return log.summary.redacted ? "PII purged" : "no PII found" }
        let types = log.piiCounts.map { "\($0.type) \($0.count)" }.joined(separator: ", ")
        return "\(counted(log.spanCount, "PII span")) (\(types))"
    }

    /// `log show --info`.
    static func printInfo(_ log: LogFileDetail, in workspace: Workspace) throws {
        let issue = try workspace.issues.get(log.summary.issueId)
        var rows: [(String, String)] = [
            ("Log", log.id),
            ("Name", log.summary.fileName),
            ("Issue", "\(try workspace.issues.key(issue.id))  \(issue.title)"),
            ("Source", log.filePath.isEmpty ? "stdin" : log.filePath
                + (log.sourceWasCompressed == true ? " (gzip, stored decompressed)" : "")),
            ("Uploaded", TimeText.detail(log.summary.uploadedAt)),
            ("Size", "\(ByteSize.describe(log.summary.fileSize)) (\(log.summary.fileSize) bytes)"
                + (log.compressedSize.map { ", stored in \(ByteSize.describe($0))" } ?? "")),
            ("SHA-256", log.summary.contentHash),
            ("Type", log.mimeType),
        ]
        if let lines = log.lineCount {
            rows.append(("Lines", "\(lines) (\(log.errorLines ?? 0) errors, \(log.warningLines ?? 0) warnings)"))
        }
        rows.append(("PII", piiSummary(log)))
        for (label, value) in rows { print(label.padding(toLength: 10, withPad: " ", startingAt: 0) + value) }
    }
}

extension String {
    /// Right-aligned in `width` columns (for line numbers).
    func leftPadded(to width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
}
