#if arch(x86_64)
import _Builtin_intrinsics.intel
#endif
import Glibc

extension ByteText {
    /// The end (exclusive) of the first `needle` at or after `from` that ends by `limit` at the
    /// latest. On x86-64, sixteen positions at a time are kept only where both the needle's
    /// first and last bytes stand (SSE2), so that a byte frequent in logs (the `-` of `-----`)
    /// costs no call per hit.
    func end(ofFirst needle: [UInt8], from: Int, before limit: Int = .max) -> Int? {
        guard let first = needle.first, let last = needle.last else { return nil }
        let stop = min(count, limit)
        var index = max(from, 0)
        #if arch(x86_64)
        let firsts = _mm_set1_epi8(Int8(bitPattern: first)), lasts = _mm_set1_epi8(Int8(bitPattern: last))
        while index + needle.count - 1 + 16 <= stop {
            let starts = _mm_loadu_si128(UnsafeRawPointer(base + index).assumingMemoryBound(to: __m128i_u.self))
            let ends = _mm_loadu_si128(UnsafeRawPointer(base + index + needle.count - 1).assumingMemoryBound(to: __m128i_u.self))
            var candidates = UInt32(bitPattern: _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(starts, firsts), _mm_cmpeq_epi8(ends, lasts))))
            while candidates != 0 {
                let position = index + candidates.trailingZeroBitCount
                if isNeedle(needle, at: position) { return position + needle.count }
                candidates &= candidates &- 1
            }
            index += 16
        }
        #endif
        // One `memchr` per byte like the needle's first where the needle still fits (the last
        // bytes on x86-64).
        while index + needle.count <= stop {
            guard let hit = memchr(base + index, Int32(first), stop - needle.count + 1 - index) else { return nil }
            let position = UnsafeRawPointer(hit) - UnsafeRawPointer(base)
            if isNeedle(needle, at: position) { return position + needle.count }
            index = position + 1
        }
        return nil
    }

    /// Whether `needle` stands at `position`, which leaves room for it.
    @inline(__always) private func isNeedle(_ needle: [UInt8], at position: Int) -> Bool {
        needle.withUnsafeBufferPointer { memcmp(base + position, $0.baseAddress!, needle.count) == 0 }  // Safe: not empty.
    }
}
