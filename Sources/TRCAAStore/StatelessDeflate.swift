internal import CISAL

/// ISA-L's igzip deflating a whole buffer in one call: raw deflate (no header), which zlib and
/// any deflate reader inflate. Several times zlib's speed at the same level.
public enum StatelessDeflate {
    /// How the output ends: a final block, or a full flush (byte-aligned, dictionary reset) that
    /// lets further blocks follow in the same stream.
    public enum Ending: Sendable {
        case final
        case fullFlush
    }

    /// Bytes of the work buffer `level` (1 or 3) needs.
    public static func workBufferSize(level: Int) -> Int {
        Int(level == 1 ? cisal_level1_buffer_size() : cisal_level3_buffer_size())
    }

    /// Room enough for any output of `count` bytes: stored blocks at worst.
    public static func outputBound(_ count: Int) -> Int { count + count / 16 + 1024 }

    /// Deflates `input` into `output` (at least `outputBound(input.count)` bytes) at `level`
    /// with `work` (`workBufferSize(level:)` bytes); returns the bytes written.
    public static func deflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer, level: Int,
                               work: UnsafeMutableRawBufferPointer, ending: Ending) -> Int {
        var stream = isal_zstream()
        isal_deflate_stateless_init(&stream)
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: UInt8.self))
        stream.avail_in = UInt32(input.count)
        stream.next_out = output.baseAddress!.assumingMemoryBound(to: UInt8.self)  // Safe: never empty (the bound).
        stream.avail_out = UInt32(output.count)
        stream.level = UInt32(level)
        stream.level_buf = work.baseAddress!.assumingMemoryBound(to: UInt8.self)  // Safe: never empty.
        stream.level_buf_size = UInt32(work.count)
        stream.flush = UInt16(ending == .final ? NO_FLUSH : FULL_FLUSH)
        stream.end_of_stream = ending == .final ? 1 : 0
        stream.gzip_flag = UInt16(IGZIP_DEFLATE)
        let code = isal_deflate_stateless(&stream)
        precondition(code == COMP_OK, "igzip failed (\(code))")  // The bound leaves room for stored blocks.
        return Int(stream.total_out)
    }

    /// Level 1 for one piece after another, each deflated on its own with a final block. Its
    /// work and output buffers serve them all: the work buffer is larger than glibc's mmap
    /// threshold, so one for each piece would be mapped and zeroed again each time.
    public struct Level1 {
        private var work = [UInt8](repeating: 0, count: StatelessDeflate.workBufferSize(level: 1))
        private var output: [UInt8] = []

        public init() {}

        /// `bytes` deflated, in an array of its size.
        public mutating func deflate(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
            let bound = StatelessDeflate.outputBound(bytes.count)
            if output.count < bound { output = [UInt8](repeating: 0, count: bound) }
            let produced = output.withUnsafeMutableBytes { out in
                work.withUnsafeMutableBytes { StatelessDeflate.deflate(bytes, into: out, level: 1, work: $0, ending: .final) }
            }
            return Array(output[..<produced])
        }
    }
}
