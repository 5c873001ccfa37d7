import Foundation

/// A JSON value whose objects keep their key order, written compactly as serde_json does
/// (no spaces, `/` unescaped, non-ASCII as is).
///
/// Audit hashes cover the stored `details` string byte for byte, and metadata is stored as
/// written, so the exact text matters more than what JSONSerialization would choose.
public indirect enum JSONText: Sendable, Equatable {
    case string(String)
    case int(Int64)
    case double(Double)
    case bool(Bool)
    case null
    case array([JSONText])
    case object([(String, JSONText)])

    public static func == (a: JSONText, b: JSONText) -> Bool { a.rendered == b.rendered }

    /// The compact text.
    public var rendered: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .string(let text): JSONText.quote(text, into: &out)
        case .int(let number): out += String(number)
        case .double(let number): out += number.isFinite ? "\(number)" : "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .null: out += "null"
        case .array(let items):
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                item.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            for (index, (key, value)) in members.enumerated() {
                if index > 0 { out += "," }
                JSONText.quote(key, into: &out)
                out += ":"
                value.write(into: &out)
            }
            out += "}"
        }
    }

    private static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case let control where control.value < 0x20:
                out += String(format: "\\u%04x", control.value)
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }

    /// Whether `text` is one JSON value of any kind.
    public static func isValid(_ text: String) -> Bool {
        (try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])) != nil
    }

    /// Decodes a JSON array of strings (`issues.tags`); `nil` when it is anything else.
    /// Plain arrays like `["prod","db"]` are read directly (lists decode one per row);
    /// anything with escapes goes through JSONSerialization.
    public static func stringArray(_ text: String) -> [String]? {
        let utf8 = text.utf8
        let isBlank = { (byte: UInt8) in byte == 0x20 || byte == 0x09 }
        if let first = utf8.firstIndex(where: { !isBlank($0) }), let last = utf8.lastIndex(where: { !isBlank($0) }) {
            let trimmed = text[first...last]
            if trimmed == "[]" { return [] }
            if trimmed.utf8.count >= 4, trimmed.hasPrefix("[\""), trimmed.hasSuffix("\"]"),
               !trimmed.utf8.contains(UInt8(ascii: "\\")) {
                let parts = trimmed.dropFirst(2).dropLast(2).split(separator: "\",\"", omittingEmptySubsequences: false)
                if !parts.contains(where: { $0.utf8.contains(UInt8(ascii: "\"")) }) { return parts.map(String.init) }
            }
        }
        return (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String]
    }
}
