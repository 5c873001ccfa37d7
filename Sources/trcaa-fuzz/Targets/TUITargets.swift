#if DEBUG
@testable import TRCAATUI

extension FuzzTarget {
    /// The key decoder on any sequence of codes and named keys: each four bytes are one input
    /// (a small code, Esc, any 24-bit code, or a named key).
    static let keyDecoder = FuzzTarget(name: "key-decoder", summary: "terminal key decoder") { input in
        let named: [Key] = [.up, .escape, .backTab, .function(12), .enter, .char("x")]
        var raw: [RawInput] = []
        var index = 0
        while index + 4 <= input.bytes.count {
            let b = input.bytes[index..<(index + 4)].map(UInt32.init)
            switch b[0] % 4 {
            case 0: raw.append(.character(b[1]))
            case 1: raw.append(.character(27))
            case 2: raw.append(.character(b[1] << 16 | b[2] << 8 | b[3]))
            default: raw.append(.key(named[Int(b[1]) % named.count]))
            }
            index += 4
        }
        let keys = KeyDecoder.decode(raw)
        require(keys.count <= raw.count, "more keys than inputs")
        for key in keys { _ = key.label }
    }

    /// Path unwrapping of what is typed or pasted into the import prompt.
    static let pathInput = FuzzTarget(name: "path-input", summary: "path unwrapping in the import prompt") { input in
        let path = PathInput.normalize(String(decoding: input.bytes, as: UTF8.self), home: "/home/fuzz")
        require(path.utf8.count <= input.bytes.count * 3 + 10, "the path grew")
    }
}
#endif
