import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

/// A terminal whose locale is not UTF-8 (`LANG=C`) gets ASCII only: symbols have ASCII
/// stand-ins, box lines become the line-drawing set (here `+ - |`), other text `?`.
@Suite struct CharsetTests {
    @Test func withoutUTF8EveryScreenIsASCII() throws {
        let app = try TestApp(charset: .ascii) { workspace in
            let issue = try workspace.issues.create(IssueDraft(title: "Café checkout — 502s › gateway", severity: .p1))
            _ = try workspace.whys.add(issueId: issue.id, question: "Why did “checkout” fail?")
        }
        func isASCII() -> Bool { app.screen.allSatisfy { $0.utf8.allSatisfy { $0 < 0x80 } } }
        #expect(isASCII())
        #expect(app.row(containing: "Caf? checkout - 502s > gateway") != nil)
        Golden.expect(app.screen, matches: "ascii-issue-list-80x24")
        app.press(.deleteIssue)
        #expect(isASCII())
        #expect(app.row(containing: "+- Delete issue? -") != nil)
        app.press(.cancel)
        app.press(.open)
        app.press(.showTab(1))
        #expect(isASCII())
        Golden.expect(app.screen, matches: "ascii-whys-80x24")
        app.press(.help)
        #expect(isASCII())
    }

    @Test func aWideCharacterKeepsItsTwoColumns() {
        var buffer = CellBuffer(size: Size(width: 6, height: 1))
        buffer.put("漢a─", x: 0, y: 0)
        #expect(ASCIIFallback.apply(to: buffer).lines == ["??a-  "])
    }

    @Test func withoutColourThePIIKindsLookDifferent() {
        let styles = [Role.piiCredential, .piiPersonal, .piiNetwork].map { Theme.monochrome.style(for: $0, highlighted: false) }
        #expect(Set(styles.map { "\($0)" }).count == 3)
        #expect(styles.allSatisfy { $0 != TextStyle() })
    }
}
