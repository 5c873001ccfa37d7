/// `log_stats.pii_counts`: detections by PII type as a flat JSON object of integers, in the
/// order written (`{"Email":3,"IPv4":1}`). Read and changed in Swift rather than with SQL JSON
/// functions, which differ between database engines.
enum PIICounts {
    /// The members in stored order. Text that is not such an object gives what was read
    /// before the first thing that does not fit.
    static func parse(_ json: String) -> [(type: String, count: Int64)] {
        var counts: [(type: String, count: Int64)] = []
        var bytes = Substring(json).utf8[...]
        func skipSpace() { bytes = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 } }
        func take(_ byte: UInt8) -> Bool {
            skipSpace()
            guard bytes.first == byte else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        guard take(UInt8(ascii: "{")) else { return [] }
        while take(UInt8(ascii: "\"")) {
            guard let close = bytes.firstIndex(of: UInt8(ascii: "\"")) else { break }
            let type = String(decoding: bytes[..<close], as: UTF8.self)
            bytes = bytes[bytes.index(after: close)...]
            guard take(UInt8(ascii: ":")) else { break }
            skipSpace()
            let number = bytes.prefix { $0 == UInt8(ascii: "-") || (0x30...0x39).contains($0) }
            guard let count = Int64(String(decoding: number, as: UTF8.self)) else { break }
            counts.append((type, count))
            bytes = bytes.dropFirst(number.count)
            guard take(UInt8(ascii: ",")) else { break }
        }
        return counts
    }

    /// The types with at least one detection, for `LogFileDetail.piiCounts`.
    static func detected(_ json: String) -> [PIICount] {
        parse(json).filter { $0.count > 0 }.map { PIICount(type: $0.type, count: Int($0.count)) }
    }

    /// All detections, whatever their type.
    static func total(_ json: String) -> Int { Int(parse(json).reduce(0) { $0 + $1.count }) }

    /// `json` with one detection of `type` taken off, never below zero; a type not counted
    /// yet is added with 0.
    static func takingOne(_ type: String, from json: String) -> String {
        var counts = parse(json)
        if let index = counts.firstIndex(where: { $0.type == type }) {
            counts[index].count = max(0, counts[index].count - 1)
        } else {
            counts.append((type, 0))
        }
        return render(counts)
    }

    /// The compact text, as `PackedSpans.countsJSON` writes it.
    static func render(_ counts: [(type: String, count: Int64)]) -> String {
        "{" + counts.map { "\"\($0.type)\":\($0.count)" }.joined(separator: ",") + "}"
    }
}
