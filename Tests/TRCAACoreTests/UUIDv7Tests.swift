import Foundation
import Testing
@testable import TRCAACore

@Suite struct UUIDv7Tests {
    @Test func idsHaveTheVersionAndVariantAndTheTime() {
        let id = UUIDv7.format(UUIDv7.Value(milliseconds: 1_736_935_200_123, high: 0xABC, low: 0x3FFF_FFFF_FFFF_FFFF))
        #expect(id.count == 36)
        #expect(id.split(separator: "-").map(\.count) == [8, 4, 4, 4, 12])
        #expect(Array(id)[14] == "7")
        #expect("89ab".contains(Array(id)[19]))
        #expect(id == id.lowercased())
        #expect(UInt64(id.prefix(8) + id.dropFirst(9).prefix(4), radix: 16) == 1_736_935_200_123)
        #expect(id == "01946967-d57b-7abc-bfff-ffffffffffff")
        #expect(UUIDv7.parse(id) == UUIDv7.Value(milliseconds: 1_736_935_200_123, high: 0xABC, low: 0x3FFF_FFFF_FFFF_FFFF))
        let fresh = UUIDv7.next()
        #expect(Array(fresh)[14] == "7" && "89ab".contains(Array(fresh)[19]))
    }

    @Test func idsIncreaseWithinOneMillisecondAndWhenTheClockGoesBack() {
        let date = Date(timeIntervalSince1970: 1_000_000_000)  // in the past: the generator is process-wide
        var previous = UUIDv7.next(at: date)
        for step in 0..<2000 {
            let next = UUIDv7.next(at: step % 2 == 0 ? date : date.addingTimeInterval(-10))
            #expect(next > previous)
            previous = next
        }
    }

    @Test func anIdFollowsAGivenFloor() {
        let floor = UUIDv7.next()
        #expect(UUIDv7.next(at: Date(timeIntervalSince1970: 0), after: floor) > floor)
    }

    @Test func aStepCarriesAcrossTheRandomBitsIntoTheMilliseconds() {
        let top = UUIDv7.Value(milliseconds: 5, high: (1 << 12) - 1, low: (1 << 62) - 1)
        #expect(top.successor(step: 1) == UUIDv7.Value(milliseconds: 6, high: 0, low: 0))
        let value = UUIDv7.Value(milliseconds: 5, high: 1, low: (1 << 62) - 2)
        #expect(value.successor(step: 3) == UUIDv7.Value(milliseconds: 5, high: 2, low: 1))
    }
}
