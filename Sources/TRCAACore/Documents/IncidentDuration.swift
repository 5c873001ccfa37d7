import Foundation

/// The original's `calculate_duration`: whole minutes between two timeline timestamps, as
/// `Nd Hh` (a day or more), `Hh Mm` (an hour or more) or `Mm`; `N/A` when either does not
/// parse or the end is before the start.
public enum IncidentDuration {
    public static func between(_ start: String, _ end: String) -> String {
        guard let from = Timestamp.parse(start), let to = Timestamp.parse(end), to >= from else { return "N/A" }
        let minutes = Int(to.timeIntervalSince(from) / 60)
        let (days, hours) = (minutes / 1440, minutes % 1440 / 60)
        if days > 0 { return "\(days)d \(hours)h" }
        if hours > 0 { return "\(hours)h \(minutes % 60)m" }
        return "\(minutes)m"
    }
}
