/// `LIKE` patterns for text typed by people: `%`, `_` and `\` match themselves
/// (use with `ESCAPE '\'`).
enum SQLLike {
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }

    /// Values starting with `text`.
    static func prefix(_ text: String) -> String { escape(text) + "%" }

    /// Values containing `text` (ASCII case-insensitively, as `LIKE` compares).
    static func containing(_ text: String) -> String { "%" + escape(text) + "%" }
}
