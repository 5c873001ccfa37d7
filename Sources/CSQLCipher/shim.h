#ifndef CSQLCIPHER_SHIM_H
#define CSQLCIPHER_SHIM_H

// sqlite3_key_v2 / sqlite3_rekey_v2 are declared only when SQLITE_HAS_CODEC is defined, and
// SwiftPM drops the -D flags of pkg-config files, so define it here.
#define SQLITE_HAS_CODEC 1
// The explicit path: /usr/include/sqlite3.h (plain SQLite) may exist too.
#include <sqlcipher/sqlite3.h>

// SQLITE_TRANSIENT is a function-pointer cast macro that Swift cannot import.
static inline sqlite3_destructor_type csqlcipher_transient(void) { return SQLITE_TRANSIENT; }

#endif
