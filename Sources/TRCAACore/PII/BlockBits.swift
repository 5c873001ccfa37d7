#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif

/// What the scan needs to know of 64 bytes of text before any detector runs, a bit per byte
/// (bit `i` for byte `i`): made with SSE2 on x86-64 (every x86-64 has it), sixteen bytes per
/// comparison; by `ByteText`'s class table elsewhere and for a text's last bytes.
struct BlockBits {
    /// ASCII letters and digits: the words.
    var alnum: UInt64 = 0
    /// ASCII digits.
    var digits: UInt64 = 0
    /// `:` `=` `@` `+` `(`: the bytes that announce a format (`ByteClass.announcer`).
    var announcers: UInt64 = 0

    /// The bits of the 64 bytes at `index` in `text`; bytes past its end have none.
    @inline(__always) init(_ text: ByteText, at index: Int) {
        #if arch(x86_64)
        if index + 64 <= text.count {
            self.init(vectors: text.base + index)
            return
        }
        #endif
        self.init(bytes: text, from: index)
    }

    /// One byte at a time.
    init(bytes text: ByteText, from index: Int) {
        for offset in 0..<64 {
            let byte = text[index + offset]  // 0 past the end: in no class.
            if text.is(byte, .alnum) { alnum |= 1 << UInt64(offset) }
            if text.is(byte, .digit) { digits |= 1 << UInt64(offset) }
            if text.is(byte, .announcer) { announcers |= 1 << UInt64(offset) }
        }
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
            var announcer = _mm_cmpeq_epi8(bytes, Self.splat(UInt8(ascii: ":")))
            for byte in [UInt8(ascii: "="), UInt8(ascii: "@"), UInt8(ascii: "+"), UInt8(ascii: "(")] {
                announcer = _mm_or_si128(announcer, _mm_cmpeq_epi8(bytes, Self.splat(byte)))
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
