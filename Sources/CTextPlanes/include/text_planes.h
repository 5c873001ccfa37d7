#ifndef TRCAA_TEXT_PLANES_H
#define TRCAA_TEXT_PLANES_H

#include <stddef.h>
#include <stdint.h>

// Bit planes of a text for the PII scan: a bit per byte (bit i % 64 of block i / 64) for each
// class of bytes, made 64 bytes at a time with AVX-512 VBMI, or 32 with AVX2, where the
// processor has them. Swift has no way to compile one function for them and choose it at run time; C does.

/// Bytes of one plane (at most 13 sets): `count` bytes (at most 16), compared after lowering ASCII letters when
/// `caseless` is not 0 (then `bytes` are lower-case).
typedef struct {
    const uint8_t *bytes;
    uint32_t count;
    uint32_t caseless;
} trcaa_byte_set;

/// The planes made before those of the sets.
enum { TRCAA_PLANE_ALNUM, TRCAA_PLANE_DIGIT, TRCAA_PLANE_UPPER, TRCAA_PLANE_SETS };

/// Fills `planes` with `TRCAA_PLANE_SETS + set_count` planes of `blocks` 64-bit blocks each
/// (`blocks * 64 >= count`), plane p's block b at `planes[p * stride + b]`: ASCII letters and
/// digits, digits, upper-case letters, then the bytes of each set. Bits past `count` are
/// clear. `width` is the widest vectors to use: 512 (AVX-512 VBMI), 256 (AVX2) or 0 (byte by
/// byte), each where the processor has it. Returns 0, or -1 (and fills nothing) for more sets
/// or set bytes than a `trcaa_byte_set` allows.
int trcaa_text_planes(const uint8_t *text, size_t count, const trcaa_byte_set *sets, size_t set_count,
                       uint64_t *planes, size_t blocks, size_t stride, int width);

/// The same byte by byte, as processors without AVX2 run it (tests compare the ways).
void trcaa_text_planes_portable(const uint8_t *text, size_t count, const trcaa_byte_set *sets, size_t set_count,
                                uint64_t *planes, size_t blocks, size_t stride);

/// The widest vectors `trcaa_text_planes` can use here: 512, 256 or 0.
int trcaa_text_planes_vectorized(void);

#endif
