#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H

// libcrypto is already in the process through SQLCipher: SHA-256 and PBKDF2 come from it.
#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>

#endif
