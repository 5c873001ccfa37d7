import Foundation

/// The figures of an incident, from its events in incident time: when impact started, was
/// detected, mitigated and resolved, and the times between. A figure with no event behind it
/// is `nil`: documents say it was not recorded rather than invent it.
public struct IncidentFigures: Sendable, Equatable, Codable {
    @ISOTimestamp public var start: String?
    @ISOTimestamp public var detected: String?
    @ISOTimestamp public var mitigated: String?
    @ISOTimestamp public var resolved: String?
    /// Seconds from the start to detection, mitigation, and resolution (or, until there is
    /// one, mitigation: `durationEndsAtMitigation`).
    public var timeToDetect: Int?
    public var timeToMitigate: Int?
    public var duration: Int?
    public var durationEndsAtMitigation: Bool

    /// The earliest event of each kind decides its figure.
    public init(_ events: [IncidentEvent]) {
        func first(_ kind: IncidentEventKind) -> String? {
            events.filter { $0.kind == kind }.map(\.occurredAt).min()
        }
        let (start, detected, mitigated, resolved) = (first(.impactStarted), first(.detected), first(.mitigated),
                                                      first(.resolved))
        func since(_ end: String?) -> Int? {
            guard let startDate = start?.date, let endDate = end?.date else { return nil }
            return Int(endDate.timeIntervalSince(startDate))
        }
        (self.start, self.detected, self.mitigated, self.resolved) = (start, detected, mitigated, resolved)
        (timeToDetect, timeToMitigate) = (since(detected), since(mitigated))
        duration = since(resolved) ?? since(mitigated)
        durationEndsAtMitigation = resolved == nil && since(mitigated) != nil
    }

    /// Where typed relative times (`+15m`) count from: the impact's start, else the first event.
    public static func anchor(of events: [IncidentEvent]) -> Date? {
        (IncidentFigures(events).start ?? events.map(\.occurredAt).min())?.date
    }

    /// Whether any figure is known.
    public var isEmpty: Bool { start == nil && detected == nil && mitigated == nil && resolved == nil }

    /// The figures as label and text, for the Overview and the documents: unknown ones say
    /// what event would give them.
    public var rows: [(label: String, value: String)] {
        func moment(_ value: String?, _ kind: IncidentEventKind) -> String {
            value.map { Timestamp.parse($0).map(Timestamp.iso8601) ?? $0 } ?? "not recorded (no '\(kind.displayName.lowercased())' event)"
        }
        func span(_ seconds: Int?, needs: String) -> String {
            seconds.map(IncidentDuration.describe(seconds:)) ?? "unknown (needs \(needs))"
        }
        return [
            ("Impact started", moment(start, .impactStarted)),
            ("Detected", moment(detected, .detected)),
            ("Mitigated", moment(mitigated, .mitigated)),
            ("Resolved", moment(resolved, .resolved)),
            ("Time to detect", span(timeToDetect, needs: "start and detection")),
            ("Time to mitigate", span(timeToMitigate, needs: "start and mitigation")),
            ("Duration", durationText),
        ]
    }

    /// The duration, or why it is unknown.
    public var durationText: String {
        duration.map {
            IncidentDuration.describe(seconds: $0) + (durationEndsAtMitigation ? " (to mitigation; not resolved yet)" : "")
        } ?? "unknown (needs start and resolution)"
    }
}
