#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// What the scan needs to know of 64 bytes of text before any detector runs, a bit per byte
/// (bit `i` for byte `i`): made with SSE2 on x86-64 (every x86-64 has it), sixteen bytes per
/// comparison; eight bytes per word (`Lanes`) elsewhere and for a text's last bytes.
struct BlockBits {
    /// ASCII letters and digits: the words.
    var alnum: UInt64 = 0
    /// ASCII digits.
    var digits: UInt64 = 0
    /// The bytes that announce a format (`ByteClass.announcerBytes`).
    var announcers: UInt64 = 0

    /// The bits of the 64 bytes at `index` (≥ 0) in `text`; bytes past its end have none.
    @inline(__always) init(_ text: ByteText, at index: Int) {
        assert(index >= 0, "a block starts inside the text")
        #if arch(x86_64)
        if index + 64 <= text.count {
            self.init(vectors: text.base + index)
            return
        }
        #endif
        self.init(lanes: text, from: index)
    }

    /// Eight bytes at a time, in the lanes of a word.
    init(lanes text: ByteText, from index: Int) {
        let buffer = UnsafeBufferPointer(start: text.base, count: text.count)
        for lane in 0..<8 {
            let bytes = Lanes.load(buffer, from: index + lane * 8)
            var announcer: UInt64 = 0
            for offset in 0..<ByteClass.announcerBytes.utf8CodeUnitCount {
                announcer |= Lanes.equal(bytes, ByteClass.announcerBytes.utf8Start[offset])
            }
            let digit = Lanes.digits(bytes)
            alnum |= Self.gathered(digit | Lanes.letters(bytes)) << UInt64(lane * 8)
            digits |= Self.gathered(digit) << UInt64(lane * 8)
            announcers |= Self.gathered(announcer) << UInt64(lane * 8)
        }
    }

    /// The high bits of a word's lanes (the lanes that passed a `Lanes` test), gathered into its low byte.
    @inline(__always) private static func gathered(_ lanes: UInt64) -> UInt64 {
        ((lanes >> 7) &* 0x0102_0408_1020_4080) >> 56
    }

    #if arch(x86_64)
    /// Sixteen bytes per comparison, their results gathered by `pmovmskb`.
    @inline(__always) private init(vectors pointer: UnsafePointer<UInt8>) {
        for lane in 0..<4 {
            let bytes = _mm_loadu_si128(UnsafeRawPointer(pointer + lane * 16).assumingMemoryBound(to: __m128i_u.self))
            let folded = _mm_or_si128(bytes, Self.splat(0x20))  // Upper-case letters to lower-case.
            // A range test is one signed comparison once the range is moved to the bottom of the signed bytes.
            let digit = _mm_cmpgt_epi8(Self.splat(0x80 + 10), _mm_add_epi8(bytes, Self.splat(0x80 - 0x30)))
            let letter = _mm_cmpgt_epi8(Self.splat(0x80 + 26), _mm_add_epi8(folded, Self.splat(0x80 - 0x61)))
            var announcer = _mm_setzero_si128()
            for offset in 0..<ByteClass.announcerBytes.utf8CodeUnitCount {
                announcer = _mm_or_si128(announcer, _mm_cmpeq_epi8(bytes, Self.splat(ByteClass.announcerBytes.utf8Start[offset])))
            }
            alnum |= Self.bits(_mm_or_si128(digit, letter)) << UInt64(lane * 16)
            digits |= Self.bits(digit) << UInt64(lane * 16)
            announcers |= Self.bits(announcer) << UInt64(lane * 16)
        }
    }

    @inline(__always) private static func splat(_ byte: UInt8) -> __m128i { _mm_set1_epi8(Int8(bitPattern: byte)) }

    @inline(__always) private static func bits(_ mask: __m128i) -> UInt64 {
        UInt64(UInt16(truncatingIfNeeded: _mm_movemask_epi8(mask)))
    }
    #endif
}
