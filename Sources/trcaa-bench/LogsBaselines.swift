import CZlib
import Foundation

/// The inputs and the plain-library baselines of `trcaa-bench logs`.
enum LogsBaselines {
    /// A file of at least `megabytes` MB made of the real samples in `corpus`, in turn.
    static func input(megabytes: Int, corpus: String, directory: String) throws -> String {
        let path = "\(directory)/\(URL(fileURLWithPath: corpus).lastPathComponent)-\(megabytes)MB.log"
        let target = megabytes * 1_000_000
        if let size = try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int, size >= target { return path }
        let samples = try FileManager.default.contentsOfDirectory(atPath: corpus).filter { $0.hasSuffix(".log") }.sorted()
            .map { try Data(contentsOf: URL(fileURLWithPath: "\(corpus)/\($0)")) }
        guard !samples.isEmpty else { throw ValidationErrorText("no .log samples in \(corpus)") }
        _ = FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        var written = 0
        while written < target {
            for sample in samples where written < target {
                try handle.write(contentsOf: sample)
                written += sample.count
            }
        }
        return path
    }

    /// zlib deflate at level 6 into one gzip member, one thread, 1 MiB at a time: what
    /// `gzip -6` does, in-process.
    static func zlibDeflate(_ bytes: [UInt8]) -> Int {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deallocate() }
        precondition(czlib_deflateInit2(stream, 6, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK)
        var output = [UInt8](repeating: 0, count: 1 << 20)
        var produced = 0
        bytes.withUnsafeBytes { input in
            var offset = 0
            var finished = false
            while !finished {
                let chunk = min(1 << 20, input.count - offset)
                let last = offset + chunk == input.count
                stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: UInt8.self) + offset)
                stream.pointee.avail_in = uInt(chunk)
                offset += chunk
                repeat {
                    output.withUnsafeMutableBytes { out in
                        stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
                        stream.pointee.avail_out = uInt(out.count)
                        let rc = deflate(stream, last ? Z_FINISH : Z_NO_FLUSH)
                        finished = rc == Z_STREAM_END
                        produced += out.count - Int(stream.pointee.avail_out)
                    }
                } while stream.pointee.avail_out == 0
            }
        }
        return produced
    }

    /// zlib inflate of a gzip member, in-process.
    static func zlibInflate(_ gzip: [UInt8]) -> Int {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { inflateEnd(stream); stream.deallocate() }
        precondition(czlib_inflateInit2(stream, 15 + 16) == Z_OK)
        var output = [UInt8](repeating: 0, count: 1 << 16)
        var produced = 0
        gzip.withUnsafeBytes { input in
            stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress!.assumingMemoryBound(to: UInt8.self))
            stream.pointee.avail_in = uInt(input.count)
            var rc = Z_OK
            while rc == Z_OK {
                output.withUnsafeMutableBytes { out in
                    stream.pointee.next_out = out.baseAddress!.assumingMemoryBound(to: UInt8.self)
                    stream.pointee.avail_out = uInt(out.count)
                    rc = inflate(stream, Z_NO_FLUSH)
                    produced += out.count - Int(stream.pointee.avail_out)
                }
            }
        }
        return produced
    }

    /// The original app's 13 patterns (reference §3.2), for `rg -o`.
    static let originalPatterns = [
        #"[a-z][a-z0-9+\-.]*://[^:@/\s]+:[^@/\s]+@"#,
        #"(?i)bearer\s+[A-Za-z0-9\-._~+/]+=*"#,
        #"(?i)(?:api[_\-]?key|apikey|access[_\-]?token)\s*[=:]\s*[A-Za-z0-9\-._~+/]{16,}"#,
        #"(?i)\b(?:password|passwd|passphrase|pass|pwd|secret)\s*[=:]\s*\S+"#,
        #"(?i)\b(?:password|passwd|passphrase)\s+(?:is\s+|was\s+)?[A-Za-z0-9!@#$%^&*_\-+=@#,.]*[0-9!@#$%^&*_\-+=@#][A-Za-z0-9!@#$%^&*_\-+=@#,.]*"#,
        #"\b\d{3}-\d{2}-\d{4}\b"#,
        #"\b(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|3[47][0-9]{13}|6(?:011|5[0-9]{2})[0-9]{12}|3(?:0[0-5]|[68][0-9])[0-9]{11}|35(?:2[89]|[3-8][0-9])[0-9]{12})\b"#,
        #"\b[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}\b"#,
        #"\b(?:[0-9A-Fa-f]{2}[:\-]){5}[0-9A-Fa-f]{2}\b"#,
        #"(?i)\b(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}\b|(?i)\b(?:[0-9a-f]{1,4}:){1,7}:\b|(?i)\b(?:[0-9a-f]{1,4}:){1,6}:[0-9a-f]{1,4}\b|(?i)\b::(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4}\b|(?i)\b[0-9a-f]{1,4}::(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4}\b"#,
        #"\b(?:(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\.){3}(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)\b"#,
        #"\b(?:\+?1[-.\s]?)?\(?[0-9]{3}\)?[-.\s]?[0-9]{3}[-.\s]?[0-9]{4}\b"#,
        #"\b(?:[A-Za-z0-9](?:[A-Za-z0-9\-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}\b"#,
    ]

    /// The absolute path of `program` on `PATH`, if installed.
    static func which(_ program: String) -> String? {
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(program)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
