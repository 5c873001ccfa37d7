/// The words of a text that the scan visits, in order: every word but those its
/// bits alone show to start no format, 64 bytes at a time by a few operations on the bits
/// instead of a visit for each (about half the words of a log). Each word passed over meets
/// conditions that imply `PIIDetector.isPlain` or, for a word of digits, `isPlainNumber`:
/// - a word that starts with a letter, not one of `PIIDetector.plainVetoes`, not after `-`,
///   not an upper-case letter two before a digit, shorter than 20 and followed by no joiner;
/// - a number of at most ten digits inside a run joined by one separator, past its first
///   number (`.` `-` `:` before and after it, a digit two before, no `/` after);
/// - a number of at most six digits before a `:` (not a URL's `:/`, and not two digits with a
///   `:` eight bytes on, as a MAC's), or followed by none of `.-:` nor by a space and another
///   group (a digit or `(`).
///
/// A condition on the byte after a word reaches it from the word's start by an addition: the
/// start's bit, added to the word's bits, carries to the byte after it.
struct VisitedWords: IteratorProtocol {
    private let bits: TextBits
    private var block = -1
    /// The visited ends in `block` not returned yet.
    private var pending: UInt64 = 0
    /// The word starts in `block`, and the last start before it (a word's start is the last
    /// one before its end: no load of the bits is needed to find it).
    private var starts: UInt64 = 0
    private var lastStartBefore = 0
    /// The carries out of the last block's additions, one for each kind of word.
    private var carries = Carries()

    private struct Carries {
        var letters: UInt64 = 0, afterDot: UInt64 = 0, afterHyphen: UInt64 = 0, afterColon: UInt64 = 0, short: UInt64 = 0
    }

    init(_ bits: TextBits) { self.bits = bits }

    /// The next visited word, `start..<end`.
    @inline(__always) mutating func next() -> Range<Int>? {
        while pending == 0 {
            if starts != 0 { lastStartBefore = block << 6 + 63 - starts.leadingZeroBitCount }
            block += 1
            guard block < bits.blocks else { return nil }
            pending = visited(in: block)
        }
        let offset = pending.trailingZeroBitCount
        pending &= pending &- 1
        let startsBefore = starts & (1 << UInt64(offset) &- 1)
        let start = startsBefore == 0 ? lastStartBefore : block << 6 + 63 - startsBefore.leadingZeroBitCount
        return start..<(block << 6 + offset)
    }

    /// The ends in `block` of the words to visit.
    @inline(__always) private mutating func visited(in block: Int) -> UInt64 {
        let alnum = Window(bits.alnum, block), digits = Window(bits.digits, block)
        let hyphens = Window(bits.hyphens, block), dots = Window(bits.dots, block), colons = Window(bits.colons, block)
        let slashAfter = Window(bits.slashes, block).ahead(1)
        starts = alnum.this & ~alnum.behind(1)
        let ends = ~alnum.this & alnum.behind(1)

        // Words of letters.
        let plainLetters = starts & ~digits.this & ~bits.plainVetoes[block] & ~hyphens.behind(1)
            & ~(bits.upper[block] & digits.ahead(2)) & ~alnum.fours.twenties
        let lettersEnd = Self.carry(plainLetters, through: alnum.this, &carries.letters)
        let plainLettersEnd = lettersEnd & ~bits.joiners[block]

        // Numbers; the carries go through the digits, so a number's word ends where they land.
        let numbers = starts & digits.this, digitFours = digits.fours
        let joined = numbers & ~digitFours.elevens & digits.behind(2)
        let afterDotEnd = Self.carry(joined & dots.behind(1), through: digits.this, &carries.afterDot)
        let afterHyphenEnd = Self.carry(joined & hyphens.behind(1), through: digits.this, &carries.afterHyphen)
        let afterColonEnd = Self.carry(joined & colons.behind(1), through: digits.this, &carries.afterColon)
        let plainJoinedEnd = (afterDotEnd & dots.this | afterHyphenEnd & hyphens.this | afterColonEnd & colons.this) & ~slashAfter
        let twoDigits = digits.this & digits.ahead(1) & ~digits.ahead(2)
        let short = numbers & ~digitFours.sevens & ~(twoDigits & colons.ahead(8))
        let shortEnd = Self.carry(short, through: digits.this, &carries.short)
        let joiningNext = dots.this | hyphens.this | colons.this
        let nextGroup = bits.spaces[block] & (digits.ahead(1) | Window(bits.parentheses, block).ahead(1))
        let plainShortEnd = shortEnd & (colons.this & ~slashAfter | ~joiningNext & ~nextGroup)

        return ends & ~(plainLettersEnd | (plainJoinedEnd | plainShortEnd) & ~alnum.this)
    }

    /// Where the bits of `starts` land when each is carried through the run of `run` it starts:
    /// on the first clear bit after it; `carry` goes in and comes out for the next block.
    @inline(__always) private static func carry(_ starts: UInt64, through run: UInt64, _ carry: inout UInt64) -> UInt64 {
        let (sum, overflow) = run.addingReportingOverflow(starts)
        let (carried, overflowAgain) = sum.addingReportingOverflow(carry)
        carry = overflow || overflowAgain ? 1 : 0
        return carried & ~run
    }

    /// One block of a plane with the blocks around it, for bits of the bytes before and after.
    private struct Window {
        let previous: UInt64, this: UInt64, next: UInt64

        @inline(__always) init(_ plane: UnsafePointer<UInt64>, _ block: Int) {
            (previous, this, next) = (plane[block - 1], plane[block], plane[block + 1])
        }

        /// Bit i is the bit of byte i - `count` (1...63).
        @inline(__always) func behind(_ count: UInt64) -> UInt64 { this << count | previous >> (64 - count) }

        /// Bit i is the bit of byte i + `count` (1...63).
        @inline(__always) func ahead(_ count: UInt64) -> UInt64 { this >> count | next << (64 - count) }

        /// Bit i is whether bits i..<(i + 4) are all set, over this block and the next (but for
        /// the next block's last bits, which no run starting in this block reaches).
        @inline(__always) var fours: Runs {
            let two = Runs(this & ahead(1), next & next >> 1)
            return two & two.ahead(2)
        }
    }

    /// Bit i of a block and its next, of the starts of runs of some width.
    private struct Runs {
        let this: UInt64, next: UInt64

        @inline(__always) init(_ this: UInt64, _ next: UInt64) { (self.this, self.next) = (this, next) }

        @inline(__always) func ahead(_ count: UInt64) -> Runs { Runs(this >> count | next << (64 - count), next >> count) }

        @inline(__always) static func & (left: Runs, right: Runs) -> Runs { Runs(left.this & right.this, left.next & right.next) }

        /// From runs of four: the starts of runs of seven, eleven and twenty in this block.
        @inline(__always) var sevens: UInt64 { (self & ahead(3)).this }
        @inline(__always) var elevens: UInt64 { (self & ahead(4) & ahead(7)).this }
        @inline(__always) var twenties: UInt64 {
            let eights = self & ahead(4)
            return (eights & eights.ahead(8) & eights.ahead(12)).this
        }
    }
}
