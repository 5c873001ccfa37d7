import Foundation
import Glibc

/// The time source of the services; tests pin it.
public struct Clock: Sendable {
    public var now: @Sendable () -> Date

    public init(now: @escaping @Sendable () -> Date) { self.now = now }

    public static let system = Clock { Date() }
}

/// The timestamp formats of the schema: UTC `YYYY-MM-DD HH:MM:SS` (timeline events add ` UTC`,
/// documents use integer milliseconds).
public enum Timestamp {
    /// `2025-01-15 10:00:00`.
    public static func format(_ date: Date) -> String {
        var seconds = time_t(floor(date.timeIntervalSince1970))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", Int(parts.tm_year) + 1900, Int(parts.tm_mon) + 1,
                      Int(parts.tm_mday), Int(parts.tm_hour), Int(parts.tm_min), Int(parts.tm_sec))
    }

    /// `2025-01-15T10:00:00Z`: ISO 8601 in UTC, how trcaa shows a timestamp in JSON and in
    /// detail views (one form, whatever the column stores).
    public static func iso8601(_ date: Date) -> String {
        format(date).replacingOccurrences(of: " ", with: "T") + "Z"
    }

    /// `2025-01-15 10:00:00 UTC`, the timeline's format.
    public static func formatTimeline(_ date: Date) -> String { format(date) + " UTC" }

    /// Milliseconds since the epoch, the documents' format.
    public static func milliseconds(_ date: Date) -> Int64 { Int64((date.timeIntervalSince1970 * 1000).rounded()) }

    /// Parses `YYYY-MM-DD HH:MM:SS`, with or without ` UTC` (or a `T` between date and time).
    public static func parse(_ text: String) -> Date? {
        let trimmed = text.hasSuffix(" UTC") ? String(text.dropLast(4)) : text
        let fields = trimmed.split(whereSeparator: { "- :T".contains($0) }).compactMap { Int($0) }
        guard fields.count == 6, trimmed.count == 19 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(fields[0] - 1900)
        parts.tm_mon = Int32(fields[1] - 1)
        parts.tm_mday = Int32(fields[2])
        parts.tm_hour = Int32(fields[3])
        parts.tm_min = Int32(fields[4])
        parts.tm_sec = Int32(fields[5])
        let seconds = timegm(&parts)
        guard seconds != -1 || fields[0] == 1969 else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}
