import TRCAACore

/// How `trcaa log grep` writes what it finds: `#42:app.log:120: text` (as grep names files),
/// `#42/L1:120: text` (`--ids`), one JSON array (`--json`, streamed), or only the count.
final class GrepPrinter {
    enum Style {
        case fileName, reference, json, count
    }

    private let workspace: Workspace
    private let terminal: TerminalOutput
    private let pattern: LogPattern
    private let style: Style
    private let output = LogText.Output()
    /// Per log: its line prefix, or its JSON fields.
    private var prefixes: [String: [UInt8]] = [:]
    private var fields: [String: [(String, JSONText)]] = [:]
    private var printed = 0

    init(workspace: Workspace, terminal: TerminalOutput, pattern: LogPattern, style: Style) {
        self.workspace = workspace
        self.terminal = terminal
        self.pattern = pattern
        self.style = style
    }

    /// One matching line (1-based `line`).
    func print(_ log: LogFileSummary, line: Int, text: UnsafeRawBufferPointer) throws {
        defer { printed += 1 }
        switch style {
        case .count:
            return
        case .json:
            if fields[log.id] == nil {
                fields[log.id] = [("issue", .string(try workspace.issues.key(log.issueId))),
                                  ("log", .string(try workspace.logs.shortId(log.id))), ("log_id", .string(log.id)),
                                  ("file_name", .string(log.fileName))]
            }
            let hit = JSONText.object(fields[log.id]! + [("line", .int(Int64(line))),  // Safe: set just above.
                                                         ("text", .string(String(decoding: text, as: UTF8.self)))])
            output.write(Array(((printed == 0 ? "[\n  " : ",\n  ") + hit.rendered).utf8))
        case .fileName, .reference:
            if prefixes[log.id] == nil {
                let name = style == .reference ? try workspace.logs.shortId(log.id)
                    : "\(try workspace.issues.key(log.issueId)):\(log.fileName)"
                prefixes[log.id] = Array(terminal.styled(name, "35").utf8)
            }
            output.write(prefixes[log.id]!)  // Safe: set just above.
            output.write(Array(":\(terminal.styled(String(line), "32")): ".utf8))
            output.write(terminal.color ? highlighted(text) : Array(text))
            output.write([10])
        }
    }

    /// Ends the output: the count, or the JSON array's end.
    func finish(matched: Int) {
        switch style {
        case .count: output.write(Array("\(matched)\n".utf8))
        case .json: output.write(Array((printed == 0 ? "[]\n" : "\n]\n").utf8))
        case .fileName, .reference: break
        }
        output.flush()
    }

    /// Matches in bold red.
    private func highlighted(_ text: UnsafeRawBufferPointer) -> [UInt8] {
        var out: [UInt8] = []
        var cursor = 0
        for range in pattern.ranges(in: text) {
            out += text[cursor..<range.lowerBound]
            out += Array("\u{1B}[1;31m".utf8) + text[range] + Array("\u{1B}[0m".utf8)
            cursor = range.upperBound
        }
        return out + text[cursor...]
    }
}
