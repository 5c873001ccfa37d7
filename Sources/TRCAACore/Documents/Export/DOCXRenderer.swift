import Foundation

/// A Word document (Office Open XML): the package parts, real heading styles (so Word's
/// navigation and outline work), tables with borders, lists and hyperlinks.
enum DOCXRenderer {
    static func render(_ blocks: [MarkdownBlock], title: String) -> [UInt8] {
        var links: [String] = []
        let body = blocks.map { block($0, links: &links) }.joined()
        let document = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
            <w:body>\(body)<w:sectPr><w:pgSz w:w="11906" w:h="16838"/>\
            <w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="709" w:footer="709" w:gutter="0"/>\
            </w:sectPr></w:body>
            </w:document>
            """
        let relationships = """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            \(links.enumerated().map { index, url in
                "<Relationship Id=\"rIdLink\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink\" Target=\"\(escape(url))\" TargetMode=\"External\"/>"
            }.joined())</Relationships>
            """
        var archive = ZipWriter()
        for (path, text) in [
            ("[Content_Types].xml", contentTypes), ("_rels/.rels", packageRelationships),
            ("docProps/core.xml", coreProperties(title: title)), ("word/document.xml", document),
            ("word/_rels/document.xml.rels", relationships), ("word/styles.xml", styles),
        ] {
            archive.add(path, Array(text.utf8))
        }
        return archive.finish()
    }

    private static func block(_ block: MarkdownBlock, links: inout [String]) -> String {
        switch block {
        case .heading(let level, let content):
            return paragraph(style: level == 1 ? "Title" : "Heading\(min(level - 1, 3))", runs(content, links: &links))
        case .paragraph(let content):
            return paragraph(style: nil, runs(content, links: &links))
        case .list(_, let items):
            return items.map { item in
                let marker = item.checked.map { $0 ? "☑" : "☐" } ?? item.number.map { "\($0)." } ?? "•"
                let indent = 360 + item.level * 360
                return "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:ind w:left=\"\(indent + 360)\" w:hanging=\"360\"/></w:pPr>"
                    + run(marker + "\t", bold: false, italic: false, code: false)
                    + runs(item.content, links: &links) + "</w:p>"
            }.joined()
        case .table(let header, let rows):
            let columns = ([header] + rows).map(\.count).max() ?? 0
            guard columns > 0 else { return "" }
            let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"999999\""
            var xml = "<w:tbl><w:tblPr><w:tblStyle w:val=\"TableGrid\"/><w:tblW w:w=\"0\" w:type=\"auto\"/><w:tblBorders>"
                + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) \(border)/>" }.joined()
                + "</w:tblBorders></w:tblPr><w:tblGrid>"
                + String(repeating: "<w:gridCol/>", count: columns) + "</w:tblGrid>"
            func row(_ cells: [[MarkdownInline]], isHeader: Bool) -> String {
                "<w:tr>" + (isHeader ? "<w:trPr><w:tblHeader/></w:trPr>" : "") + (0..<columns).map { column in
                    let content = column < cells.count ? cells[column] : []
                    let shading = isHeader ? "<w:tcPr><w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"EDEDED\"/></w:tcPr>" : ""
                    return "<w:tc>\(shading)<w:p>" + runs(isHeader ? [.strong(content)] : content, links: &links) + "</w:p></w:tc>"
                }.joined() + "</w:tr>"
            }
            if !header.isEmpty { xml += row(header, isHeader: true) }
            xml += rows.map { row($0, isHeader: false) }.joined() + "</w:tbl>"
            return xml + "<w:p/>"
        case .quote(let inner):
            return inner.map { innerBlock -> String in
                if case .paragraph(let content) = innerBlock { return paragraph(style: "Quote", runs(content, links: &links)) }
                return self.block(innerBlock, links: &links)
            }.joined()
        case .code(let code):
            return code.split(separator: "\n", omittingEmptySubsequences: false).map {
                paragraph(style: "Code", run(String($0), bold: false, italic: false, code: true))
            }.joined()
        case .rule:
            return "<w:p><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"999999\"/></w:pBdr></w:pPr></w:p>"
        }
    }

    private static func paragraph(style: String?, _ content: String) -> String {
        let properties = style.map { "<w:pPr><w:pStyle w:val=\"\($0)\"/></w:pPr>" } ?? ""
        return "<w:p>\(properties)\(content)</w:p>"
    }

    private static func runs(_ content: [MarkdownInline], bold: Bool = false, italic: Bool = false,
                             links: inout [String]) -> String {
        content.map { inline -> String in
            switch inline {
            case .text(let text): return run(text, bold: bold, italic: italic, code: false)
            case .strong(let inner): return runs(inner, bold: true, italic: italic, links: &links)
            case .emphasis(let inner): return runs(inner, bold: bold, italic: true, links: &links)
            case .code(let code): return run(code, bold: bold, italic: italic, code: true)
            case .link(let text, let url):
                links.append(url)
                return "<w:hyperlink r:id=\"rIdLink\(links.count)\">"
                    + run(MarkdownInline.plainText(text), bold: bold, italic: italic, code: false, style: "Hyperlink")
                    + "</w:hyperlink>"
            case .lineBreak: return "<w:r><w:br/></w:r>"
            }
        }.joined()
    }

    private static func run(_ text: String, bold: Bool, italic: Bool, code: Bool, style: String? = nil) -> String {
        var properties = ""
        if let style { properties += "<w:rStyle w:val=\"\(style)\"/>" }
        if code { properties += "<w:rFonts w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\" w:cs=\"DejaVu Sans Mono\"/>" }
        if bold { properties += "<w:b/>" }
        if italic { properties += "<w:i/>" }
        let parts = text.split(separator: "\t", omittingEmptySubsequences: false).map {
            "<w:t xml:space=\"preserve\">\(escape(String($0)))</w:t>"
        }
        return "<w:r>" + (properties.isEmpty ? "" : "<w:rPr>\(properties)</w:rPr>") + parts.joined(separator: "<w:tab/>") + "</w:r>"
    }

    /// XML text: markup characters escaped, characters XML 1.0 forbids removed.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case let control where control.value < 0x20 || (0xFFFE...0xFFFF).contains(control.value): continue
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static let contentTypes = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
        <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
        <Default Extension="xml" ContentType="application/xml"/>\
        <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>\
        <Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>\
        <Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>\
        </Types>
        """

    private static let packageRelationships = """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
        <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>\
        <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>\
        </Relationships>
        """

    private static func coreProperties(title: String) -> String {
        """
        <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
        <cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" \
        xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>\(escape(title))</dc:title><dc:creator>trcaa</dc:creator>\
        </cp:coreProperties>
        """
    }

    private static let styles: String = {
        func heading(_ id: String, _ name: String, size: Int, outline: Int?) -> String {
            "<w:style w:type=\"paragraph\" w:styleId=\"\(id)\"><w:name w:val=\"\(name)\"/><w:basedOn w:val=\"Normal\"/>"
                + "<w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:spacing w:before=\"240\" w:after=\"80\"/>"
                + (outline.map { "<w:outlineLvl w:val=\"\($0)\"/>" } ?? "") + "</w:pPr>"
                + "<w:rPr><w:b/><w:sz w:val=\"\(size)\"/></w:rPr></w:style>"
        }
        return """
            <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
            <w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">\
            <w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="DejaVu Sans" w:hAnsi="DejaVu Sans" w:cs="DejaVu Sans"/>\
            <w:sz w:val="20"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="120"/></w:pPr></w:pPrDefault>\
            </w:docDefaults>\
            <w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>\
            \(heading("Title", "Title", size: 36, outline: nil))\
            \(heading("Heading1", "heading 1", size: 28, outline: 0))\
            \(heading("Heading2", "heading 2", size: 24, outline: 1))\
            \(heading("Heading3", "heading 3", size: 22, outline: 2))\
            <w:style w:type="paragraph" w:styleId="ListParagraph"><w:name w:val="List Paragraph"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:after="40"/></w:pPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Quote"><w:name w:val="Quote"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:ind w:left="567"/><w:pBdr><w:left w:val="single" w:sz="12" w:space="8" w:color="BBBBBB"/></w:pBdr></w:pPr>\
            <w:rPr><w:i/></w:rPr></w:style>\
            <w:style w:type="paragraph" w:styleId="Code"><w:name w:val="Code"/><w:basedOn w:val="Normal"/>\
            <w:pPr><w:spacing w:after="0"/><w:shd w:val="clear" w:color="auto" w:fill="F4F4F4"/></w:pPr>\
            <w:rPr><w:rFonts w:ascii="DejaVu Sans Mono" w:hAnsi="DejaVu Sans Mono"/><w:sz w:val="18"/></w:rPr></w:style>\
            <w:style w:type="character" w:styleId="Hyperlink"><w:name w:val="Hyperlink"/>\
            <w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr></w:style>\
            <w:style w:type="table" w:styleId="TableGrid"><w:name w:val="Table Grid"/>\
            <w:tblPr><w:tblCellMar><w:left w:w="80" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>\
            </w:styles>
            """
    }()
}
