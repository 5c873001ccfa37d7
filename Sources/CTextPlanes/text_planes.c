#include "text_planes.h"

#include <string.h>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

static inline int is_digit(uint8_t byte) { return byte >= '0' && byte <= '9'; }
static inline int is_upper(uint8_t byte) { return byte >= 'A' && byte <= 'Z'; }
static inline int is_lower(uint8_t byte) { return byte >= 'a' && byte <= 'z'; }

static int in_set(const trcaa_byte_set *set, uint8_t byte) {
    uint8_t folded = (set->caseless && is_upper(byte)) ? (uint8_t)(byte | 0x20) : byte;
    for (uint32_t index = 0; index < set->count; index++) {
        if (set->bytes[index] == folded) return 1;
    }
    return 0;
}

int trcaa_plane_table_make(const trcaa_byte_set *sets, size_t set_count, trcaa_plane_table *table) {
    if (TRCAA_PLANE_SETS + set_count > TRCAA_MAX_PLANES) return -1;
    for (size_t set = 0; set < set_count; set++) {
        for (uint32_t index = 0; index < sets[set].count; index++) {
            if (sets[set].bytes[index] >= 0x80) return -1;
        }
    }
    memset(table, 0, sizeof *table);
    table->plane_count = (uint32_t)(TRCAA_PLANE_SETS + set_count);
    for (int value = 0; value < 256; value++) {
        uint8_t byte = (uint8_t)value;
        uint16_t planes = 0;
        if (is_digit(byte) || is_upper(byte) || is_lower(byte)) planes |= 1 << TRCAA_PLANE_ALNUM;
        if (is_digit(byte)) planes |= 1 << TRCAA_PLANE_DIGIT;
        if (is_upper(byte)) planes |= 1 << TRCAA_PLANE_UPPER;
        for (size_t set = 0; set < set_count; set++) {
            if (!in_set(&sets[set], byte)) continue;
            planes |= (uint16_t)(1 << (TRCAA_PLANE_SETS + set));
            if (table->set_byte_counts[set] == TRCAA_MAX_SET_BYTES) return -1;
            table->set_bytes[set][table->set_byte_counts[set]++] = byte;
        }
        table->planes_of_byte[value] = planes;
        if (value < 128) {
            table->ascii_low[value] = (uint8_t)planes;
            table->ascii_high[value] = (uint8_t)(planes >> 8);
        }
    }
    return 0;
}

/// Byte by byte: each byte's planes from the table, a plane's bits of eight bytes gathered by
/// one multiplication (no read-modify-write of a plane per byte).
static void planes_portable(const uint8_t *text, size_t count, const trcaa_plane_table *table, uint64_t *planes,
                            size_t blocks, size_t stride) {
    for (size_t block = 0; block < blocks; block++) {
        uint64_t in_plane[TRCAA_MAX_PLANES] = {0};
        for (size_t lane = 0; lane < 8; lane++) {
            // Eight bytes' planes as two words, a byte a lane: the low eight planes, the high.
            uint64_t low = 0, high = 0;
            for (size_t byte = 0; byte < 8; byte++) {
                size_t index = 64 * block + 8 * lane + byte;
                uint16_t in = index < count ? table->planes_of_byte[text[index]] : 0;
                low |= (uint64_t)(in & 0xff) << (8 * byte);
                high |= (uint64_t)(in >> 8) << (8 * byte);
            }
            for (size_t plane = 0; plane < table->plane_count; plane++) {
                uint64_t lanes = ((plane < 8 ? low : high) >> (plane & 7)) & 0x0101010101010101ULL;
                in_plane[plane] |= (lanes * 0x0102040810204080ULL) >> 56 << (8 * lane);
            }
        }
        for (size_t plane = 0; plane < table->plane_count; plane++) planes[plane * stride + block] = in_plane[plane];
    }
}

#if defined(__x86_64__)

/// The high bits of the bytes of `low` then `high`, gathered.
__attribute__((target("avx2"))) static inline uint64_t bits64(__m256i low, __m256i high) {
    return (uint32_t)_mm256_movemask_epi8(low) | (uint64_t)(uint32_t)_mm256_movemask_epi8(high) << 32;
}

/// Whether each byte is in [low, low + length): one signed comparison once the range is moved
/// to the bottom of the signed bytes.
__attribute__((target("avx2"))) static inline __m256i in_range(__m256i bytes, uint8_t low, uint8_t length) {
    __m256i moved = _mm256_add_epi8(bytes, _mm256_set1_epi8((char)(0x80 - low)));
    return _mm256_cmpgt_epi8(_mm256_set1_epi8((char)(0x80 + length)), moved);
}

