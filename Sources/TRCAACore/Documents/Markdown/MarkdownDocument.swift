/// A Markdown document as blocks: what the exports and the terminal preview draw.
///
/// It covers what trcaa's documents use and what people commonly type into them: ATX headings,
/// paragraphs, bullet, numbered and task lists, pipe tables, block quotes, fenced code and
/// rules; inline strong, emphasis, code, links and escapes.
public enum MarkdownBlock: Sendable, Equatable {
    case heading(level: Int, [MarkdownInline])
    case paragraph([MarkdownInline])
    case list(ordered: Bool, items: [MarkdownListItem])
    case table(header: [[MarkdownInline]], rows: [[[MarkdownInline]]])
    case quote([MarkdownBlock])
    case code(String)
    case rule
}

/// One list item; `checked` is set for task items (`- [ ]`, `- [x]`).
public struct MarkdownListItem: Sendable, Equatable {
    public var number: Int?
    public var checked: Bool?
    /// Nesting depth from indentation (0 for top level).
    public var level: Int
    public var content: [MarkdownInline]
}

/// Inline content.
public indirect enum MarkdownInline: Sendable, Equatable {
    case text(String)
    case strong([MarkdownInline])
    case emphasis([MarkdownInline])
    case code(String)
    case link(text: [MarkdownInline], url: String)
    case lineBreak

    /// The text without markup.
    public static func plainText(_ inlines: [MarkdownInline]) -> String {
        inlines.map { inline in
            switch inline {
            case .text(let text), .code(let text): text
            case .strong(let inner), .emphasis(let inner): plainText(inner)
            case .link(let text, _): plainText(text)
            case .lineBreak: "\n"
            }
        }.joined()
    }
}
