import Glibc

/// What `log grep` and the viewer's search look for in a line: a POSIX extended regular
/// expression (as `grep -E`) or a fixed string, optionally ignoring ASCII case. Lines are
/// matched as bytes, so invalid UTF-8 never stops a search.
public final class LogPattern {
    private enum Matcher {
        case regex(UnsafeMutablePointer<regex_t>)
        case fixed([UInt8], ignoringCase: Bool)
    }

    public let source: String
    private let matcher: Matcher

    /// - throws: `TriageError.searchSyntax` for an invalid regular expression.
    public init(_ pattern: String, fixed: Bool = false, ignoringCase: Bool = false) throws {
        source = pattern
        if fixed {
            let bytes = Array(pattern.utf8)
            matcher = .fixed(ignoringCase ? bytes.map(Self.lower) : bytes, ignoringCase: ignoringCase)
            return
        }
        let regex = UnsafeMutablePointer<regex_t>.allocate(capacity: 1)
        let rc = regcomp(regex, pattern, REG_EXTENDED | (ignoringCase ? REG_ICASE : 0))
        guard rc == 0 else {
            var message = [CChar](repeating: 0, count: 256)
            regerror(rc, regex, &message, message.count)
            regex.deallocate()
            throw TriageError.searchSyntax(query: pattern, message: String(decoding: message.prefix { $0 != 0 }.map(UInt8.init(bitPattern:)), as: UTF8.self))
        }
        matcher = .regex(regex)
    }

    deinit {
        if case .regex(let regex) = matcher {
            regfree(regex)
            regex.deallocate()
        }
    }

    /// Whether `line` holds a match.
    public func matches(_ line: UnsafeRawBufferPointer) -> Bool { firstMatch(in: line, from: 0) != nil }

    /// Every non-overlapping match in `line`, for highlighting.
    public func ranges(in line: UnsafeRawBufferPointer) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var from = 0
        while from <= line.count, let match = firstMatch(in: line, from: from) {
            ranges.append(match)
            from = match.isEmpty ? match.upperBound + 1 : match.upperBound
        }
        return ranges.filter { !$0.isEmpty }
    }

    private func firstMatch(in line: UnsafeRawBufferPointer, from: Int) -> Range<Int>? {
        switch matcher {
        case .fixed(let needle, let ignoringCase):
            guard !needle.isEmpty else { return from..<from }
            guard line.count - from >= needle.count else { return nil }
            if !ignoringCase { return ByteText(line).end(ofFirst: needle, from: from).map { ($0 - needle.count)..<$0 } }
            var start = from
            while start + needle.count <= line.count {
                if Self.lower(line[start]) == needle[0],
                   (1..<needle.count).allSatisfy({ Self.lower(line[start + $0]) == needle[$0] }) {
                    return start..<(start + needle.count)
                }
                start += 1
            }
            return nil
        case .regex(let regex):
            // REG_STARTEND: the line needs no NUL terminator and may contain NUL bytes.
            var match = [regmatch_t(rm_so: regoff_t(from), rm_eo: regoff_t(line.count))]
            let flags = REG_STARTEND | (from > 0 ? REG_NOTBOL : 0)
            var empty: CChar = 0
            let found = withUnsafePointer(to: &empty) { emptyLine in
                regexec(regex, line.baseAddress?.assumingMemoryBound(to: CChar.self) ?? emptyLine, 1, &match, flags) == 0
            }
            guard found else { return nil }
            return Int(match[0].rm_so)..<Int(match[0].rm_eo)
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 65 && byte <= 90 ? byte + 32 : byte }
}
