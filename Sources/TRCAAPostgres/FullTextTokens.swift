import Foundation

/// Splits text into index terms as SQLite's FTS5 `unicode61` tokenizer does, which the
/// PostgreSQL index imitates: letters and digits make terms, everything else separates them
/// (so `10.0.0.1` is four terms), case is folded and diacritics are removed.
enum FullTextTokens {
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .privateUse:
                current.append(scalar)
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue  // a diacritic, once decomposed
            default:
                if !current.isEmpty { terms.append(String(current)) }
                current = String.UnicodeScalarView()
            }
        }
        if !current.isEmpty { terms.append(String(current)) }
        return terms
    }
}
