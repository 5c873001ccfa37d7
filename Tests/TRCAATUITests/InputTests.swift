import Testing
@testable import TRCAATUI

@Suite struct InputTests {
    @Test func rawInputDecodesControlKeysEscAndAlt() {
        let keys = KeyDecoder.decode([
            .character(4), .character(13), .character(27), .character(27), .character(98), .character(127),
            .character(0x6F22), .key(.up), .character(9),
        ])
        #expect(keys == [.ctrl("d"), .enter, .escape, .alt("b"), .backspace, .char("漢"), .up, .tab])
    }

    @Test func keyLabelsRoundTrip() {
        for key: Key in [.char("j"), .char(" "), .ctrl("d"), .alt("b"), .pageDown, .enter, .escape, .backTab, .function(1)] {
            #expect(Key(label: key.label) == key)
        }
    }

    @Test func lineEditorHasReadlineKeys() {
        var editor = LineEditor("disk full on db01")
        let handled = editor.handle(.ctrl("w"))
        #expect(handled)
        #expect(editor.text == "disk full on ")
        _ = editor.handle(.ctrl("a"))
        _ = editor.handle(.char(">"))
        #expect(editor.text == ">disk full on ")
        _ = editor.handle(.alt("f"))
        _ = editor.handle(.ctrl("k"))
        #expect(editor.text == ">disk")
        _ = editor.handle(.ctrl("u"))
        #expect(editor.text == "" && editor.cursor == 0)
        let pageDownHandled = editor.handle(.pageDown)
        #expect(!pageDownHandled)
    }

    @Test func cursorKeepsAMarginAndStaysInRange() {
        var cursor = ListCursor()
        cursor.move(by: 7, count: 100, visible: 10)
        #expect(cursor.selected == 7 && cursor.offset == 0)
        cursor.move(by: 1, count: 100, visible: 10)
        #expect(cursor.offset == 1)
        cursor.select(500, count: 100, visible: 10)
        #expect(cursor.selected == 99 && cursor.offset == 90)
        cursor.select(-4, count: 0, visible: 10)
        #expect(cursor.selected == 0 && cursor.offset == 0)
    }

    @Test func fuzzyMatchingPrefersWordStartsAndRuns() {
        #expect(FuzzyMatch.score("chst", in: "Change the status") != nil)
        #expect(FuzzyMatch.score("xyz", in: "Change the status") == nil)
        let run = FuzzyMatch.score("status", in: "Change the status") ?? 0
        let scattered = FuzzyMatch.score("status", in: "Search the issues and tags") ?? 0
        #expect(run > scattered)
    }

    @Test func tableDropsLowPriorityColumnsOnNarrowTerminals() {
        let columns = IssueListView.columns(idWidth: 8)
        let wide = TableLayout(columns, width: 118, minimumFlexible: 24).columns.map(\.column.title)
        let narrow = TableLayout(columns, width: 78, minimumFlexible: 24).columns.map(\.column.title)
        #expect(wide == ["ID", "SEV", "STATUS", "TITLE", "CATEGORY", "ASSIGNEE", "UPDATED", "LOG", "WHY"])
        #expect(narrow == ["ID", "SEV", "STATUS", "TITLE", "UPDATED", "LOG", "WHY"])
    }

    @Test func everyBindingHasHelpAndNoKeyIsBoundTwiceInAContext() {
        for (context, bindings) in Keymap.standard.bindings {
            var seen = Set<Key>()
            for binding in bindings {
                #expect(!binding.help.isEmpty)
                for key in binding.keys { #expect(seen.insert(key).inserted, "\(key.label) twice in \(context)") }
            }
        }
    }
}
