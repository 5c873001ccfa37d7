/// Lines, errors and warnings of a log over its time — or over its length, when most lines
/// carry no time the viewer can read.
public struct LogHistogram: Sendable, Equatable {
    public struct Bucket: Sendable, Equatable {
        /// `Dec 10 06:55` (the bucket's start), or `line 1` by position.
        public var label: String
        /// The first line (0-based) counted in the bucket.
        public var firstLine: Int?
        public var lines = 0
        public var errors = 0
        public var warnings = 0
    }

    public var buckets: [Bucket]
    public var isByTime: Bool
}

extension LogService {
    /// The histogram of a log in `count` buckets, in one pass over its lines. Lines without a
    /// time (stack traces) count where the last timed line was.
    public func histogram(_ id: String, buckets count: Int = 20) throws -> LogHistogram {
        let reader = try reader(id)
        let count = max(1, count)
        var byPosition = (0..<count).map { LogHistogram.Bucket(label: "line \($0 * max(1, reader.lineCount) / count + 1)") }
        // Per minute, so memory follows the log's span in minutes rather than its lines.
        var minutes: [Int: LogHistogram.Bucket] = [:]
        var timed = 0
        var minute: Int?
        try reader.forEachLine { number, _, bytes in
            let level = LogLevel.classify(bytes)
            if let seconds = LogTimestamp.seconds(bytes) {
                minute = seconds / 60
                timed += 1
            }
            let slot = min(count - 1, number * count / max(1, reader.lineCount))
            Self.count(level, line: number, in: &byPosition[slot])
            if let minute { Self.count(level, line: number, in: &minutes[minute, default: LogHistogram.Bucket(label: "")]) }
            return true
        }
        guard timed * 2 >= reader.lineCount, let first = minutes.keys.min(), let last = minutes.keys.max() else {
            return LogHistogram(buckets: byPosition, isByTime: false)
        }
        let span = last - first + 1
        var byTime = (0..<min(count, span)).map { LogHistogram.Bucket(label: Self.label(minute: first + $0 * span / min(count, span))) }
        for (key, bucket) in minutes {
            let slot = min(byTime.count - 1, (key - first) * byTime.count / span)
            byTime[slot].lines += bucket.lines
            byTime[slot].errors += bucket.errors
            byTime[slot].warnings += bucket.warnings
            byTime[slot].firstLine = min(byTime[slot].firstLine ?? .max, bucket.firstLine ?? .max)
        }
        return LogHistogram(buckets: byTime, isByTime: true)
    }

    private static func count(_ level: LogLevel, line: Int, in bucket: inout LogHistogram.Bucket) {
        bucket.lines += 1
        if level == .error { bucket.errors += 1 }
        if level == .warning { bucket.warnings += 1 }
        if bucket.firstLine == nil { bucket.firstLine = line }
    }

    private static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

    /// `Dec 10 06:55` for a minute of `LogTimestamp`'s clock.
    private static func label(minute: Int) -> String {
        let time = LogTimestamp.fields(seconds: minute * 60)
        return "\(monthNames[time.month - 1]) \(format2(time.day)) \(format2(time.hour)):\(format2(time.minute))"
    }

    private static func format2(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
