/// Turns a stored document into the bytes of an export format.
enum DocumentRenderer {
    static func render(_ document: Document, as format: ExportFormat) -> [UInt8] {
        switch format {
        case .md: return Array(document.contentMd.utf8)
        case .html: return Array(HTMLRenderer.render(MarkdownParser.parse(document.contentMd), title: document.title).utf8)
        case .pdf: return PDFRenderer.render(MarkdownParser.parse(document.contentMd), title: document.title)
        case .docx: return DOCXRenderer.render(MarkdownParser.parse(document.contentMd), title: document.title)
        }
    }
}
