#ifndef TRCAA_TEXT_PLANES_H
#define TRCAA_TEXT_PLANES_H

#include <stddef.h>
#include <stdint.h>

// Bit planes of a text for the PII scan: a bit per byte (bit i % 64 of block i / 64) for each
// class of bytes, made 64 bytes at a time with AVX-512 VBMI, or 32 with AVX2, where the
// processor has them. Swift has no way to compile one function for them and choose it at run
// time; C does.

/// Bytes of one plane: `count` ASCII bytes, compared after lowering ASCII letters when
/// `caseless` is not 0 (then `bytes` are lower-case).
typedef struct {
    const uint8_t *bytes;
    uint32_t count;
    uint32_t caseless;
} trcaa_byte_set;

/// The planes made before those of the sets.
enum { TRCAA_PLANE_ALNUM, TRCAA_PLANE_DIGIT, TRCAA_PLANE_UPPER, TRCAA_PLANE_SETS };

enum { TRCAA_MAX_PLANES = 16, TRCAA_MAX_SET_BYTES = 16 };

/// The planes of each byte value, made once (`trcaa_plane_table_make`) for every text.
typedef struct {
    /// A bit per plane, for each byte value.
    uint16_t planes_of_byte[256];
    uint32_t plane_count;
    /// The bytes of each set's plane, both cases of a caseless set's letters.
    uint8_t set_bytes[TRCAA_MAX_PLANES - TRCAA_PLANE_SETS][TRCAA_MAX_SET_BYTES];
    uint8_t set_byte_counts[TRCAA_MAX_PLANES - TRCAA_PLANE_SETS];
    /// `planes_of_byte` of the ASCII bytes split in its low and high eight planes (the AVX-512 lookups).
    uint8_t ascii_low[128], ascii_high[128];
} trcaa_plane_table;

/// The table of three planes (ASCII letters and digits, digits, upper-case letters) then one
/// per set. Returns 0, or -1 for more planes than `TRCAA_MAX_PLANES`, a set of more bytes
/// (counting both cases) than `TRCAA_MAX_SET_BYTES`, or a byte from 0x80 in a set.
int trcaa_plane_table_make(const trcaa_byte_set *sets, size_t set_count, trcaa_plane_table *table);

/// Fills `planes` with the table's planes of `blocks` 64-bit blocks each (`blocks * 64 >=
/// count`), plane p's block b at `planes[p * stride + b]`. Bits past `count` are clear.
/// `width` is the widest vectors to use: 512 (AVX-512 VBMI), 256 (AVX2) or 0 (byte by byte),
/// each where the processor has it (tests compare the ways).
void trcaa_text_planes(const uint8_t *text, size_t count, const trcaa_plane_table *table,
                       uint64_t *planes, size_t blocks, size_t stride, int width);

/// The widest vectors `trcaa_text_planes` can use here: 512, 256 or 0.
int trcaa_text_planes_vectorized(void);

#endif
