import Foundation
import Synchronization
import Testing
@testable import TRCAACore

/// The queue between the log pass's reading thread and the thread that stores spans.
@Suite struct BoundedChannelTests {
    @Test func everythingSentArrivesInOrderThenTheEnd() {
        let channel = BoundedChannel<Int>(capacity: 2)
        let sender = Thread {
            for value in 0..<100 { _ = channel.send(value) }
            channel.close()
        }
        sender.start()
        var received: [Int] = []
        while let value = channel.receive() { received.append(value) }
        #expect(received == Array(0..<100))
    }

    @Test func cancellingReleasesASenderWaitingOnAFullChannel() {
        let channel = BoundedChannel<Int>(capacity: 1)
        #expect(channel.send(1))
        let outcome = Mutex<Bool?>(nil)
        let done = DispatchSemaphore(value: 0)
        let sender = Thread {
            let accepted = channel.send(2)  // Waits: the channel is full.
            outcome.withLock { $0 = accepted }
            done.signal()
        }
        sender.start()
        channel.cancel()
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(outcome.withLock { $0 } == false)
        #expect(channel.send(3) == false)
    }
}
