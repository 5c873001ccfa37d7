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
        var gaps: [UInt8] = [PackedSpans.columnLayout]
        var lengths: [UInt8] = []
        gaps.reserveCapacity(spans.count * 2 + 1)
        lengths.reserveCapacity(spans.count * 2)
        var previousEnd = firstOffset
        for span in spans {
            PackedSpans.appendVarint(UInt64(span.start - previousEnd), to: &gaps)
            PackedSpans.appendVarint(UInt64(span.end - span.start) << 5 | UInt64(span.type), to: &lengths)
            previousEnd = span.end
        }
        bytes = gaps + lengths
    }

    /// A run as stored: `stored` is `bytes` raw-deflated.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when it does not inflate.
    init(firstOffset: Int64, spanCount: Int, stored: [UInt8]) throws {
        self.firstOffset = firstOffset
        self.spanCount = spanCount
        // Two varints of at most 10 bytes a span, and deflate expands at most 1032 to 1: a
        // damaged count asks for no more than the stored bytes can hold.
        guard spanCount >= 0, spanCount <= stored.count * 516,
              let bytes = ZStream.inflateRaw(stored, capacity: min(spanCount * 20, stored.count * 1032) + 1)
        else {
            throw StoreError.damaged("a packed PII span run does not inflate")
        }
        self.bytes = bytes
    }

    /// The stored form (`StoredSpanRun`).
    var stored: [UInt8] { StoredSpanRun(self).stored }

    /// The spans, in order.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when the bytes are not `spanCount`
    ///   spans in the column layout.
    public func spans() throws -> [PackedSpan] {
        guard bytes.first == PackedSpans.columnLayout else {
            throw StoreError.damaged("a packed PII span run has an unknown layout")
        }
        // Two bytes a span at least.
        guard spanCount >= 0, spanCount <= bytes.count / 2 else { throw StoreError.damaged("a packed PII span run is miscounted") }
        var gaps: [UInt64] = []
        gaps.reserveCapacity(spanCount)
        var index = 1
        for _ in 0..<spanCount {
            guard let gap = PackedSpans.readVarint(bytes, &index) else { throw StoreError.damaged("a packed PII span run ends inside a span") }
            gaps.append(gap)
        }
        var spans: [PackedSpan] = []
        spans.reserveCapacity(spanCount)
        var previousEnd = firstOffset
        for gap in gaps {
            guard let lengthAndType = PackedSpans.readVarint(bytes, &index) else {
                throw StoreError.damaged("a packed PII span run ends inside a span")
            }
            spans.append(try PackedSpans.span(after: previousEnd, gap: gap, lengthAndType: lengthAndType))
            previousEnd = spans[spans.count - 1].end
        }
        guard index == bytes.count else { throw StoreError.damaged("a packed PII span run holds more than its spans") }
        return spans
    }
}

/// A run as its `log_pii_runs` row holds it: the packed bytes raw-deflated at level 1
/// (`StatelessDeflate`; a run's lengths and types repeat, and so do its gaps: 13x smaller on the
/// 100 MB loghub mix). An import keeps its runs so until it writes them: a 500 MB log's 1.4M
/// spans take 1.6 MB instead of 4.4, and the write lock is not held while they are deflated
/// (zlib's level 6 there took 18 ms of a 100 MB import, for 76 KB against 94 KB now).
public struct StoredSpanRun: Sendable, Equatable {
    public var firstOffset: Int64
    public var spanCount: Int
    public var stored: [UInt8]

    public init(_ run: PackedSpanRun) {
        (firstOffset, spanCount) = (run.firstOffset, run.spanCount)
        var deflater = StatelessDeflate.Level1()
        stored = run.bytes.withUnsafeBytes { deflater.deflate($0) }
    }
}

/// Gathers a log's spans, block by block in text order, into runs of about
/// `PackedSpanRunBuilder.runSpans` spans, cut only between blocks. Runs that large fill the
/// overflow pages their rows take (a run per 1 MiB block, ~2.5 KB stored, took a page of its
/// own: 108 pages for 0.24 MB of runs, against ~62 now).
public struct PackedSpanRunBuilder {
    /// About 220 KB packed, 20 KB stored.
    public static let runSpans = 1 << 16

    public private(set) var runs: [StoredSpanRun] = []
    private var pending: [PackedSpan] = []

    public init() {}

    /// Adds the spans that start in the next block (sorted, after all earlier ones).
    public mutating func add(block spans: [PackedSpan]) {
        pending += spans
        if pending.count >= Self.runSpans { closeRun() }
    }

    /// The runs, the last one included.
    public mutating func finish() -> [StoredSpanRun] {
        closeRun()
        return runs
    }

    private mutating func closeRun() {
        guard !pending.isEmpty else { return }
        runs.append(StoredSpanRun(PackedSpanRun(pending)))
        pending.removeAll(keepingCapacity: true)
    }
}

/// The packed form of a run of spans: no value and no id, only where each span is and what it
/// is. A layout byte (`columnLayout`), then each span's gap from the previous span's end (the
/// first span's from the run's first offset, so 0), then each span's `length << 5 | type`, all
/// LEB128 varints. Spans are sorted and never overlap. Gaps apart from lengths and types deflate
/// 4x smaller than the two side by side (100 MB of loghub at zlib's level 6: 59 KB for 286 787
/// spans against 238 KB; stored at level 1 now, 94 KB).
public enum PackedSpans {
    /// The type of each code, as `pii_spans.pii_type` names it. Part of the stored format:
    /// names are only ever appended.
    public static let typeNames = [
        "URL", "Bearer", "ApiKey", "Password", "SSN", "CreditCard", "Email", "MAC", "IPv6", "IPv4", "Phone",
        "Hostname", "IBAN", "JWT", "AWSKey", "PrivateKey",
    ]

    /// The first byte of a run in the column layout. Runs written by migration 108's first form
    /// (a span's two varints side by side) start with the first span's gap, 0; migration 113
    /// moves them to this layout.
    static let columnLayout: UInt8 = 1

    /// The code of a `pii_type` name, if it has one.
    public static func code(of typeName: String) -> UInt8? {
        typeNames.firstIndex(of: typeName).map(UInt8.init)
    }

    /// The span a gap and a `length << 5 | type` describe, after one that ended at `previousEnd`.
    ///
    /// - throws: `StoreError.sqlite` with `SQLITE_CORRUPT` when it would end past 2^62.
    static func span(after previousEnd: Int64, gap: UInt64, lengthAndType: UInt64) throws -> PackedSpan {
        let limit: UInt64 = 1 << 62
        let length = lengthAndType >> 5
        guard previousEnd >= 0, gap < limit, length < limit, UInt64(previousEnd) + gap + length < limit else {
            throw StoreError.damaged("a packed PII span run holds a span past any log's end")
        }
        let start = previousEnd + Int64(gap)
        return PackedSpan(start: start, end: start + Int64(length), type: UInt8(lengthAndType & 31))
    }

    package static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7f) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    package static func readVarint(_ bytes: [UInt8], _ index: inout Int) -> UInt64? {
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
