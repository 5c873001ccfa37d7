import Testing
import TestSupport
@testable import TRCAACore

/// The scan passes over a word without visiting it only when `isPlain` or `isPlainNumber` would
/// turn it away: every other word is visited, whole and in order, whichever way the planes are made.
@Suite struct VisitedWordsTests {
    /// The words of `text` as a byte-by-byte reading finds them, and whether each may start a format.
    private static func words(of text: ByteText) -> [(range: Range<Int>, mayStartFormat: Bool)] {
        var words: [(range: Range<Int>, mayStartFormat: Bool)] = []
        var index = 0
        while index < text.count {
            guard text.has(.alnum, at: index) else {
                index += 1
                continue
            }
            let end = text.runEnd(.alnum, from: index)
            let (byte, previous, after) = (text[index], text[index - 1], text[end])
            let plain = byte <= UInt8(ascii: "9")
                ? text.runEnd(.digit, from: index) == end
                    && PIIDetector.isPlainNumber(text, at: index, digits: end - index, previous: previous, after: after)
                : PIIDetector.isPlain(text, byte: byte, previous: previous, after: after, at: index, length: end - index)
            words.append((index..<end, !plain))
            index = end
        }
        return words
    }

    /// Checks the words `VisitedWords` gives for `bytes` at every width; returns the share visited.
    @discardableResult
    private static func check(_ bytes: [UInt8], _ comment: Comment) -> Double {
        var share = 0.0
        bytes.withUnsafeBytes { buffer in
            let text = ByteText(buffer)
            let words = words(of: text)
            for width: Int32 in [512, 256, 0] {
                var storage: [UInt64] = []
                let visited = TextBits.of(text, reusing: &storage, width: width) { bits in
                    var visited: [Range<Int>] = [], iterator = VisitedWords(bits)
                    while let word = iterator.next() { visited.append(word) }
                    return visited
                }
                let all = Set(words.map(\.range))
                #expect(visited.allSatisfy(all.contains), "only whole words, width \(width): \(comment)")
                #expect(visited == visited.sorted { $0.lowerBound < $1.lowerBound }, "in order")
                let passedOver = Set(words.map(\.range)).subtracting(visited)
                let missed = words.filter { $0.mayStartFormat && passedOver.contains($0.range) }.map { String(decoding: bytes[$0.range], as: UTF8.self) }
                #expect(missed.isEmpty, "words that may start a format passed over, width \(width): \(missed.prefix(5)) \(comment)")
                share = words.isEmpty ? 1 : Double(visited.count) / Double(words.count)
            }
        }
        return share
    }

    /// Random texts of numbers, separators and letters that start formats or nearly do, across
    /// the 64-byte blocks.
    @Test(arguments: 1...40 as ClosedRange<UInt64>)
    func everyWordThatMayStartAFormatIsVisited(seed: UInt64) {
        var random = PIIPropertyTests.SeededRandom(state: seed)
        let pieces = ["1", "12", "123", "1234", "123456", "1234567", "12345678901", "0", "07", ".", "-", ":", "/", "(", " ", "  ",
                      "_", "e", "E", "eyJ", "p", "P", "b", "B", "Bearer", "AB12", "A1", "x", "word", "Host", "é", "\n", "\t", "=",
                      "@", "+", "abcdefghijklmnopqrstu", "abcdefghijklmnopqrs", "10.0.0.1", "16:13:38", "2025-12-10",
                      "aa:bb:cc:dd:ee:ff", "12:34:56:78:9a:bc", "http://", "call 415 555 0132", "id_42", "dsl-082-", "1.2.3./",
                      "10:20:/x", "7-8-/", "12:/"]
        var bytes: [UInt8] = []
        while bytes.count < 700 { bytes += Array(pieces.randomElement(using: &random)!.utf8) }
        for count in [bytes.count, 1, 63, 64, 65, 128, 191] {
            Self.check(Array(bytes.prefix(count)), "seed \(seed), \(count) bytes")
        }
    }

    /// On real logs, every word that may start a format is visited, and most words are not.
    @Test func mostWordsOfTheLoghubSamplesArePassedOver() throws {
        for (log, bytes) in try SharedFiles.loghubSamples() {
            let share = Self.check(Array(bytes.prefix(200_000)), "\(log)")
            #expect(share < 0.75, "\(log): \(share) of the words visited")
        }
    }
}
