/// Read-only text shared by the jobs of one block: deflate, the PII scan and mining. A block
/// from a `BlockPool` goes back to it when the last job lets it go.
final class SharedBytes: @unchecked Sendable {
    // Unchecked: `storage` changes only in `deinit`, when no one else holds the object.
    /// The text is `storage[..<count]`; a pooled buffer keeps its full size.
    private var storage: [UInt8]
    let count: Int
    private let pool: BlockPool?

    /// Text of its own, not pooled.
    init(_ bytes: [UInt8]) {
        (storage, count, pool) = (bytes, bytes.count, nil)
    }

    fileprivate init(storage: [UInt8], count: Int, pool: BlockPool) {
        precondition(count <= storage.count, "a block within its buffer")
        (self.storage, self.count, self.pool) = (storage, count, pool)
    }

    deinit { pool?.recycle(&storage) }

    var last: UInt8? { count > 0 ? storage[count - 1] : nil }

    func withUnsafeBytes<R>(_ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R {
        try storage.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[..<count])) }
    }
}

/// Block-sized buffers for the reading thread, recycled once every job of their block is done,
/// so it reads into memory that is already mapped. A fresh 1 MiB array per block cost a page
/// fault every 4 KiB (glibc maps and unmaps buffers that large), half the faults of a 100 MB
/// import: 50k against 28k now, 40 ms of CPU. At most `idleLimit` wait unused, so the pool
/// adds little to the import's peak memory beyond the blocks in flight.
final class BlockPool: Sendable {
    private let free = Recycler<[UInt8]>(limit: idleLimit)
    let size: Int
    static let idleLimit = 2

    init(size: Int) { self.size = size }

    /// A buffer of `size` bytes, recycled or new, with unspecified content.
    func take() -> [UInt8] {
        free.take() ?? [UInt8](repeating: 0, count: size)
    }

    /// `buffer[..<count]` as a block for the jobs; `buffer` comes back to the pool after them.
    func share(_ buffer: consuming [UInt8], count: Int) -> SharedBytes {
        SharedBytes(storage: buffer, count: count, pool: self)
    }

    /// Buffers waiting unused.
    var idleCount: Int { free.count }

    /// Takes `buffer` back (leaving it empty), so that the pool holds its only reference.
    fileprivate func recycle(_ buffer: inout [UInt8]) {
        var taken: [UInt8] = []
        swap(&taken, &buffer)
        free.give(consume taken)
    }
}
