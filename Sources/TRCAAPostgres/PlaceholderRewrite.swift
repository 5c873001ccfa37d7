/// SQLite's parameter markers turned into PostgreSQL's: `?` and `?NNN` become `$n`, so the
/// services keep one SQL text for both stores.
///
/// A bare `?` takes the number after the largest one so far, as in SQLite (`?2, ?` is `$2, $3`).
/// Markers inside string literals ('…', E'…', $tag$…$tag$), quoted identifiers and comments
/// are left alone.
struct PlaceholderRewrite: Equatable {
    /// The statement with `$n` markers.
    let sql: String
    /// The largest parameter number used: how many values a call binds.
    let parameterCount: Int

    init(_ source: String) {
        let bytes = Array(source.utf8)
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + 8)
        var largest = 0
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if let end = SQLLexer.endOfQuoted(bytes, at: index) {
                output.append(contentsOf: bytes[index..<end])
                index = end
            } else if byte == UInt8(ascii: "?") {
                var end = index + 1
                var number = 0
                while end < bytes.count, let digit = SQLLexer.digit(bytes[end]), number < 100_000 {
                    number = number * 10 + digit
                    end += 1
                }
                let parameter = end > index + 1 ? number : largest + 1
                largest = max(largest, parameter)
                output.append(UInt8(ascii: "$"))
                output.append(contentsOf: String(parameter).utf8)
                index = end
            } else {
                output.append(byte)
                index += 1
            }
        }
        sql = String(decoding: output, as: UTF8.self)
        parameterCount = largest
    }
}
