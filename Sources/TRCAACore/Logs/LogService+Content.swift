import Foundation
import TRCAAStore

extension LogService {
    /// Lines `range` (0-based) of a log; redacted line by line (with `tokens`), so numbers
    /// match the stored text.
    public func lines(_ id: String, _ range: Range<Int>, redacted: Bool = false,
                      tokens: RedactionTokens = .plain) throws -> [LogLine] {
        let lines = try reader(id).lines(range)
        guard redacted, let first = lines.first, let last = lines.last else { return lines }
        let redactor = try redactor(id, from: first.offset, to: last.offset + Int64(last.bytes.count), tokens: tokens)
        return lines.map { line in
            var view = line
            view.bytes = line.bytes.withUnsafeBytes { redactor.view(of: $0, at: line.offset).bytes }
            return view
        }
    }

    /// The whole text, or its redacted view, chunk by chunk (valid only inside `body`).
    public func stream(_ id: String, redacted: Bool = false, tokens: RedactionTokens = .plain,
                       _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let reader = try reader(id)
        guard redacted else { return try reader.stream(body) }
        let redactor = try redactor(id, tokens: tokens)
        var cursor = redactor.cursor()
        var out: [UInt8] = []
        try reader.stream { chunk in
            out.removeAll(keepingCapacity: true)
            redactor.feed(chunk, at: &cursor, into: &out)
            try out.withUnsafeBytes { try body($0) }
        }
    }

    /// Writes the text (or its redacted view, with `tokens`) to a new file `path`, mode 0600,
    /// and records the export (with the tokens of a redacted one) in the audit log. Returns the
    /// absolute path.
    ///
    /// - throws: `TriageError.exportExists` (unless `replacing`), `.exportDirectoryMissing`, `.exportFailed`.
    public func export(_ id: String, redacted: Bool, tokens: RedactionTokens = .plain, to path: String,
                       replacing: Bool = false) throws -> String {
        let log = try detail(id)
        let written = try ExportFile.write(to: path, replacing: replacing) { sink in
            try stream(id, redacted: redacted, tokens: tokens, sink)
        }
        try context.database.write { db -> Void in
            try context.audit.append(
                action: "export_log_file", entityType: "log_file", entityId: id,
                details: .object([("issue_id", .string(log.summary.issueId)), ("file_name", .string(log.summary.fileName)),
                                  ("redacted", .bool(redacted)), ("file_path", .string(written))]
                                 + (redacted ? [("tokens", .string(tokens.rawValue))] : [])), in: db)
        }
        return written
    }

}

extension LogService {
    /// Calls `body` with each line from line `first` (0-based) on: its number, its offset and
    /// its bytes (or its redacted view, with `tokens`), valid only during the call; until
    /// `body` returns false.
    public func forEachLine(_ id: String, from first: Int = 0, redacted: Bool = false, tokens: RedactionTokens = .plain,
                            _ body: (_ number: Int, _ offset: Int64, _ text: UnsafeRawBufferPointer) throws -> Bool) throws {
        let redactor = redacted ? try redactor(id, tokens: tokens) : nil
        try reader(id).forEachLine(from: first) { number, offset, bytes in
            guard let redactor, !redactor.overlapping(offset: offset, count: bytes.count).isEmpty else {
                return try body(number, offset, bytes)
            }
            return try redactor.view(of: bytes, at: offset).bytes.withUnsafeBytes { try body(number, offset, $0) }
        }
    }

    /// Calls `body` with each line matching `pattern` in the stored logs (of one issue, or
    /// all), log by log in upload order, with its 1-based number; `redacted` matches and
    /// shows the redacted view. Stops when `body` returns false; returns the lines matched.
    @discardableResult
    public func grep(_ pattern: LogPattern, issueId: String? = nil, redacted: Bool = false, tokens: RedactionTokens = .plain,
                     _ body: (_ log: LogFileSummary, _ line: Int, _ text: UnsafeRawBufferPointer) throws -> Bool) throws -> Int {
        var matched = 0
        var going = true
        for log in try list(issueId: issueId).map(\.summary) where going {
            try forEachLine(log.id, redacted: redacted, tokens: tokens) { number, _, text in
                guard pattern.matches(text) else { return true }
                matched += 1
                going = try body(log, number + 1, text)
                return going
            }
        }
        return matched
    }
}

extension LogService {
    /// A copy of the text (or its redacted view) for a pager: a 0600 file in a new private
    /// directory (`PrivateTempDirectory`), which the caller removes when the pager is done.
    public func writePrivateCopy(_ id: String, redacted: Bool, tokens: RedactionTokens = .plain,
                                 environment: [String: String]) throws
        -> (directory: String, path: String)
    {
        let name = try detail(id).summary.fileName
        let directory = try PrivateTempDirectory.make(environment: environment)
        do {
            let path = directory + "/" + (name.isEmpty || name.contains("/") ? "log.txt" : name)
            _ = try ExportFile.write(to: path, replacing: false) { sink in
                try stream(id, redacted: redacted, tokens: tokens, sink)
            }
            return (directory, path)
        } catch {
            PrivateTempDirectory.remove(directory)
            throw error
        }
    }
}
