import Foundation
import FoundationXML
import TestSupport
import Testing
import TRCAACore

/// A round trip through every exporter keeps the text: generated Markdown documents (headings,
/// paragraphs with emphasis and inline code, lists, quotes, code blocks and tables, with
/// Unicode and the characters HTML and XML escape) are exported to Markdown, HTML, PDF and
/// DOCX and read back as a reader would (the file, tags stripped, `pdftotext`, the Word
/// document's text); every word the document shows comes back, and in order wherever the
/// format keeps order (all but PDF tables, whose cells pdftotext may read across columns).
@Suite struct ExportRoundTripTests {
    typealias SeededRandom = PIIPropertyTests.SeededRandom

    /// Words as the documents show them: ASCII, accented Latin, Greek, Cyrillic, and the
    /// characters the formats escape (`<` `>` `&` `"` `'`), none of them Markdown syntax.
    static let vocabulary = ["root", "cause", "pool", "timeout", "a<b", "x>y", "R&D", "\"quoted\"", "it's", "50%",
                             "Ünïcödé", "Ωμέγα", "Кириллица", "naïve", "façade", "(paren)", "path/to/file", "key=value",
                             "user@host", "—", "§4.2", "€12", "semi;colon", "C#"]

    /// A document of random blocks and the words it shows, in reading order; `tableWords` are
    /// the words in table cells.
    static func document(seed: UInt64) -> (markdown: String, words: [String], tableWords: Set<String>) {
        var random = SeededRandom(state: seed)
        var blocks: [String] = []
        var words: [String] = []
        var tableWords: Set<String> = []
        func phrase(_ count: Int) -> [String] {
            (0..<count).map { _ in vocabulary.randomElement(using: &random)! }  // Safe: not empty.
        }
        for _ in 0..<Int.random(in: 3...8, using: &random) {
            switch Int.random(in: 0..<7, using: &random) {
            case 0:
                let text = phrase(Int.random(in: 1...5, using: &random))
                blocks.append(String(repeating: "#", count: Int.random(in: 1...3, using: &random)) + " " + text.joined(separator: " "))
                words += text
            case 1:
                let text = phrase(Int.random(in: 5...40, using: &random))
                let styled = text.enumerated().map { index, word in
                    switch index % 7 { case 2: "**\(word)**"; case 4: "*\(word)*"; case 6: "`\(word)`"; default: word }
                }
                blocks.append(styled.joined(separator: " "))
                words += text
            case 2, 3:
                let items = (0..<Int.random(in: 1...4, using: &random)).map { _ in phrase(Int.random(in: 1...6, using: &random)) }
                let ordered = Int.random(in: 0...1, using: &random) == 1
                blocks.append(items.enumerated().map { (ordered ? "\($0 + 1). " : "- ") + $1.joined(separator: " ") }
                    .joined(separator: "\n"))
                words += items.flatMap { $0 }
            case 4:
                let text = phrase(Int.random(in: 2...10, using: &random))
                blocks.append("> " + text.joined(separator: " "))
                words += text
            case 5:
                let lines = (0..<Int.random(in: 1...4, using: &random)).map { _ in phrase(Int.random(in: 1...6, using: &random)) }
                blocks.append("```\n" + lines.map { $0.joined(separator: " ") }.joined(separator: "\n") + "\n```")
                words += lines.flatMap { $0 }
            default:
                let columns = Int.random(in: 2...4, using: &random)
                let rows = (0..<Int.random(in: 2...4, using: &random)).map { _ in
                    (0..<columns).map { _ in phrase(Int.random(in: 1...3, using: &random)) }
                }
                let line = { (cells: [[String]]) in "| " + cells.map { $0.joined(separator: " ") }.joined(separator: " | ") + " |" }
                blocks.append(([line(rows[0]), "|" + String(repeating: "---|", count: columns)] + rows.dropFirst().map(line))
                    .joined(separator: "\n"))
                let cells = rows.flatMap { $0.flatMap { $0 } }
                words += cells
                tableWords.formUnion(cells)
            }
        }
        return (blocks.joined(separator: "\n\n") + "\n", words, tableWords)
    }

    let fixture: CoreFixture
    let outDirectory: String

    init() throws {
        fixture = try CoreFixture()
        outDirectory = fixture.directory + "/out"
        try FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)
    }

    @Test(arguments: 1...12 as ClosedRange<UInt64>)
    func everyExporterKeepsTheWords(seed: UInt64) throws {
        let (markdown, words, tableWords) = Self.document(seed: seed)
        let issue = try fixture.issues.create(IssueDraft(title: "Round trip \(seed)"))
        let id = try fixture.documents.generate(.rca, issueId: issue.id).document.id
        _ = try fixture.documents.save(id, content: markdown)
        for format in ExportFormat.allCases {
            let path = try fixture.documents.export(id, format: format, to: outDirectory, force: true)
            let read = try Self.text(of: path, format: format).split(whereSeparator: \.isWhitespace).map(String.init)
            if format != .pdf || tableWords.isEmpty {
                #expect(Self.isSubsequence(words, of: read), "seed \(seed), \(format): the words are not all there in order")
            } else {
                #expect(Self.missing(words, from: read).isEmpty, "seed \(seed), \(format): lacks \(Self.missing(words, from: read))")
            }
        }
    }

    /// The text of an export as its reader gets it.
    static func text(of path: String, format: ExportFormat) throws -> String {
        switch format {
        case .md:
            // The Markdown file is the source itself: read it back as text without the syntax.
            return try String(contentsOfFile: path, encoding: .utf8)
                .replacingOccurrences(of: "**", with: "").replacingOccurrences(of: "`", with: "")
                .replacingOccurrences(of: "*", with: "")
        case .html:
            let html = try String(contentsOfFile: path, encoding: .utf8)
            let body = html.components(separatedBy: "<body>").last ?? html
            return body.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
                .replacingOccurrences(of: "&amp;", with: "&")
        case .pdf:
            return try Shell.run(["pdftotext", path, "-"]).stdout
        case .docx:
            let collector = WordTextCollector()
            let parser = XMLParser(data: Data(try Shell.run(["unzip", "-p", path, "word/document.xml"]).stdout.utf8))
            parser.delegate = collector
            #expect(parser.parse(), "word/document.xml is not well-formed")
            return collector.paragraphs.joined(separator: "\n")
        }
    }

    static func isSubsequence(_ words: [String], of text: [String]) -> Bool {
        var remaining = words[...]
        for word in text where word == remaining.first { remaining = remaining.dropFirst() }
        return remaining.isEmpty
    }

    /// The words of `words` that `text` holds fewer times than they come.
    static func missing(_ words: [String], from text: [String]) -> [String] {
        var counts = text.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        return words.filter { word in
            counts[word, default: 0] -= 1
            return counts[word]! < 0  // Safe: just set.
        }
    }
}
