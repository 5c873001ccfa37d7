#ifndef CISAL_SHIM_H
#define CISAL_SHIM_H

#include <isa-l/igzip_lib.h>

// The level buffer size is a macro expression Swift does not import.
static inline unsigned int cisal_level3_buffer_size(void) { return ISAL_DEF_LVL3_DEFAULT; }

#endif
