/// Multi-line text under a label, every line kept and indented alike.
enum TextBlock {
    /// `text` line by line: the first after `first`, the others under it (as many spaces).
    static func lines(_ text: String, first: String) -> [String] {
        let indent = String(repeating: " ", count: first.count)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().map { index, line in
            (index == 0 ? first : indent) + line
        }
    }
}
