import Foundation
import TRCAACore

/// Dates as lists show them: relative ("5m ago") or absolute, and durations between events.
public enum TimeText {
    /// "just now", "5m ago", "3h ago", "2d ago", then the date.
    public static func relative(_ stored: String, now: Date) -> String {
        guard let date = Timestamp.parse(stored) else { return stored }
        let seconds = Int(now.timeIntervalSince(date))
        switch seconds {
        case ..<60: return "just now"
        case ..<3600: return "\(seconds / 60)m ago"
        case ..<86_400: return "\(seconds / 3600)h ago"
        case ..<(30 * 86_400): return "\(seconds / 86_400)d ago"
        default: return String(stored.prefix(10))
        }
    }

    /// The time from one event to the next (`IncidentDuration.gap`), nil when either does not parse.
    public static func duration(from start: String, to end: String) -> String? {
        guard let from = Timestamp.parse(start), let to = Timestamp.parse(end) else { return nil }
        return IncidentDuration.gap(from: from, to: to)
    }
}

/// The details of a timeline event for its pop-up.
enum TimelineText {
    static func details(of event: TimelineEvent) -> String {
        var text = """
            \(event.description)

            When      \(Timestamp.parse(event.createdAt).map(Timestamp.iso8601) ?? event.createdAt)
            Type      \(event.eventType)
            """
        if !event.metadata.isEmpty, event.metadata != "{}" {
            text += "\nMetadata  \(event.metadata)"
        }
        return text
    }
}
