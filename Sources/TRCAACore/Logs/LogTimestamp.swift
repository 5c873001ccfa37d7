/// The time a log line starts with, from the formats of common logs: ISO dates
/// (`2015-10-18 18:01:47`, Hadoop, Zookeeper, Windows CBS, OpenStack), syslog and Apache
/// (`Dec 10 06:55:46`), Android (`03-17 16:13:38`), Spark (`17/06/09 20:10:40`), HDFS
/// (`081109 203615`), HealthApp (`20171223-22:15:29`), Proxifier (`[10.30 16:49:06]`) and Unix
/// epoch seconds (BGL, HPC, Thunderbird). As seconds on a clock of twelve 31-day months (see
/// `seconds`), times compare within one log and give back what the line wrote.
public enum LogTimestamp {
    /// A timestamp as a line writes it: `year` is `nil` when the line does not say it (syslog,
    /// Android, Proxifier). No zone: logs rarely write one.
    public struct Fields: Sendable, Equatable {
        public var year: Int?
        public var month, day, hour, minute, second: Int
    }

    /// The first timestamp in the line's first 64 bytes, as seconds that order the lines of one
    /// log: counted on a clock of twelve 31-day months from 1999 (ordered, not exact: enough
    /// to bucket), the year 1999 standing for a year the line does not write, so that
    /// `fields(seconds:)` gives back what it wrote.
    public static func seconds(_ line: UnsafeRawBufferPointer) -> Int? {
        fields(line).map { fields in
            let days = ((fields.year.map { $0 - 1999 } ?? 0) * 12 + fields.month - 1) * 31 + fields.day - 1
            return ((days * 24 + fields.hour) * 60 + fields.minute) * 60 + fields.second
        }
    }

    /// The fields a value of `seconds` was counted from.
    public static func fields(seconds: Int) -> Fields {
        let days = seconds / 86_400
        return Fields(year: days < 372 ? nil : 1999 + days / 372, month: days / 31 % 12 + 1, day: days % 31 + 1,
                      hour: seconds / 3600 % 24, minute: seconds / 60 % 60, second: seconds % 60)
    }

    /// The first timestamp in the line's first 64 bytes, as written.
    public static func fields(_ line: UnsafeRawBufferPointer) -> Fields? {
        let bytes = line.bindMemory(to: UInt8.self)
        let end = min(bytes.count, 64)
        for start in 0..<end where isDigit(bytes, start) || isUpper(bytes, start) {
            if let value = parse(bytes, at: start, end: min(bytes.count, start + 32)) { return value }
        }
        return nil
    }

    private static func parse(_ b: UnsafeBufferPointer<UInt8>, at i: Int, end: Int) -> Fields? {
        func n(_ offset: Int, _ count: Int) -> Int? { number(b, i + offset, count, end) }
        func c(_ offset: Int, _ character: Unicode.Scalar) -> Bool { i + offset < end && b[i + offset] == UInt8(ascii: character) }
        // 2015-10-18 18:01:47 / 2015-10-18T18:01:47
        if let y = n(0, 4), c(4, "-"), let mo = n(5, 2), c(7, "-"), let d = n(8, 2), c(10, " ") || c(10, "T"),
           let h = n(11, 2), c(13, ":"), let mi = n(14, 2), c(16, ":"), let s = n(17, 2) {
            return checked(y, mo, d, h, mi, s)
        }
        // 20171223-22:15:29
        if let y = n(0, 4), let mo = n(4, 2), let d = n(6, 2), c(8, "-"), let h = n(9, 2), c(11, ":"), let mi = n(12, 2),
           c(14, ":"), let s = n(15, 2) {
            return checked(y, mo, d, h, mi, s)
        }
        // 17/06/09 20:10:40
        if let y = n(0, 2), c(2, "/"), let mo = n(3, 2), c(5, "/"), let d = n(6, 2), c(8, " "), let h = n(9, 2), c(11, ":"),
           let mi = n(12, 2), c(14, ":"), let s = n(15, 2) {
            return checked(2000 + y, mo, d, h, mi, s)
        }
        // 081109 203615
        if i == 0, let y = n(0, 2), let mo = n(2, 2), let d = n(4, 2), c(6, " "), let h = n(7, 2), let mi = n(9, 2),
           let s = n(11, 2), c(13, " ") {
            return checked(2000 + y, mo, d, h, mi, s)
        }
        // 03-17 16:13:38 and 10.30 16:49:06
        if let mo = n(0, 2), c(2, "-") || c(2, "."), let d = n(3, 2), c(5, " "), let h = n(6, 2), c(8, ":"), let mi = n(9, 2),
           c(11, ":"), let s = n(12, 2) {
            return checked(nil, mo, d, h, mi, s)
        }
        // Dec 10 06:55:46, Jul  1 09:00:55, Nov 9 12:01:01
        if let mo = month(b, i, end) {
            var j = i + 4
            while j < end, b[j] == 32 { j += 1 }
            let width = j + 1 < end && isDigit(b, j + 1) ? 2 : 1
            if let d = number(b, j, width, end), let h = number(b, j + width + 1, 2, end), let mi = number(b, j + width + 4, 2, end),
               let s = number(b, j + width + 7, 2, end) {
                return checked(nil, mo, d, h, mi, s)
            }
        }
        // 1117838570 (seconds since 1970, 2001–2033)
        if let epoch = n(0, 10), epoch >= 978_307_200, epoch < 2_000_000_000, !(i + 10 < end && isDigit(b, i + 10)),
           i == 0 || !isDigit(b, i - 1) {
            return utc(epoch)
        }
        return nil
    }

    /// The fields when they make a time in 2000–2099 (or without a year), else `nil`.
    private static func checked(_ year: Int?, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int)
        -> Fields?
    {
        guard (2000..<2100).contains(year ?? 2000), (1...12).contains(month), (1...31).contains(day), hour < 24,
              minute < 60, second < 61 else { return nil }
        return Fields(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// The UTC fields of `epoch` seconds (days to a civil date as in Hinnant's `civil_from_days`).
    private static func utc(_ epoch: Int) -> Fields {
        let days = epoch / 86_400, second = epoch % 86_400
        let shifted = days + 719_468
        let era = shifted / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return Fields(year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month,
                      day: dayOfYear - (153 * monthIndex + 2) / 5 + 1,
                      hour: second / 3600, minute: second % 3600 / 60, second: second % 60)
    }

    private static let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]

    private static func month(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int? {
        guard i + 4 <= end, b[i + 3] == 32 else { return nil }
        let word = String(decoding: [b[i] | 0x20, b[i + 1] | 0x20, b[i + 2] | 0x20], as: UTF8.self)
        return months.firstIndex(of: word).map { $0 + 1 }
    }

    private static func number(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ count: Int, _ end: Int) -> Int? {
        guard i >= 0, i + count <= end else { return nil }
        var value = 0
        for k in i..<(i + count) {
            guard isDigit(b, k) else { return nil }
            value = value * 10 + Int(b[k] - 48)
        }
        return value
    }

    private static func isDigit(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { b[i] >= 48 && b[i] <= 57 }
    private static func isUpper(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool { b[i] >= 65 && b[i] <= 90 }
}
