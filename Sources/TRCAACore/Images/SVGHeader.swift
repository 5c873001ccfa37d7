/// SVG recognised by its root element, the only reliable sign for a text format: after an
/// optional BOM, XML declaration, comments and doctype, the first element is `<svg`.
enum SVGHeader {
    private static let window = 4096

    static func isSVG(_ bytes: [UInt8]) -> Bool { rootTag(bytes) != nil }

    /// `width` × `height` when both are plain numbers or pixels, else the `viewBox` size.
    static func dimensions(_ bytes: [UInt8]) -> (width: Int, height: Int)? {
        guard let tag = rootTag(bytes) else { return nil }
        if let width = attribute("width", in: tag).flatMap(pixels), let height = attribute("height", in: tag).flatMap(pixels) {
            return (width, height)
        }
        let box = attribute("viewBox", in: tag)?.split { $0 == " " || $0 == "," }.compactMap { Double($0) } ?? []
        guard box.count == 4, let width = size(box[2]), let height = size(box[3]) else { return nil }
        return (width, height)
    }

    /// A length of 1 or more as whole pixels; `nil` for one no `Int` holds (`1e300`, `inf`).
    private static func size(_ value: Double) -> Int? {
        value >= 1 ? Int(exactly: value.rounded()) : nil
    }

    /// The text of the root `<svg …>` start tag, or `nil` when the root is something else.
    private static func rootTag(_ bytes: [UInt8]) -> Substring? {
        var text = Substring(String(decoding: bytes.prefix(window), as: UTF8.self))
        if text.first == "\u{FEFF}" { text = text.dropFirst() }
        while true {
            text = text.drop { $0.isWhitespace }
            guard text.hasPrefix("<") else { return nil }
            if text.hasPrefix("<?") || text.hasPrefix("<!--") || text.hasPrefix("<!DOCTYPE svg") || text.hasPrefix("<!DOCTYPE SVG") {
                let terminator = text.hasPrefix("<!--") ? "-->" : ">"
                guard let end = text.firstRange(of: terminator) else { return nil }
                text = text[end.upperBound...]
                continue
            }
            guard text.hasPrefix("<svg") || text.hasPrefix("<svg:svg"), let close = text.firstIndex(of: ">") else { return nil }
            let afterName = text.dropFirst(text.hasPrefix("<svg:svg") ? 8 : 4).first
            guard afterName.map({ $0.isWhitespace || $0 == ">" || $0 == "/" }) == true else { return nil }
            return text[..<close]
        }
    }

    private static func attribute(_ name: String, in tag: Substring) -> Substring? {
        var rest = tag
        while let found = rest.firstRange(of: name + "=") {
            let before = rest[..<found.lowerBound].last
            let value = rest[found.upperBound...]
            rest = value
            guard before?.isWhitespace == true, let quote = value.first, quote == "\"" || quote == "'" else { continue }
            let body = value.dropFirst()
            guard let end = body.firstIndex(of: quote) else { return nil }
            return body[..<end]
        }
        return nil
    }

    private static func pixels(_ value: Substring) -> Int? {
        let number = value.hasSuffix("px") ? value.dropLast(2) : value
        return Double(number.filter { !$0.isWhitespace }).flatMap(size)
    }
}
