/// A full-text query as a tree: the services build it, each store's index renders it in its
/// own language (`FullTextDialect.render`).
public indirect enum FullTextQuery: Sendable, Equatable {
    /// The tokens of `text` next to each other, split by the index's tokenizer (so `10.0.0.1`
    /// is four tokens); with `prefix`, the last token matches as a prefix.
    case phrase(String, prefix: Bool = false)
    /// Every part matches, anywhere in the row and in any order.
    case all([FullTextQuery])
    /// Query syntax as a person typed it (quotes, `*`, parentheses, AND, OR, NOT, NEAR), in
    /// FTS5's query language, the language of `trcaa search` (SPEC §8).
    case typed(String)
}
