#ifndef CISAL_SHIM_H
#define CISAL_SHIM_H

#include <isa-l/crc.h>
#include <isa-l/igzip_lib.h>

// Level 3's buffer with room for 4K tokens, a macro expression Swift does not import. Fewer
// tokens per Huffman table fit the tables to the text more often: on 100 MB of loghub in 1 MiB
// blocks, 11.88 MB against 12.16 MB with ISA-L's default (64K tokens), at the same speed.
static inline unsigned int cisal_level3_buffer_size(void) {
    return ISAL_DEF_LVL3_REQ + ISAL_DEF_LVL3_TOKEN_SIZE * 4 * IGZIP_K;
}

// Level 1's default buffer, likewise a macro expression.
static inline unsigned int cisal_level1_buffer_size(void) {
    return ISAL_DEF_LVL1_DEFAULT;
}

#endif
