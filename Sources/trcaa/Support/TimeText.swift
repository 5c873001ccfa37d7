import Foundation
import Glibc
import TRCAACore

/// How the CLI shows a timestamp, whatever form its column stores (text, text with ` UTC`,
/// epoch milliseconds): one form per output.
/// - JSON and detail views (`issue show`, `log show --info`, `image show`, `audit head`): ISO
///   8601 in UTC, `2025-01-15T10:00:00Z` (`ISOTimestamp` does it for JSON).
/// - Lists of things (issues, logs, images, documents, attachments): relative, `3h ago`.
/// - Chronological tables (timeline, audit): local time, `2025-01-15 11:00:00`, with the zone
///   in the column's header (`TimeText.localHeader`).
enum TimeText {
    /// `2025-01-15T10:00:00Z`; `—` for none.
    static func detail(_ value: some StoredTimestamp) -> String {
        value.date.map(Timestamp.iso8601) ?? shown(value)
    }

    /// "just now", "5m ago", "3h ago", "2d ago", or the date (UTC) for anything older than 30
    /// days or in the future.
    static func relative(_ value: some StoredTimestamp, now: Date = Date()) -> String {
        guard let date = value.date else { return shown(value) }
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<(-60): return String(Timestamp.format(date).prefix(10))
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60)m ago"
        case ..<86_400: return "\(seconds / 3600)h ago"
        case ..<(30 * 86_400): return "\(seconds / 86_400)d ago"
        default: return String(Timestamp.format(date).prefix(10))
        }
    }

    /// `2025-01-15 11:00:00` in the local time zone (`TZ`).
    static func local(_ value: some StoredTimestamp) -> String {
        guard let date = value.date else { return shown(value) }
        return strftime("%Y-%m-%d %H:%M:%S", date)
    }

    /// `TIME (CET)`: the header of a column of `local` times.
    static var localHeader: String { "TIME (\(strftime("%Z", Date())))" }

    /// A value that holds no time, as stored.
    private static func shown(_ value: some StoredTimestamp) -> String {
        switch value {
        case let text as String: text
        default: "—"
        }
    }

    private static func strftime(_ format: String, _ date: Date) -> String {
        var seconds = time_t(floor(date.timeIntervalSince1970))
        var parts = tm()
        localtime_r(&seconds, &parts)
        var buffer = [CChar](repeating: 0, count: 64)
        let count = Glibc.strftime(&buffer, buffer.count, format, &parts)
        return String(decoding: buffer.prefix(count).map(UInt8.init(bitPattern:)), as: UTF8.self)
    }
}