/// Sixty-four bytes at `text` (all readable) into block `block` of each plane: ranges for the
/// first planes, a comparison per byte of each set for the others.
__attribute__((target("avx2"))) static inline void planes64(const uint8_t *text, const trcaa_plane_table *table,
                                                            uint64_t *planes, size_t stride, size_t block) {
    __m256i low = _mm256_loadu_si256((const __m256i *)text), high = _mm256_loadu_si256((const __m256i *)(text + 32));
    __m256i case_bit = _mm256_set1_epi8(0x20);
    __m256i low_folded = _mm256_or_si256(low, case_bit), high_folded = _mm256_or_si256(high, case_bit);
    __m256i low_digit = in_range(low, '0', 10), high_digit = in_range(high, '0', 10);
    __m256i low_letter = in_range(low_folded, 'a', 26), high_letter = in_range(high_folded, 'a', 26);
    planes[TRCAA_PLANE_ALNUM * stride + block] = bits64(_mm256_or_si256(low_digit, low_letter), _mm256_or_si256(high_digit, high_letter));
    planes[TRCAA_PLANE_DIGIT * stride + block] = bits64(low_digit, high_digit);
    planes[TRCAA_PLANE_UPPER * stride + block] = bits64(_mm256_andnot_si256(_mm256_cmpeq_epi8(low, low_folded), low_letter),
                                                        _mm256_andnot_si256(_mm256_cmpeq_epi8(high, high_folded), high_letter));
#pragma clang loop vectorize(disable) unroll(disable)
    for (size_t set = 0; set + TRCAA_PLANE_SETS < table->plane_count; set++) {
        __m256i low_hit = _mm256_setzero_si256(), high_hit = _mm256_setzero_si256();
#pragma clang loop vectorize(disable) unroll(disable)
        for (uint32_t index = 0; index < table->set_byte_counts[set]; index++) {
            __m256i byte = _mm256_set1_epi8((char)table->set_bytes[set][index]);
            low_hit = _mm256_or_si256(low_hit, _mm256_cmpeq_epi8(low, byte));
            high_hit = _mm256_or_si256(high_hit, _mm256_cmpeq_epi8(high, byte));
        }
        planes[(TRCAA_PLANE_SETS + set) * stride + block] = bits64(low_hit, high_hit);
    }
}

__attribute__((target("avx2"))) static void planes_avx2(const uint8_t *text, size_t count, const trcaa_plane_table *table,
                                                        uint64_t *planes, size_t blocks, size_t stride) {
    size_t whole = count / 64;
#pragma clang loop vectorize(disable)
    for (size_t block = 0; block < whole; block++) planes64(text + 64 * block, table, planes, stride, block);
    // The last bytes and the blocks after them, from a copy padded with zero bytes (in no plane).
    for (size_t block = whole; block < blocks; block++) {
        uint8_t padded[64] = {0};
        if (block == whole && count > 64 * whole) memcpy(padded, text + 64 * whole, count - 64 * whole);
        planes64(padded, table, planes, stride, block);
    }
}

/// Sixty-four bytes at a time, each byte's planes looked up in the table's 128 ASCII bytes
/// (`vpermi2b`, AVX-512 VBMI): two lookups, then a mask per plane.
__attribute__((target("avx512bw,avx512vbmi"))) static void planes_vbmi(const uint8_t *text, size_t count,
                                                                       const trcaa_plane_table *table, uint64_t *planes,
                                                                       size_t blocks, size_t stride) {
    const __m512i low_first = _mm512_loadu_si512(table->ascii_low), low_second = _mm512_loadu_si512(table->ascii_low + 64);
    const __m512i high_first = _mm512_loadu_si512(table->ascii_high), high_second = _mm512_loadu_si512(table->ascii_high + 64);
    size_t plane_count = table->plane_count;
    __m512i plane_bits[8];
    for (int bit = 0; bit < 8; bit++) plane_bits[bit] = _mm512_set1_epi8((char)(1 << bit));
#pragma clang loop vectorize(disable)
    for (size_t block = 0; block < blocks; block++) {
        // The last bytes are read under a mask (the bytes past the text's end are zero and not read).
        size_t offset = 64 * block, left = offset < count ? count - offset : 0;
        __mmask64 readable = left >= 64 ? ~(__mmask64)0 : (((__mmask64)1 << left) - 1);
        __m512i bytes = left > 0 ? _mm512_maskz_loadu_epi8(readable, text + offset) : _mm512_setzero_si512();
        // Bytes from 0x80 are in no plane; the lookups read only the low seven bits.
        __mmask64 ascii = ~_mm512_movepi8_mask(bytes);
        __m512i in_low = _mm512_permutex2var_epi8(low_first, bytes, low_second);
        __m512i in_high = _mm512_permutex2var_epi8(high_first, bytes, high_second);
        // Unrolled to the most planes there can be, so that each plane's test is independent.
#pragma clang loop unroll(full)
        for (size_t plane = 0; plane < TRCAA_MAX_PLANES; plane++) {
            if (plane >= plane_count) break;
            __m512i in = plane < 8 ? in_low : in_high;
            planes[plane * stride + block] = _mm512_test_epi8_mask(in, plane_bits[plane & 7]) & ascii;
        }
    }
}

int trcaa_text_planes_vectorized(void) {
    if (__builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512vbmi")) return 512;
    return __builtin_cpu_supports("avx2") ? 256 : 0;
}

#else

int trcaa_text_planes_vectorized(void) { return 0; }

#endif

void trcaa_text_planes(const uint8_t *text, size_t count, const trcaa_plane_table *table,
                       uint64_t *planes, size_t blocks, size_t stride, int width) {
#if defined(__x86_64__)
    int usable = trcaa_text_planes_vectorized();
    if (width > usable) width = usable;
    if (width == 512) return planes_vbmi(text, count, table, planes, blocks, stride);
    if (width == 256) return planes_avx2(text, count, table, planes, blocks, stride);
#endif
    planes_portable(text, count, table, planes, blocks, stride);
}
