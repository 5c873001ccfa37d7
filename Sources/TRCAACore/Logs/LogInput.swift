import CZlib
import Foundation
import Glibc
import TRCAAStore

/// A log being read: a file or stdin, gunzipped on the fly when it starts with the gzip magic
/// (any name: `.gz`, `.1.gz`, or none), so what is stored is always the text itself.
final class LogInput {
    /// The name to store: given, or the file's name (without `.gz` when it is gzip), or `stdin`.
    private(set) var name: String
    /// Absolute path, or "" for stdin.
    let path: String
    /// Bytes of the file as stored on disk, when known (for progress).
    let sourceSize: Int64?
    /// Whether the input was gzip and is being inflated.
    private(set) var isCompressed = false
    /// Asked before each read and while waiting for input: true ends the import
    /// (`ImportError.interrupted`).
    private let shouldStop: () -> Bool

    private let origin: Origin
    /// Where the next byte of a `.memory` origin is.
    private var memoryOffset = 0
    private var inflater: ZStream?
    private var raw: [UInt8] = []
    private var rawStart = 0
    private var rawEnd = 0
    private var sourceFinished = false
    private var memberFinished = false

    /// Opens `path` (or stdin for `-`).
    ///
    /// - throws: `ImportError.missingFile`, `.unreadable`, `.notAFile`, `.interrupted`.
    init(path argument: String, name: String? = nil, shouldStop: @escaping () -> Bool = { false }) throws {
        self.shouldStop = shouldStop
        if argument == "-" {
            origin = .descriptor(STDIN_FILENO, closes: false)
            path = ""
            self.name = name ?? "stdin"
            sourceSize = nil
        } else {
            let file = try InputFile(path: argument)
            origin = .descriptor(file.descriptor, closes: true)
            path = file.absolutePath
            self.name = name ?? URL(fileURLWithPath: file.absolutePath).lastPathComponent
            sourceSize = file.size
        }
        try start(renaming: name == nil)
    }

    /// Reads text held in memory (gzip or not): a log stored by another program.
    init(bytes: [UInt8], name: String, path: String) throws {
        shouldStop = { false }
        origin = .memory(bytes)
        self.name = name
        self.path = path
        sourceSize = Int64(bytes.count)
        try start(renaming: false)
    }

    /// Reads the first bytes and starts inflating when they are gzip's magic.
    private func start(renaming: Bool) throws {
        raw = [UInt8](repeating: 0, count: 1 << 18)
        try fillRaw()
        if rawEnd - rawStart >= 2, raw[rawStart] == 0x1F, raw[rawStart + 1] == 0x8B {
            isCompressed = true
            inflater = ZStream.inflater(windowBits: 15 + 16)
            if renaming, name.count > 3, name.lowercased().hasSuffix(".gz") { name.removeLast(3) }
        }
    }

    deinit {
        if case .descriptor(let fd, closes: true) = origin { close(fd) }
    }

    /// Where the bytes come from.
    private enum Origin {
        case descriptor(Int32, closes: Bool)
        case memory([UInt8])
    }

    /// Bytes of the source consumed so far (compressed bytes for gzip input).
    private(set) var sourceBytesRead: Int64 = 0

    /// Reads up to `buffer.count` bytes of text; 0 at the end.
    ///
    /// - throws: `ImportError.corruptCompressed` for damaged or truncated gzip data,
    ///   `.unreadable` for read errors.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        guard let inflater else {
            if rawStart < rawEnd {
                let count = min(buffer.count, rawEnd - rawStart)
                raw.withUnsafeBytes { buffer.baseAddress!.copyMemory(from: $0.baseAddress! + rawStart, byteCount: count) }  // Safe: count > 0.
                rawStart += count
                return count
            }
            let got = try readSource(into: buffer.baseAddress!, count: buffer.count)  // Safe: callers pass a buffer.
            sourceBytesRead += Int64(got)
            return got
        }
        return try inflate(into: buffer, with: inflater)
    }

    private func inflate(into buffer: UnsafeMutableRawBufferPointer, with inflater: ZStream) throws -> Int {
        var produced = 0
        while produced == 0 {
            if rawStart == rawEnd {
                if sourceFinished {
                    if memberFinished { return 0 }
                    throw ImportError.corruptCompressed(name: name, reason: "the gzip data ends early (truncated file?)")
                }
                try fillRaw()
                if rawStart == rawEnd, sourceFinished { continue }
            }
            if memberFinished {
                // Another member follows (concatenated gzip files are one stream to gunzip).
                memberFinished = false
                inflater.reset()
            }
            let code = inflater.process(raw, start: &rawStart, end: rawEnd, into: buffer, produced: &produced)
            switch code {
            case Z_OK, Z_BUF_ERROR: break
            case Z_STREAM_END: memberFinished = true
            default:
                let message = inflater.message ?? "error \(code)"
                throw ImportError.corruptCompressed(name: name, reason: message)
            }
            if memberFinished, produced > 0 { break }
        }
        return produced
    }

    private func fillRaw() throws {
        if rawStart == rawEnd {
            rawStart = 0
            rawEnd = 0
        }
        let got = try raw.withUnsafeMutableBytes { try readSource(into: $0.baseAddress! + rawEnd, count: $0.count - rawEnd) }  // Safe: allocated.
        if got == 0 { sourceFinished = true }
        rawEnd += got
        sourceBytesRead += Int64(got)
    }

    /// `read(2)`, waking every 100 ms while a pipe or terminal has nothing to say, so that a
    /// stop request (Ctrl-C, caught on whichever thread) ends the import even while it waits.
    private func readSource(into buffer: UnsafeMutableRawPointer, count: Int) throws -> Int {
        let fd: Int32
        switch origin {
        case .descriptor(let descriptor, _): fd = descriptor
        case .memory(let bytes):
            let got = min(count, bytes.count - memoryOffset)
            if got > 0 { bytes.withUnsafeBytes { buffer.copyMemory(from: $0.baseAddress! + memoryOffset, byteCount: got) } }  // Safe: not empty.
            memoryOffset += got
            return got
        }
        while true {
            if shouldStop() { throw ImportError.interrupted }
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, 100)
            if ready == 0 || (ready < 0 && errno == EINTR) { continue }
            let got = Glibc.read(fd, buffer, count)
            if got >= 0 { return got }
            guard errno == EINTR else {
                throw ImportError.unreadable(path: path.isEmpty ? name : path, reason: String(cString: strerror(errno)))
            }
        }
    }
}
