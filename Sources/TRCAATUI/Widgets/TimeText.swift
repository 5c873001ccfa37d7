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

    /// A duration such as "+45s", "+12m", "+3h05m", "+2d4h".
    public static func duration(from start: String, to end: String) -> String? {
        guard let a = Timestamp.parse(start), let b = Timestamp.parse(end) else { return nil }
        let seconds = max(0, Int(b.timeIntervalSince(a)))
        switch seconds {
        case ..<60: return "+\(seconds)s"
        case ..<3600: return "+\(seconds / 60)m"
        case ..<86_400: return String(format: "+%dh%02dm", seconds / 3600, seconds % 3600 / 60)
        default: return "+\(seconds / 86_400)d\(seconds % 86_400 / 3600)h"
        }
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
