/// What the terminal delivered before decoding: a character code or an already named key.
public enum RawInput: Sendable, Equatable {
    case character(UInt32)
    case key(Key)
}

/// Turns raw input into keys. In raw mode control characters arrive as codes (Ctrl-c is 3,
/// Enter is 13); Alt arrives as Esc followed at once by the character, so Esc is only Alt when
/// the next input came in the same read.
public enum KeyDecoder {
    public static func decode(_ inputs: [RawInput]) -> [Key] {
        var keys: [Key] = []
        var index = 0
        while index < inputs.count {
            defer { index += 1 }
            switch inputs[index] {
            case .key(let key):
                keys.append(key)
            case .character(27):
                if index + 1 < inputs.count, case .character(let next) = inputs[index + 1],
                   let scalar = Unicode.Scalar(next), next >= 0x20 {
                    keys.append(.alt(Character(scalar)))
                    index += 1
                } else {
                    keys.append(.escape)
                }
            case .character(let code):
                if let key = decode(code) { keys.append(key) }
            }
        }
        return keys
    }

    static func decode(_ code: UInt32) -> Key? {
        switch code {
        case 9: return .tab
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 1...26: return .ctrl(Character(Unicode.Scalar(UInt8(code + 96))))
        case 0..<32: return nil
        default:
            guard let scalar = Unicode.Scalar(code) else { return nil }
            return .char(Character(scalar))
        }
    }
}
