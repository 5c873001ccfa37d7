import Foundation
import Glibc
import TRCAACore

/// One self-updating line on stderr for long work: percentage, amount, rate and ETA, like
/// `pv`. Shown only when stderr is a terminal and the work is large; at most ten updates a
/// second; erased when done.
final class ProgressLine {
    private let label: String
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    /// Work smaller than this finishes before a progress line would help.
    static let threshold: Int64 = 32 << 20

    init(label: String, quiet: Bool) {
        self.label = label
        enabled = !quiet && isatty(STDERR_FILENO) == 1
    }

    /// Reports `done` of `total` (when known) bytes.
    func update(_ done: Int64, of total: Int64?) {
        guard enabled, max(total ?? 0, done) >= Self.threshold else { return }
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        var text = "\(label)  "
        if let total, total > 0 {
            let percent = min(100, Int(Double(done) * 100 / Double(total)))
            let remaining = rate > 0 ? Double(total - done) / rate : 0
            text += "\(percent)%  \(ByteSize.describe(done)) of \(ByteSize.describe(total))  \(ByteSize.describe(Int64(rate)))/s  ETA \(Self.duration(remaining))"
        } else {
            text += "\(ByteSize.describe(done))  \(ByteSize.describe(Int64(rate)))/s"
        }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
        drawn = true
    }

    /// Erases the line.
    func finish() {
        guard drawn else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
        drawn = false
    }

    private static func duration(_ seconds: Double) -> String {
        let whole = Int(seconds.rounded(.up))
        return whole < 60 ? "\(whole)s" : "\(whole / 60)m\(String(format: "%02d", whole % 60))s"
    }
}
