import Foundation
import Glibc

/// Times of an incident: read from a log line, or typed by a person in any common form.
public enum IncidentTime {
    /// The time a log line starts with, taken as UTC. A year the line does not write (syslog's
    /// `Dec 10 06:55:48`) is the latest one that does not put the line after `reference`, the
    /// moment the log was imported, as syslog readers do.
    public static func ofLogLine(_ line: String, reference: Date) -> Date? {
        var line = line
        guard let fields = line.withUTF8({ LogTimestamp.fields(UnsafeRawBufferPointer($0)) }) else { return nil }
        return date(fields, reference: reference)
    }

    /// Parses a typed time. Accepted, in `zone` unless one is written:
    /// - `2026-12-10 06:55[:48]`, `2026-12-10T06:55:48Z`, `…+01:00`, `… UTC`;
    /// - `Dec 10 06:55[:48]`, `Dec 10 2026 06:55`, and any form a log line starts with (`10.30 16:49:06`…);
    /// - `06:55[:48]`: on the day of `start` (today without one);
    /// - `+15m`, `-1h30m`, `start+2h`: relative to `start`, the incident's start;
    /// - `now`, `now-5m`.
    ///
    /// - throws: `TriageError.invalidTime` saying what is accepted.
    public static func parse(_ input: String, start: Date?, now: Date, zone: TimeZone = TimeZone(identifier: "UTC")!) throws -> Date {
        let text = input.trimmingCharacters(in: .whitespaces)
        if let relative = try self.relative(text, start: start, now: now, input: input) { return relative }
        if let absolute = isoDate(text, zone: zone) { return absolute }
        // The forms below are read as UTC wall-clock times, then moved to `zone`.
        let inZone = { (date: Date) in date.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: date))) }
        let day = (start ?? now).addingTimeInterval(TimeInterval(zone.secondsFromGMT(for: start ?? now)))
        if let clock = clockTime(text, on: day) { return inZone(clock) }
        if let named = monthNameDate(text, reference: now) ?? ofLogLine(text, reference: now) { return inZone(named) }
        throw TriageError.invalidTime(input: input, reason: "not a time trcaa reads")
    }

    /// The moment of `fields` (a log line's time), its year chosen as `ofLogLine` says.
    public static func date(_ fields: LogTimestamp.Fields, reference: Date) -> Date? {
        func make(_ year: Int) -> Date? {
            utc(year: year, month: fields.month, day: fields.day, hour: fields.hour, minute: fields.minute,
                second: fields.second)
        }
        if let year = fields.year { return make(year) }
        // The latest year in which the day exists (29 February) and that is not after the
        // reference (plus a day of clock skew).
        let thisYear = Calendar.utc.component(.year, from: reference)
        let latest = reference.addingTimeInterval(86_400)
        return (0...4).lazy.compactMap { make(thisYear - $0) }.first { $0 <= latest }
    }

    private static func relative(_ text: String, start: Date?, now: Date, input: String) throws -> Date? {
        let lowered = text.lowercased()
        let (anchor, rest): (Date?, Substring)
        if lowered.hasPrefix("now") {
            (anchor, rest) = (now, lowered.dropFirst(3))
        } else if lowered.hasPrefix("start") {
            (anchor, rest) = (start, lowered.dropFirst(5))
        } else if lowered.hasPrefix("+") || lowered.hasPrefix("-") {
            (anchor, rest) = (start, Substring(lowered))
        } else {
            return nil
        }
        let offset = rest.trimmingCharacters(in: .whitespaces)
        guard let anchor else {
            throw TriageError.invalidTime(input: input, reason: "the incident has no start yet to count from: give a date and time")
        }
        if offset.isEmpty { return anchor }
        guard let sign = offset.first, sign == "+" || sign == "-",
              let seconds = duration(offset.dropFirst().trimmingCharacters(in: .whitespaces)) else {
            throw TriageError.invalidTime(input: input, reason: "write an offset such as +15m, -1h30m or +2d")
        }
        return anchor.addingTimeInterval(TimeInterval(sign == "+" ? seconds : -seconds))
    }

    /// `90s`, `15m`, `1h30m`, `2d`: seconds; `nil` for anything else.
    static func duration(_ text: String) -> Int? {
        let units: [Character: Int] = ["s": 1, "m": 60, "h": 3600, "d": 86_400]
        var total = 0, number: Int?
        for character in text {
            if let digit = character.wholeNumberValue {
                number = (number ?? 0) * 10 + digit
                guard number! < 1_000_000 else { return nil }
            } else if let unit = units[character], let value = number {
                total += value * unit
                number = nil
            } else if character != " " {
                return nil
            }
        }
        return number == nil && !text.isEmpty ? total : nil
    }

    /// `YYYY-MM-DD HH:MM[:SS]` with `T` or a space, optional fraction, and `Z`, `UTC` or
    /// `±HH[:]MM` (else in `zone`).
    private static func isoDate(_ text: String, zone: TimeZone) -> Date? {
        let pattern = #/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|UTC|[+-]\d{2}:?\d{2})?$/#
        guard let match = text.wholeMatch(of: pattern.ignoresCase()),
              let date = utc(year: Int(match.1)!, month: Int(match.2)!, day: Int(match.3)!, hour: Int(match.4)!,
                             minute: Int(match.5)!, second: match.6.flatMap { Int($0) } ?? 0) else { return nil }
        guard let written = match.7 else { return date.addingTimeInterval(-TimeInterval(zone.secondsFromGMT(for: date))) }
        guard written.count > 3 else { return date }  // Z, UTC
        let digits = written.filter(\.isNumber)
        let offset = (Int(digits.prefix(2))! * 60 + Int(digits.suffix(2))!) * 60
        return date.addingTimeInterval(TimeInterval(written.hasPrefix("-") ? offset : -offset))
    }

    /// `Dec 10 11:04[:48]` or `Dec 10 2026 11:04`: syslog's form, seconds and year optional.
    private static func monthNameDate(_ text: String, reference: Date) -> Date? {
        let pattern = #/([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2})(?:,?\s+(\d{4}))?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?/#
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        guard let match = text.wholeMatch(of: pattern),
              let month = months.firstIndex(of: match.1.lowercased()) else { return nil }
        let fields = LogTimestamp.Fields(year: match.3.flatMap { Int($0) }, month: month + 1, day: Int(match.2)!,
                                         hour: Int(match.4)!, minute: Int(match.5)!, second: match.6.flatMap { Int($0) } ?? 0)
        return date(fields, reference: reference)
    }

    /// `HH:MM[:SS]` on the UTC day of `day`.
    private static func clockTime(_ text: String, on day: Date) -> Date? {
        guard let match = text.wholeMatch(of: #/(\d{1,2}):(\d{2})(?::(\d{2}))?/#) else { return nil }
        let parts = Calendar.utc.dateComponents([.year, .month, .day], from: day)
        return utc(year: parts.year!, month: parts.month!, day: parts.day!, hour: Int(match.1)!, minute: Int(match.2)!,
                   second: match.3.flatMap { Int($0) } ?? 0)
    }

    private static func utc(year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) -> Date? {
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = timegm(&parts)
        // timegm normalises 31 February into March: refuse days the month does not have.
        guard parts.tm_mday == Int32(day) else { return nil }
        return Date(timeIntervalSince1970: TimeInterval(seconds))
    }
}

extension Calendar {
    /// The Gregorian calendar in UTC.
    static let utc: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}
