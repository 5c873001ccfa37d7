/// Word wrapping by display columns; words longer than a line are cut.
public enum TextWrap {
    public static func lines(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [] }
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            for word in paragraph.split(separator: " ", omittingEmptySubsequences: false) {
                var word = Substring(word)
                var wordWidth = DisplayWidth.columns(of: word)
                if lineWidth > 0, lineWidth + 1 + wordWidth > width {
                    result.append(line)
                    line = ""
                    lineWidth = 0
                }
                while wordWidth > width {
                    var head = "", headWidth = 0
                    while let c = word.first, headWidth + DisplayWidth.columns(of: c) <= width {
                        head.append(c); headWidth += DisplayWidth.columns(of: c); word = word.dropFirst()
                    }
                    if head.isEmpty { break }
                    result.append(head)
                    wordWidth = DisplayWidth.columns(of: word)
                }
                if lineWidth > 0 { line += " "; lineWidth += 1 }
                line += word
                lineWidth += wordWidth
            }
            result.append(line)
        }
        return result
    }
}
