/// Where a log line's message starts, found from the shapes headers take rather than from a
/// format the user names: a timestamp (any form `LogTimestamp` reads, epoch seconds, BGL's
/// `2005-06-03-15.42.50.675872`, a bracketed `[Sun Dec 04 04:47:44 2005]`), fields before
/// it (labels, ids, node names, components: the header ends at its last timestamp), then
/// pids and flags, a host, a level (`INFO`, `Info`, `[error]`, logcat's `D`), and the
/// component the level is followed by (`org.apache.Foo:`, `[main]`, `[thread] -`,
/// `nova.api [req-…]`), or syslog's `host program[pid]:`; `time|component|pid|message`
/// splits on its bars. A line with no timestamp near its start is all message.
public enum MessageHeader {
    /// Header tokens looked at; a timestamp further in belongs to the message.
    static let anchorWindow = 9
    /// Tokens between the timestamp (and its pids) and a level: host, facility, component.
    static let levelWindow = 4

    /// The byte offset in `line` where its message starts (`line.count` for a header alone).
    public static func messageStart(_ line: UnsafeBufferPointer<UInt8>) -> Int {
        var tokens = HeaderTokens(line)
        return messageStart(line, &tokens)
    }

    /// `messageStart(_:)`, with what its reading depended on left in `tokens`.
    static func messageStart(_ line: UnsafeBufferPointer<UInt8>, _ tokens: inout HeaderTokens) -> Int {
        guard let anchor = anchorIndex(&tokens) else { return tokens.skipSpaces(from: 0) }
        if let time = tokens.token(anchor), let pipe = pipeFields(line, after: time, &tokens) { return pipe }
        var index = anchor + 1
        while let token = tokens.token(index), token.isNumericAtom(line) { index += 1 }
        return messageStart(line, &tokens, from: index)
    }

    /// The last timestamp among the first tokens, or the last of the numbers a line starts
    /// with (HDFS's `081109 203615 148`); none past a token ending with `:`, and none after
    /// a first token no header starts with (a sentence that mentions a time).
    private static func anchorIndex(_ tokens: inout HeaderTokens) -> Int? {
        let line = tokens.line
        guard let first = tokens.token(0) else { return nil }
        let firstIsTime = tokens.isTime(first)
        let headerStart = firstIsTime || first.opensHeader(line)
        var anchor: Int?
        var leadingNumbers = true
        for index in 0..<anchorWindow {
            guard let token = tokens.token(index) else { break }
            let numeric = token.isNumericAtom(line)
            // The first token's time test is made once.
            if index == 0 ? firstIsTime : tokens.isTime(token, numeric: numeric) {
                if index == 0 || headerStart { anchor = index }
            } else if leadingNumbers, numeric {
                anchor = index
            } else {
                leadingNumbers = false
                if token.endsWithColon(line) { break }
            }
        }
        return anchor
    }

    /// After the timestamp and its numbers: a level within a few tokens and its component,
    /// or syslog's program, or the message itself.
    private static func messageStart(_ line: UnsafeBufferPointer<UInt8>, _ tokens: inout HeaderTokens, from first: Int) -> Int {
        for index in first..<(first + levelWindow) {
            guard let token = tokens.token(index) else { break }
            if token.isLevel(line, singleLetterAllowed: index == first && first > 0) {
                return afterLevel(line, &tokens, index + 1)
            }
            if token.endsWithColon(line) {
                if index - first <= 1, token.isComponent(line) { return tokens.skipSpaces(from: token.end) }
                break
            }
        }
        return tokens.token(first).map(\.start) ?? line.count
    }

    /// What follows a level: bracketed threads and contexts, dashes, then a component
    /// (`Name:`, or a name followed by a bracketed context).
    private static func afterLevel(_ line: UnsafeBufferPointer<UInt8>, _ tokens: inout HeaderTokens, _ first: Int) -> Int {
        var index = first
        while let token = tokens.token(index), token.isBracketGroup(line) || token.isDash(line) { index += 1 }
        guard let token = tokens.token(index) else { return line.count }
        if token.endsWithColon(line), token.isComponent(line) { return tokens.skipSpaces(from: token.end) }
        if token.isComponent(line), let context = tokens.token(index + 1), context.isBracketGroup(line) {
            index += 2
            while let dash = tokens.token(index), dash.isDash(line) { index += 1 }
            return tokens.token(index).map(\.start) ?? line.count
        }
        return token.start
    }

    /// `20171223-22:15:29:606|Step_LSC|30002312|message`: after the last bar before the
    /// first space, when the timestamp is followed by a bar.
    private static func pipeFields(_ line: UnsafeBufferPointer<UInt8>, after time: HeaderToken, _ tokens: inout HeaderTokens) -> Int? {
        tokens.read(upTo: time.end, end: line.count)
        guard time.end < line.count, line[time.end] == UInt8(ascii: "|") else { return nil }
        var index = time.end + 1
        var start = index
        while index < line.count, line[index] != 32, line[index] != 9 {
            if line[index] == UInt8(ascii: "|") { start = index + 1 }
            index += 1
        }
        tokens.read(upTo: index, end: line.count)
        return start
    }
}
