/// A standalone HTML page of a Markdown document, with a little CSS for print and screen.
enum HTMLRenderer {
    static func render(_ blocks: [MarkdownBlock], title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="generator" content="trcaa">
        <title>\(escape(title))</title>
        <style>
        body { font-family: system-ui, sans-serif; max-width: 50rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.5; color: #1b1b1b; }
        table { border-collapse: collapse; margin: 1rem 0; }
        th, td { border: 1px solid #bbb; padding: .3rem .6rem; text-align: left; vertical-align: top; }
        th { background: #f0f0f0; }
        blockquote { border-left: 4px solid #bbb; margin: 1rem 0; padding: .2rem 1rem; color: #333; }
        code, pre { font-family: ui-monospace, monospace; background: #f4f4f4; }
        pre { padding: .6rem; white-space: pre-wrap; overflow-wrap: anywhere; }
        ul.tasks { list-style: none; padding-left: 1.2rem; }
        </style>
        </head>
        <body>
        \(blocks.map(block).joined(separator: "\n"))
        </body>
        </html>

        """
    }

    private static func block(_ block: MarkdownBlock) -> String {
        switch block {
        case .heading(let level, let content):
            return "<h\(level)>\(inline(content))</h\(level)>"
        case .paragraph(let content):
            return "<p>\(inline(content))</p>"
        case .list(let ordered, let items):
            let tag = ordered ? "ol" : "ul"
            let isTasks = items.contains { $0.checked != nil }
            let rows = items.map { item -> String in
                let box = item.checked.map { $0 ? "☑ " : "☐ " } ?? ""
                return "<li>\(box)\(inline(item.content))</li>"
            }
            return "<\(tag)\(isTasks ? " class=\"tasks\"" : "")>\n\(rows.joined(separator: "\n"))\n</\(tag)>"
        case .table(let header, let rows):
            var html = "<table>\n"
            if !header.isEmpty {
                html += "<thead><tr>" + header.map { "<th>\(inline($0))</th>" }.joined() + "</tr></thead>\n"
            }
            html += "<tbody>\n" + rows.map { "<tr>" + $0.map { "<td>\(inline($0))</td>" }.joined() + "</tr>" }
                .joined(separator: "\n") + "\n</tbody>\n</table>"
            return html
        case .quote(let inner):
            return "<blockquote>\n\(inner.map(Self.block).joined(separator: "\n"))\n</blockquote>"
        case .code(let code):
            return "<pre><code>\(escape(code))</code></pre>"
        case .rule:
            return "<hr>"
        }
    }

    private static func inline(_ content: [MarkdownInline]) -> String {
        content.map { item in
            switch item {
            case .text(let text): escape(text)
            case .strong(let inner): "<strong>\(inline(inner))</strong>"
            case .emphasis(let inner): "<em>\(inline(inner))</em>"
            case .code(let code): "<code>\(escape(code))</code>"
            case .link(let text, let url): "<a href=\"\(escape(url))\">\(inline(text))</a>"
            case .lineBreak: "<br>"
            }
        }.joined()
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }
}
