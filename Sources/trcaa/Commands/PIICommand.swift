import ArgumentParser
import Foundation
import TRCAACore

/// `trcaa pii …`: the detector on its own, without the store.
struct PIICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pii",
        abstract: "Find PII and secrets in text without storing it.",
        subcommands: [Scan.self]
    )
}

extension PIICommand {
    struct Scan: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "scan",
            abstract: "Scan stdin and list what would be redacted.",
            discussion: """
                By default stdin is text and each finding is printed as LINE:COLUMN TYPE VALUE. With --jsonl, \
                each stdin line is {"id":…,"text":…} and each output line {"id":…,"spans":[{"type","start","end"}]} \
                with UTF-8 byte offsets (the evaluation interface). With --redact, the redacted text is printed.
                """)

        @Flag(help: "Read and write JSON lines.") var jsonl = false
        @Flag(help: "Print the text with every finding replaced by its [Type].") var redact = false
        @Option(help: RedactionOptions.tokensHelp) var tokens: RedactionTokens?

        func validate() throws {
            if tokens != nil, !redact { throw ValidationError("--tokens applies to the redacted text; add --redact") }
        }

        mutating func run() throws {
            try reportingErrors {
                if jsonl { return try scanJSONLines() }
                var stream = PIIScanStream()
                if redact {
                    var pieces = Redaction.Pieces(tokens: tokens ?? .plain)
                    return try stream.run { spans, text, textStart in
                        let inPiece = spans.map { PIISpan(type: $0.type, start: $0.start - textStart, end: $0.end - textStart) }
                        FileHandle.standardOutput.write(Data(pieces.apply(inPiece, to: text)))
                    }
                }
                var position = TextPosition()
                var found = false
                try stream.run { spans, text, textStart in
                    for span in spans {
                        position.advance(to: span.start, in: text, from: textStart)
                        let value = String(decoding: text[(span.start - textStart)..<(span.end - textStart)], as: UTF8.self)
                        print("\(position.line):\(position.column)\t\(span.type.rawValue)\t\(value)")
                    }
                    found = found || !spans.isEmpty
                    position.advance(to: textStart + text.count, in: text, from: textStart)
                }
                if !found { Console.notice("nothing found") }
            }
        }

        private func scanJSONLines() throws {
            var output = Data()
            while let line = readLine(strippingNewline: true) {
                guard !line.isEmpty else { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                      let text = object["text"] as? String else {
                    throw CommandFailure(report: ErrorReport(
                        message: "stdin line is not {\"id\":…,\"text\":…}: \(line.prefix(60))", hint: nil,
                        code: ExitStatus.dataError))
                }
                let id: JSONText = (object["id"] as? String).map(JSONText.string)
                    ?? (object["id"] as? Int).map { JSONText.int(Int64($0)) } ?? .null
                let spans = PIIDetector.spans(in: text).map { span in
                    JSONText.object([("type", .string(span.type.rawValue)), ("start", .int(Int64(span.start))),
                                     ("end", .int(Int64(span.end)))])
                }
                output.append(Data((JSONText.object([("id", id), ("spans", .array(spans))]).rendered + "\n").utf8))
                if output.count > 1 << 16 {
                    FileHandle.standardOutput.write(output)
                    output.removeAll(keepingCapacity: true)
                }
            }
            FileHandle.standardOutput.write(output)
        }
    }
}
