internal import COpenSSL

/// AES-256-GCM from libcrypto, one value at a time: a random 12-byte nonce, a 16-byte tag, and
/// associated data that binds the value to where it is kept.
enum AESGCM {
    static let nonceLength = 12
    static let tagLength = 16
    /// What sealing adds to a value: its nonce and its tag.
    static let overhead = nonceLength + tagLength

    /// Appends `nonce | ciphertext | tag` of `plaintext` to `out`.
    static func seal(_ plaintext: UnsafeRawBufferPointer, key: SecureBytes, associatedData: [UInt8], appendingTo out: inout [UInt8]) {
        let start = out.count
        out += [UInt8](repeating: 0, count: overhead + plaintext.count)
        out.withUnsafeMutableBytes { buffer in
            let sealed = UnsafeMutableRawBufferPointer(rebasing: buffer[start...])
            guard RAND_bytes(sealed.baseAddress!.assumingMemoryBound(to: UInt8.self), Int32(nonceLength)) == 1 else {
                fatalError("the system random number generator failed")
            }
            let ok = run(encrypting: true, key: key, sealed: UnsafeRawBufferPointer(sealed), associatedData: associatedData) { context in
                var written: Int32 = 0
                let cipher = sealed.baseAddress! + nonceLength
                guard EVP_EncryptUpdate(context, cipher, &written, plaintext.baseAddress, Int32(plaintext.count)) == 1,
                      EVP_EncryptFinal_ex(context, cipher + Int(written), &written) == 1 else { return false }
                return EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_GET_TAG, Int32(tagLength), cipher + plaintext.count) == 1
            }
            precondition(ok, "AES-256-GCM failed in libcrypto")
        }
    }

    /// Writes the plaintext of `sealed` (`nonce | ciphertext | tag`) into `out`, which holds
    /// exactly `sealed.count - overhead` bytes; false when it does not authenticate (altered,
    /// moved, or sealed under another key).
    static func open(_ sealed: UnsafeRawBufferPointer, key: SecureBytes, associatedData: [UInt8],
                     into out: UnsafeMutableRawBufferPointer) -> Bool {
        guard sealed.count >= overhead, out.count == sealed.count - overhead else { return false }
        return run(encrypting: false, key: key, sealed: sealed, associatedData: associatedData) { context in
            var written: Int32 = 0
            let cipher = sealed.baseAddress! + nonceLength
            guard EVP_DecryptUpdate(context, out.baseAddress?.assumingMemoryBound(to: UInt8.self), &written,
                                    cipher.assumingMemoryBound(to: UInt8.self), Int32(out.count)) == 1,
                  EVP_CIPHER_CTX_ctrl(context, EVP_CTRL_GCM_SET_TAG, Int32(tagLength),
                                      UnsafeMutableRawPointer(mutating: cipher + out.count)) == 1 else { return false }
            var last: UInt8 = 0
            return EVP_DecryptFinal_ex(context, &last, &written) == 1
        }
    }

    /// Sets up a cipher context with the key, the nonce at the start of `sealed` and the
    /// associated data, then runs `body` on it.
    private static func run(encrypting: Bool, key: SecureBytes, sealed: UnsafeRawBufferPointer, associatedData: [UInt8],
                            _ body: (OpaquePointer) -> Bool) -> Bool {
        guard let context = EVP_CIPHER_CTX_new() else { return false }
        defer { EVP_CIPHER_CTX_free(context) }
        let nonce = sealed.baseAddress!.assumingMemoryBound(to: UInt8.self)
        let keyed = key.withUnsafeBytes { key in
            let keyBytes = key.baseAddress!.assumingMemoryBound(to: UInt8.self)
            return encrypting
                ? EVP_EncryptInit_ex(context, EVP_aes_256_gcm(), nil, keyBytes, nonce) == 1
                : EVP_DecryptInit_ex(context, EVP_aes_256_gcm(), nil, keyBytes, nonce) == 1
        }
        var written: Int32 = 0
        let update = encrypting ? EVP_EncryptUpdate : EVP_DecryptUpdate
        guard keyed, update(context, nil, &written, associatedData, Int32(associatedData.count)) == 1 else { return false }
        return body(context)
    }
}
