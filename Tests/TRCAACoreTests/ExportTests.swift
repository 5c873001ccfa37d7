import Foundation
import FoundationXML
import TestSupport
import Testing
import TRCAACore

@Suite struct ExportTests {
    let fixture: CoreFixture
    let documentId: String
    let outDirectory: String

    init() throws {
        fixture = try CoreFixture()
        let issue = try fixture.issues.create(IssueDraft(title: "Database connection timeout", description: "Ünïcödé — Ωμέγα Кириллица ok"))
        _ = try fixture.whys.add(issueId: issue.id, question: "Why did the pool run dry?", answer: "A **leak** in `retry()`")
        documentId = try fixture.documents.generate(.rca, issueId: issue.id).document.id
        outDirectory = fixture.directory + "/out"
        try FileManager.default.createDirectory(atPath: outDirectory, withIntermediateDirectories: true)
    }

    private func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let result = try Shell.run(arguments)
        return (result.status, result.stdout + result.stderr)
    }

    @Test func markdownIsWrittenByteForByteUnderTheOriginalsName() throws {
        let path = try fixture.documents.export(documentId, format: .md, to: outDirectory)
        #expect(path == outDirectory + "/1_RCA__Database_connection_timeout.md")
        #expect(FileManager.default.contents(atPath: path) == Data(try fixture.documents.get(documentId).contentMd.utf8))
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600, "a document may quote what the store keeps encrypted")
        let event = try #require(try fixture.timeline.list(issueId: try fixture.documents.get(documentId).issueId).last)
        #expect(event.eventType == "document_exported")
        #expect(event.metadata == #"{"format":"md","file_path":"\#(path)"}"#)
        #expect(event.description == "RCA exported as md")
    }

    @Test func anExistingFileIsReplacedOnlyWithForce() throws {
        let path = try fixture.documents.export(documentId, format: .md, to: outDirectory)
        try Data("mine".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: TriageError.exportExists(path: path)) {
            try fixture.documents.export(documentId, format: .md, to: outDirectory)
        }
        #expect(FileManager.default.contents(atPath: path) == Data("mine".utf8))
        _ = try fixture.documents.export(documentId, format: .md, to: outDirectory, force: true)
        #expect(FileManager.default.contents(atPath: path) != Data("mine".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: outDirectory) == ["1_RCA__Database_connection_timeout.md"])
    }

    @Test func aMissingDirectoryIsRefusedWithoutATrace() throws {
        let missing = outDirectory + "/nope"
        #expect(throws: TriageError.exportDirectoryMissing(path: missing)) {
            try fixture.documents.export(documentId, format: .pdf, to: missing)
        }
        #expect(try fixture.audit.list(AuditFilter(action: "export_document")).isEmpty)
    }

    @Test func thePDFHoldsTheTextForPdftotextIncludingUnicode() throws {
        let path = try fixture.documents.export(documentId, format: .pdf, to: outDirectory)
        #expect(path.hasSuffix("/1_RCA__Database_connection_timeout.pdf"))
        let text = try run(["pdftotext", path, "-"])
        #expect(text.status == 0, "\(text.output)")
        let words = text.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        for expected in ["Root Cause Analysis: Database connection timeout", "Issue Summary", "Why #1: Why did the pool run dry?",
                         "Answer: A leak in retry()", "Ünïcödé — Ωμέγα Кириллица ok", "Corrective Actions"] {
            #expect(words.contains(expected), "pdftotext lacks: \(expected)")
        }
        let info = try run(["pdfinfo", path])
        #expect(info.output.contains("RCA: Database connection timeout"))
        #expect(info.output.contains("(A4)"))
    }

    @Test func theDOCXIsAnOOXMLPackageWithTheText() throws {
        let path = try fixture.documents.export(documentId, format: .docx, to: outDirectory)
        let listing = try run(["unzip", "-l", path])
        #expect(listing.status == 0)
        for part in ["[Content_Types].xml", "_rels/.rels", "word/document.xml", "word/styles.xml", "docProps/core.xml"] {
            #expect(listing.output.contains(part), "missing part \(part)")
        }
        let test = try run(["unzip", "-t", path])
        #expect(test.output.contains("No errors detected"))
        let document = try run(["unzip", "-p", path, "word/document.xml"])
        let collector = WordTextCollector()
        let parser = XMLParser(data: Data(document.output.utf8))
        parser.delegate = collector
        #expect(parser.parse(), "word/document.xml is not well-formed")
        let paragraphs = collector.paragraphs
        #expect(paragraphs.first == "Root Cause Analysis: Database connection timeout")
        #expect(paragraphs.contains("Ünïcödé — Ωμέγα Кириллица ok"))
        #expect(paragraphs.contains("Why #1: Why did the pool run dry?"))
        #expect(paragraphs.contains("Answer: A leak in retry()"))
        #expect(collector.styles.contains("Heading1"))
    }

    @Test func theHTMLIsAStandalonePageWithEscapedText() throws {
        let issue = try fixture.issues.create(IssueDraft(title: "<script>alert(1)</script>"))
        let id = try fixture.documents.generate(.rca, issueId: issue.id).document.id
        let path = try fixture.documents.export(id, format: .html, to: outDirectory)
        let html = try String(contentsOfFile: path, encoding: .utf8)
        #expect(html.hasPrefix("<!DOCTYPE html>"))
        #expect(html.contains("<h1>Root Cause Analysis: &lt;script&gt;alert(1)&lt;/script&gt;</h1>"))
        #expect(!html.contains("<script>"))
        #expect(html.contains("<th>Field</th>"))
        #expect(FileManager.default.fileExists(atPath: outDirectory + "/2_RCA___script_alert_1___script_.html"))
    }

    // MARK: Redacted exports, tables and code blocks

    /// A log line as documents quote it.
    static let logLine = "OpenSSH_2k.log:223: Dec 10 06:55:48 LabSZ sshd[24200]: Failed password for root from "
        + "173.234.31.186 port 38926 ssh2"

    /// A document of the issue "Brute force from 173.234.31.186" whose text is `markdown`.
    private func document(_ markdown: String) throws -> String {
        let issue = try fixture.issues.create(IssueDraft(title: "Brute force from 173.234.31.186"))
        let id = try fixture.documents.generate(.rca, issueId: issue.id).document.id
        try fixture.documents.save(id, content: markdown)
        return id
    }

    /// The text of an export as a reader gets it: pdftotext for a PDF (with `layout`, laid out
    /// as on the page), the parts of a DOCX (all of them, or `part`).
    private func readBack(_ path: String, layout: Bool = false, part: String? = nil) throws -> String {
        switch (path as NSString).pathExtension {
        case "pdf": try run(["pdftotext"] + (layout ? ["-layout"] : []) + [path, "-"]).output
        case "docx": try run(["unzip", "-p", path] + (part.map { [$0] } ?? [])).output
        default: try String(contentsOfFile: path, encoding: .utf8)
        }
    }

    @Test func aRedactedExportHoldsNoAddressEmailOrCardInAnyFormat() throws {
        let id = try document("""
            # Brute force from 173.234.31.186

            Reported by alice@example.com; the card 4111 1111 1111 1111 was never charged.

            | Source | Contact |
            |---|---|
            | 173.234.31.186 | alice@example.com |

            ```
            \(Self.logLine)
            ```
            """)
        let plain = try fixture.documents.export(id, format: .md, to: outDirectory)
        for format in ExportFormat.allCases {
            let path = try fixture.documents.export(id, format: format, redacted: true, to: outDirectory)
            #expect(path == outDirectory + "/2_RCA__Brute_force_from__IPv4__redacted.\(format.rawValue)")
            let text = try readBack(path)
            for value in ["173.234.31.186", "alice@example.com", "4111 1111 1111 1111"] {
                #expect(!text.contains(value), "\(format): \(value) is in the redacted export")
            }
            for token in ["[IPv4]", "[Email]", "[CreditCard]"] {
                #expect(text.contains(token), "\(format): no \(token)")
            }
            let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
            #expect(mode == 0o600, "\(format) export is not 0600")
        }
        #expect(try readBack(plain).contains("173.234.31.186"), "the plain export is kept as it was")

        let audit = try fixture.audit.list(AuditFilter(action: "export_document"))
        #expect(audit.count == 5)
        #expect(audit.filter { $0.details.contains(#""redacted":true,"tokens":"plain""#) }.count == 4)
        #expect(audit.contains { $0.details.contains(plain) && !$0.details.contains(#""redacted""#) })
        let issueId = try fixture.documents.get(id).issueId
        let event = try #require(try fixture.timeline.list(issueId: issueId).last)
        #expect(event.description == "RCA exported redacted as docx")
        #expect(event.metadata.hasSuffix(#""redacted":true,"tokens":"plain"}"#))
    }

    @Test func numberedTokensCountValuesThroughTitleAndText() throws {
        let id = try document("Seen from 10.1.2.3, then 173.234.31.186, then 10.1.2.3 again.")
        let path = try fixture.documents.export(id, format: .md, redacted: true, tokens: .numbered, to: outDirectory)
        #expect(try readBack(path) == "Seen from [IPv4#2], then [IPv4#1], then [IPv4#2] again.")
        #expect(path.hasSuffix("/2_RCA__Brute_force_from__IPv4_1__redacted.md"))
    }

    @Test func theLastExportDirectoryIsRememberedPerUserWhileItExists() throws {
        #expect(try fixture.documents.lastExportDirectory() == nil)
        _ = try fixture.documents.export(documentId, format: .md, to: outDirectory + "/./")
        #expect(try fixture.documents.lastExportDirectory() == outDirectory)
        let other = DocumentService(context: ServiceContext(database: fixture.workspace.database, clock: fixture.clock.clock,
                                                           user: "someone-else"))
        #expect(try other.lastExportDirectory() == nil)
        try FileManager.default.removeItem(atPath: outDirectory)
        #expect(try fixture.documents.lastExportDirectory() == nil, "a directory that is gone is not offered")
    }

    @Test func pdfTableHeadersAreNotBrokenInsideWords() throws {
        let long = "The password of root was tried from one address every few seconds for hours on end, "
            + "then from a second address once the first was blocked at the firewall"
        let id = try document("""
            | File | Size | Redacted | Hash |
            |------|------|----------|------|
            | OpenSSH_2k.log | 215 KB | No | \(long) |

            | Digest |
            |--------|
            | \(String(repeating: "0123456789abcdef", count: 8)) |
            """)
        let text = try readBack(try fixture.documents.export(id, format: .pdf, to: outDirectory), layout: true)
        let words = Set(text.split(whereSeparator: \.isWhitespace).map(String.init))
        for word in ["File", "Size", "Redacted", "Hash", "OpenSSH_2k.log"] + long.split(separator: " ").map(String.init) {
            #expect(words.contains(word), "“\(word)” is broken:\n\(text)")
        }
        #expect(text.contains("215 KB"), "a short cell keeps to one line while a long one can wrap")
        // A word wider than the page still breaks, and nothing of it is lost.
        let digest = String(repeating: "0123456789abcdef", count: 8)
        #expect(!words.contains(digest))
        #expect(text.filter { !$0.isWhitespace }.contains(digest))
    }

    /// A generated post-mortem read back as a reviewer gets it: the incident timeline, its
    /// evidence blocks and the action items survive PDF and DOCX.
    @Test func aPostMortemKeepsItsEvidenceBlocksAndActionItemsInPDFAndDOCX() throws {
        let issue = try fixture.issues.create(IssueDraft(title: "SSH brute force"))
        try fixture.incident.add(issueId: issue.id, [.init(
            at: Timestamp.parse("2024-12-10 06:55:46")!, kind: .impactStarted, description: "Brute force begins",
            evidence: "auth.log:1: Dec 10 06:55:46 LabSZ sshd[24200]: Failed password\nauth.log:2: Dec 10 06:55:48 LabSZ sshd[24202]: Failed password")])
        _ = try fixture.actions.add(issueId: issue.id, description: "Rate-limit sshd", owner: "alice", dueDate: "2025-02-01",
                                    priority: .p1)
        let id = try fixture.documents.generate(.postmortem, issueId: issue.id).document.id
        let evidence = ["auth.log:1: Dec 10 06:55:46 LabSZ sshd[24200]: Failed password",
                        "auth.log:2: Dec 10 06:55:48 LabSZ sshd[24202]: Failed password"]

        let pdf = try readBack(try fixture.documents.export(id, format: .pdf, to: outDirectory), layout: true)
        let pdfLines = pdf.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let first = try #require(pdfLines.firstIndex(of: evidence[0]))
        #expect(pdfLines[first + 1] == evidence[1], "one quoted line per line")
        #expect(pdf.range(of: #"P1\s+Rate-limit sshd\s+alice\s+2025-02-01\s+Open"#, options: .regularExpression) != nil)

        let docx = try readBack(try fixture.documents.export(id, format: .docx, to: outDirectory), part: "word/document.xml")
        let collector = WordTextCollector()
        let parser = XMLParser(data: Data(docx.utf8))
        parser.delegate = collector
        _ = parser.parse()
        let start = try #require(collector.paragraphs.firstIndex(of: evidence[0]))
        #expect(collector.paragraphs[start + 1] == evidence[1])
        #expect(docx.contains("<w:tbl>") && ["Rate-limit sshd", "alice", "2025-02-01"].allSatisfy(collector.paragraphs.contains))
    }

    @Test func codeBlocksKeepTheirLinesInEveryFormat() throws {
        let code = [Self.logLine, "    indented: four spaces", "\tafter a tab", "", "last line"]
        let id = try document("Evidence:\n\n```\n\(code.joined(separator: "\n"))\n```\n\nAfter the block.\n")

        let html = try readBack(try fixture.documents.export(id, format: .html, to: outDirectory))
        #expect(html.contains("<pre><code>\(code.joined(separator: "\n"))</code></pre>"))
        #expect(html.contains("white-space: pre-wrap"), "long lines wrap rather than run off a printed page")

        let pdfPath = try fixture.documents.export(id, format: .pdf, to: outDirectory)
        let lines = try readBack(pdfPath).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let first = try #require(lines.firstIndex { $0.hasPrefix("OpenSSH_2k.log:223:") })
        // The long line wraps at a space; its two parts make it up again.
        #expect(lines[first] + " " + lines[first + 1] == Self.logLine)
        #expect(lines[first + 2] == "indented: four spaces")
        #expect(lines[first + 3] == "after a tab")
        #expect(lines.contains("last line"))
        #expect(try run(["pdffonts", pdfPath]).output.contains("DejaVuSansMono"))

        let docx = try readBack(try fixture.documents.export(id, format: .docx, to: outDirectory), part: "word/document.xml")
        let collector = WordTextCollector()
        let parser = XMLParser(data: Data(docx.utf8))
        parser.delegate = collector
        _ = parser.parse()
        let start = try #require(collector.paragraphs.firstIndex(of: Self.logLine))
        #expect(Array(collector.paragraphs[start..<(start + code.count)]) == code)
        #expect(collector.styles.contains("Code"))
    }
}

/// Collects the text of each `w:p` and the paragraph styles of a WordprocessingML part.
final class WordTextCollector: NSObject, XMLParserDelegate {
    private(set) var paragraphs: [String] = []
    private(set) var styles: Set<String> = []
    private var current: String?
    private var inText = false

    func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch element {
        case "w:p": current = ""
        case "w:t": inText = true
        case "w:tab": current? += "\t"
        case "w:pStyle": if let value = attributes["w:val"] { styles.insert(value) }
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement element: String, namespaceURI: String?, qualifiedName: String?) {
        if element == "w:t" { inText = false }
        if element == "w:p", let text = current {
            paragraphs.append(text)
            current = nil
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if inText { current? += string }
    }
}
