import Foundation

/// MIME types by extension, as the original assigned them.
enum MimeType {
    static func forLog(named name: String) -> String {
        switch (name as NSString).pathExtension.lowercased() {
        case "json": "application/json"
        case "xml": "application/xml"
        case "yaml", "yml": "application/yaml"
        case "md", "markdown": "text/markdown"
        case "csv", "tsv": "text/csv"
        case "html", "htm": "text/html"
        default: "text/plain"
        }
    }
}
