#ifndef COPENSSL_SHIM_H
#define COPENSSL_SHIM_H

// libcrypto is already in the process through SQLCipher: SHA-256 and PBKDF2 come from it.
// SHA-512's block function (SHA512_Transform) is deprecated in OpenSSL 3 but still exported:
// PBKDF2SHA512 builds SQLCipher's KDF on it.
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/evp.h>
#include <openssl/crypto.h>
#include <openssl/rand.h>
#include <openssl/sha.h>

#endif
