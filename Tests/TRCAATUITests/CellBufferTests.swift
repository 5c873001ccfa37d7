import Testing
@testable import TRCAATUI

@Suite struct CellBufferTests {
    @Test func widthsFollowGraphemesNotBytes() {
        #expect(DisplayWidth.columns(of: "日本語") == 6)
        #expect(DisplayWidth.columns(of: "e\u{301}") == 1)
        #expect(DisplayWidth.columns(of: "🚀") == 2)
        #expect(DisplayWidth.columns(of: "🇫🇷") == 2)
        #expect(DisplayWidth.columns(of: "abc") == 3)
        #expect(DisplayWidth.columns(of: "\u{200B}") == 0)
    }

    @Test func longTextIsCutWithAnEllipsisAtAColumnBoundary() {
        var buffer = CellBuffer(size: Size(width: 10, height: 1))
        let written = buffer.put("Database connection timeout", x: 0, y: 0)
        #expect(written == 10)
        #expect(buffer.line(0) == "Database …")
    }

    @Test func aWideCharacterThatDoesNotFitIsNeverTorn() {
        var buffer = CellBuffer(size: Size(width: 6, height: 1))
        buffer.put("ab日本語", x: 0, y: 0)
        // 2 + 6 columns do not fit in 6: "ab日" (4) + "…" leaves one blank, never half a glyph.
        #expect(buffer.line(0) == "ab日 …")
        var edge = CellBuffer(size: Size(width: 3, height: 1))
        edge.set(x: 2, y: 0, Cell("日", width: 2))
        #expect(edge.line(0) == "   ")
    }

    @Test func overwritingHalfOfAWideCharacterBlanksTheOtherHalf() {
        var buffer = CellBuffer(size: Size(width: 4, height: 1))
        buffer.put("日本", x: 0, y: 0)
        buffer.put("x", x: 1, y: 0)
        #expect(buffer.line(0) == " x本")
        buffer.put("y", x: 2, y: 0)
        #expect(buffer.line(0) == " xy ")
    }

    @Test func combiningMarksJoinTheirBaseAndControlCharactersNeverReachTheTerminal() {
        var buffer = CellBuffer(size: Size(width: 8, height: 1))
        buffer.put("e\u{301}a\u{1B}[2Jb\tc", x: 0, y: 0, maxWidth: 8)
        #expect(buffer[0, 0].text == "e\u{301}")
        #expect(buffer.line(0) == "e\u{301}a\u{FFFD}[2Jb…")
        #expect(!buffer.line(0).contains("\u{1B}"))
    }

    @Test func changedRowsAreTheRowsThatDiffer() {
        var a = CellBuffer(size: Size(width: 5, height: 3))
        a.put("one", x: 0, y: 0)
        var b = a
        b.put("two", x: 0, y: 2)
        #expect(b.changedRows(since: a) == [2])
        #expect(b.changedRows(since: nil) == [0, 1, 2])
        #expect(b.changedRows(since: CellBuffer(size: Size(width: 4, height: 3))) == [0, 1, 2])
    }

    @Test func drawingOutsideTheBufferOrIntoNothingIsHarmless() {
        var buffer = CellBuffer(size: Size(width: 0, height: 0))
        #expect(buffer.put("text", x: 0, y: 0) == 0)
        var one = CellBuffer(size: Size(width: 1, height: 1))
        one.put("日本", x: 0, y: 0)
        one.put("x", x: 5, y: 5)
        one.fill(Rect(x: -3, y: -3, width: 10, height: 10))
        #expect(one.line(0) == " ")
    }

    @Test func monochromeThemeKeepsMeaningWithoutColours() {
        for role in Role.allCases {
            let style = Theme.monochrome.style(for: role, highlighted: false)
            #expect(style.foreground == nil && style.background == nil)
        }
        #expect(Theme.monochrome.style(for: .normal, highlighted: true).reverse)
        #expect(Theme.monochrome.style(for: .error, highlighted: false).bold)
        #expect(Theme.color.style(for: .severityP1, highlighted: false).foreground == .red)
    }
}
