import CZlib
import TRCAAStore

/// Raw inflate of a stored log's BLOB from a given compressed offset, reading the BLOB
/// 64 KiB at a time.
final class LogInflater {
    private let blob: any BlobReader
    private let logId: String
    private let stream: ZStream
    private var input = [UInt8](repeating: 0, count: 1 << 16)
    /// The unconsumed part of `input`.
    private var inputStart = 0
    private var inputEnd = 0
    /// Where the next read from the BLOB starts.
    private var blobOffset: Int
    private var finished = false

    /// Starts at a flush point (or just after a gzip header).
    init(blob: any BlobReader, logId: String, compressedOffset: Int) {
        self.blob = blob
        self.logId = logId
        blobOffset = compressedOffset
        stream = ZStream.inflater(windowBits: -15)
    }

    /// Fills `buffer` with the next text; returns the bytes written, 0 at the end.
    ///
    /// - throws: `LogContentError.damaged` when the stream does not inflate.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard !finished, !buffer.isEmpty else { return 0 }
        var produced = 0
        while produced < buffer.count, !finished {
            if inputStart == inputEnd {
                let count = min(input.count, blob.count - blobOffset)
                guard count > 0 else { break }
                try input.withUnsafeMutableBytes {
                    try blob.read(into: UnsafeMutableRawBufferPointer(rebasing: $0[0..<count]), at: blobOffset)
                }
                blobOffset += count
                inputStart = 0
                inputEnd = count
            }
            let code = stream.process(input, start: &inputStart, end: inputEnd, into: buffer, produced: &produced)
            switch code {
            case Z_STREAM_END: finished = true
            case Z_OK, Z_BUF_ERROR: break
            default: throw LogContentError.damaged(logId: logId, reason: stream.message ?? "inflate error \(code)")
            }
        }
        return produced
    }
}
