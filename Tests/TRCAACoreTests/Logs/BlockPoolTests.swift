import Testing
@testable import TRCAACore

struct BlockPoolTests {
    private func address(_ bytes: [UInt8]) -> UnsafeRawPointer? { bytes.withUnsafeBytes { $0.baseAddress } }

    @Test func aBlocksBufferComesBackWhenItsLastHolderLetsGo() {
        let pool = BlockPool(size: 64)
        var buffer = pool.take()
        buffer[0] = 7
        let first = address(buffer)
        var block: SharedBytes? = pool.share(buffer, count: 10)
        buffer = []
        let job = block
        block = nil
        #expect(job?.count == 10 && job?.last == 0 && job?.withUnsafeBytes { $0[0] } == 7)
        #expect(address(pool.take()) != first, "still held by the job")
        _ = consume job
        let again = pool.take()
        #expect(address(again) == first)
        #expect(again.count == 64, "the whole buffer, not the block's part")
    }

    @Test func atMostTheIdleLimitWaitUnused() {
        let pool = BlockPool(size: 16)
        var blocks = (0..<5).map { _ in pool.share(pool.take(), count: 16) }
        #expect(pool.idleCount == 0)
        blocks.removeAll()
        #expect(pool.idleCount == BlockPool.idleLimit)
    }
}
