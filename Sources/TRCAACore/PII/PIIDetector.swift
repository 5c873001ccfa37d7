/// Finds sensitive values in text (SPEC §7): byte offsets, non-overlapping spans.
///
/// Each detector looks for its formats by cheap trigger bytes (`@`, `:`, `.`, digits,
/// keywords) and validates what it finds (Luhn, mod-97, octet ranges, the IPv6 grammar, real
/// TLDs…), so look-alikes — versions, file names, class names, timestamps, ids — stay out.
/// Overlapping candidates are resolved by `PIIType.priority`, then by length.
public enum PIIDetector {
    /// All spans in `text`, sorted by start.
    public static func spans(in text: UnsafeRawBufferPointer) -> [PIISpan] {
        let bytes = ByteText(text)
        var found = Candidates()
        SecretDetectors.scan(bytes, into: &found)
        KeyValueDetector.scan(bytes, into: &found)
        NameDetectors.scan(bytes, into: &found)
        NetworkDetectors.scan(bytes, into: &found)
        NumberDetectors.scan(bytes, into: &found)
        PhoneDetector.scan(bytes, into: &found)
        return found.resolved()
    }

    /// All spans in a string.
    public static func spans(in text: String) -> [PIISpan] {
        var copy = text
        return copy.withUTF8 { spans(in: UnsafeRawBufferPointer($0)) }
    }
}

/// Candidate spans before overlaps are resolved.
struct Candidates {
    private(set) var spans: [PIISpan] = []

    mutating func add(_ type: PIIType, _ start: Int, _ end: Int) {
        guard end > start else { return }
        spans.append(PIISpan(type: type, start: start, end: end))
    }

    /// Whether a span of at least `priority` already covers any of `range`.
    func covers(_ range: Range<Int>, atLeast priority: Int) -> Bool {
        spans.contains { $0.type.priority >= priority && $0.start < range.upperBound && range.lowerBound < $0.end }
    }

    /// Non-overlapping spans: higher priority first, then longer, then earlier. O(n log n):
    /// kept spans stay sorted by start, so a candidate is checked against its two neighbours.
    func resolved() -> [PIISpan] {
        let ordered = spans.sorted {
            ($0.type.priority, $0.length, -$0.start) > ($1.type.priority, $1.length, -$1.start)
        }
        var kept: [PIISpan] = []
        for span in ordered {
            var low = 0, high = kept.count
            while low < high {
                let middle = (low + high) / 2
                if kept[middle].start < span.start { low = middle + 1 } else { high = middle }
            }
            if low > 0, kept[low - 1].end > span.start { continue }
            if low < kept.count, kept[low].start < span.end { continue }
            kept.insert(span, at: low)
        }
        return kept
    }
}
