internal import CSQLCipher
internal import CZlib

/// A detected PII span in the packed store (`log_pii_runs`, migration 108): byte offsets into
/// the log's text (end exclusive) and a type code from `PackedSpans.typeNames`.
public struct PackedSpan: Sendable, Equatable {
    public var start: Int64
    public var end: Int64
    public var type: UInt8

    public init(start: Int64, end: Int64, type: UInt8) {
        self.start = start
        self.end = end
        self.type = type
    }
}

/// A run of a log's spans in packed form (a `log_pii_runs` row).
public struct PackedSpanRun: Sendable, Equatable {
    /// Where the run's first span starts.
    public var firstOffset: Int64
    public var spanCount: Int
    public var bytes: [UInt8]

    /// `spans` (sorted, non-overlapping, at least one) packed.
    public init(_ spans: [PackedSpan]) {
        precondition(!spans.isEmpty, "a run holds at least one span")
        firstOffset = spans[0].start
        spanCount = spans.count
        bytes = []
        bytes.reserveCapacity(spans.count * 4)
        var previousEnd = firstOffset
        for span in spans {
            PackedSpans.appendVarint(UInt64(span.start - previousEnd), to: &bytes)
            PackedSpans.appendVarint(UInt64(span.end - span.start) << 5 | UInt64(span.type), to: &bytes)
            previousEnd = span.end
        }
    }

    /// A run as stored: `stored` is `bytes` raw-deflated.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when it does not inflate.
    init(firstOffset: Int64, spanCount: Int, stored: [UInt8]) throws {
        self.firstOffset = firstOffset
        self.spanCount = spanCount
        // Two varints of at most 10 bytes a span.
        guard let bytes = ZStream.inflateRaw(stored, capacity: spanCount * 20 + 1) else {
            throw PackedSpans.damaged("a packed PII span run does not inflate")
        }
        self.bytes = bytes
    }

    /// The stored form: the packed bytes raw-deflated (a block's spans repeat their types,
    /// lengths and gaps: about 4x smaller).
    var stored: [UInt8] { ZStream.deflateRaw(bytes) }

    /// The spans, in order.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when the bytes end inside a span.
    public func spans() throws -> [PackedSpan] {
        var spans: [PackedSpan] = []
        spans.reserveCapacity(spanCount)
        var index = 0
        var previousEnd = firstOffset
        while index < bytes.count {
            guard let gap = PackedSpans.readVarint(bytes, &index), let lengthAndType = PackedSpans.readVarint(bytes, &index) else {
                throw PackedSpans.damaged("a packed PII span run ends inside a span")
            }
            let start = previousEnd + Int64(gap)
            let end = start + Int64(lengthAndType >> 5)
            spans.append(PackedSpan(start: start, end: end, type: UInt8(lengthAndType & 31)))
            previousEnd = end
        }
        return spans
    }
}

/// Gathers a log's spans, block by block in text order, into runs of about
/// `PackedSpanRunBuilder.runSpans` spans, cut only between blocks. Runs that large fill the
/// overflow pages their rows take (a run per 1 MiB block, ~2.5 KB stored, took a page of its
/// own: 108 pages for 0.24 MB of runs, against ~62 now).
public struct PackedSpanRunBuilder {
    /// About 200 KB packed, 55 KB stored.
    public static let runSpans = 1 << 16

    public private(set) var runs: [PackedSpanRun] = []
    private var pending: [PackedSpan] = []

    public init() {}

    /// Adds the spans that start in the next block (sorted, after all earlier ones).
    public mutating func add(block spans: [PackedSpan]) {
        pending += spans
        if pending.count >= Self.runSpans { closeRun() }
    }

    /// The runs, the last one included.
    public mutating func finish() -> [PackedSpanRun] {
        closeRun()
        return runs
    }

    private mutating func closeRun() {
        guard !pending.isEmpty else { return }
        runs.append(PackedSpanRun(pending))
        pending.removeAll(keepingCapacity: true)
    }
}

/// The packed form of a run of spans: no value and no id, only where each span is and what it
/// is. Each span is two LEB128 varints: the gap from the previous span's end (the first
/// span's from the run's first offset, so 0) and `length << 5 | type`. Spans are sorted and
/// never overlap. About 3.3 bytes a span, under 1 once deflated, against ~230 for a
/// `pii_spans` row and its indexes.
public enum PackedSpans {
    /// The type of each code, as `pii_spans.pii_type` names it. Part of the stored format:
    /// names are only ever appended.
    public static let typeNames = [
        "URL", "Bearer", "ApiKey", "Password", "SSN", "CreditCard", "Email", "MAC", "IPv6", "IPv4", "Phone",
        "Hostname", "IBAN", "JWT", "AWSKey", "PrivateKey",
    ]

    static func damaged(_ message: String) -> StoreError {
        .sqlite(SQLiteFailure(code: SQLITE_CORRUPT, message: message, sql: nil))
    }

    /// The code of a `pii_type` name, if it has one.
    public static func code(of typeName: String) -> UInt8? {
        typeNames.firstIndex(of: typeName).map(UInt8.init)
    }

    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    static func readVarint(_ bytes: [UInt8], _ index: inout Int) -> UInt64? {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while index < bytes.count, shift < 64 {
            let byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7f) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        return nil
    }
}
