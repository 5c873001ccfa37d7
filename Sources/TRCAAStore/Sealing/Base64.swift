internal import COpenSSL

/// Standard base64 (RFC 4648, padded) through libcrypto: the text form of sealed values.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        var out = [UInt8](repeating: 0, count: (bytes.count + 2) / 3 * 4 + 1)
        let written = EVP_EncodeBlock(&out, bytes, Int32(bytes.count))
        return String(decoding: out[..<Int(written)], as: UTF8.self)
    }

    /// The bytes of `text`, or `nil` when it is not padded base64.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let input = Array(text.utf8)
        guard input.count % 4 == 0 else { return nil }
        var out = [UInt8](repeating: 0, count: input.count / 4 * 3)
        let written = EVP_DecodeBlock(&out, input, Int32(input.count))
        guard written >= 0 else { return nil }
        // EVP_DecodeBlock counts the bytes of the padding too.
        let padding = input.reversed().prefix(2).prefix { $0 == UInt8(ascii: "=") }.count
        return Array(out[..<(Int(written) - padding)])
    }
}
