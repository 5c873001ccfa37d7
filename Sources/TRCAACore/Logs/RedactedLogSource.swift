/// A stored log's redacted text as a pipeline source, for re-storing it (`log redact --purge`).
final class RedactedLogSource: LogSource {
    let name: String
    let sourceSize: Int64?
    private(set) var sourceBytesRead: Int64 = 0
    private let inflater: LogInflater
    private let redactor: Redactor
    private var cursor: Redactor.Cursor
    private var raw = [UInt8](repeating: 0, count: 1 << 16)
    private var pending: [UInt8] = []
    private var pendingStart = 0

    init(reader: LogReader, name: String, redactor: Redactor) {
        inflater = reader.inflaterFromStart()
        self.name = name
        sourceSize = reader.size
        self.redactor = redactor
        cursor = redactor.cursor()
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while pendingStart == pending.count {
            let count = try raw.withUnsafeMutableBytes { try inflater.read(into: $0) }
            guard count > 0 else { return 0 }
            sourceBytesRead += Int64(count)
            pending.removeAll(keepingCapacity: true)
            pendingStart = 0
            raw.withUnsafeBytes { redactor.feed(UnsafeRawBufferPointer(rebasing: $0[0..<count]), at: &cursor, into: &pending) }
        }
        let count = min(buffer.count, pending.count - pendingStart)
        pending.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + pendingStart, byteCount: count) }  // Safe: count > 0.
        pendingStart += count
        return count
    }
}
