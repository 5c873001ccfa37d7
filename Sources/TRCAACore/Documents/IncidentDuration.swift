import Foundation

/// Durations as documents write them.
public enum IncidentDuration {
    /// The original's `calculate_duration`: whole minutes between two timeline timestamps, as
    /// `describe(seconds:)` writes them; `N/A` when either does not parse or the end is before the start.
    public static func between(_ start: String, _ end: String) -> String {
        guard let from = Timestamp.parse(start), let to = Timestamp.parse(end), to >= from else { return "N/A" }
        let minutes = Int(to.timeIntervalSince(from)) / 60
        return minutes == 0 ? "0m" : describe(seconds: minutes * 60)
    }

    /// `Nd Hh` (a day or more), `Hh Mm` (an hour or more), `Mm`, or `Ns` under a minute;
    /// a negative span is written with a minus sign.
    public static func describe(seconds: Int) -> String {
        if seconds < 0 { return "-" + describe(seconds: -seconds) }
        if seconds < 60 { return "\(seconds)s" }
        let minutes = seconds / 60
        let (days, hours) = (minutes / 1440, minutes % 1440 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes % 60)m" }
        return "\(minutes)m"
    }

    /// From one moment to a later one as timelines show it: `+` then `describe` (`+45s`,
    /// `+12m`, `+3h 5m`, `+2d 4h`), `+0s` when the end comes first.
    public static func gap(from start: Date, to end: Date) -> String {
        "+" + describe(seconds: max(0, Int(end.timeIntervalSince(start))))
    }
}
