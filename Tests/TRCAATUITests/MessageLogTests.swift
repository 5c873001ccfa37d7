import Foundation
import Testing
import TRCAACore
@testable import TRCAATUI

@Suite struct MessageLogTests {
    @Test func theMessageLogKeepsEveryMessageWholeNewestFirst() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Disk full on db01")) }
        let long = "could not import /var/log/a/very/long/path/that/does/not/fit/in/the/status/bar/of/an/eighty/column/terminal.log: "
            + "no such file or directory; check the path and try again"
        for index in 1...11 { app.send(.stored(.whyMoved(stepId: "s", to: index))) }
        app.send(.failed(long))
        // The status bar cuts the error to the terminal's width.
        #expect(!app.screenText.contains("try again"))
        app.press(.moveDown)  // Any key clears an error toast; the log keeps it.
        app.press(.showMessages)
        #expect(app.state.topScreen is MessageLogState)
        #expect(app.screen[0].contains("Messages"))
        let text = app.screen.joined(separator: " ").split(separator: " ").joined(separator: " ")
        #expect(text.contains("check the path and try again"))
        // A word longer than the line (the path) goes on, cut, on the next line.
        #expect(app.screen.map { $0.trimmingCharacters(in: .whitespaces) }.joined().contains("/eighty/column/terminal.log:"))
        #expect(app.role(of: "could not import") == .error)
        // Newest first: the error, then the tenth-newest change two rows per message later.
        let rows = app.screen
        let error = try #require(rows.firstIndex { $0.contains("could not import") })
        let latest = try #require(rows.firstIndex { $0.contains("moved the step to #11") })
        let older = try #require(rows.firstIndex { $0.contains("moved the step to #2") })
        #expect(error < latest && latest < older)
        app.press(.back)
        #expect(app.state.topScreen is IssueListState)
    }

    @Test func thePaletteFindsTheMessageLog() throws {
        let app = try TestApp()
        app.press(.palette)
        app.type("message log")
        app.press(.confirm)
        #expect(app.state.topScreen is MessageLogState)
        #expect(app.screenText.contains("nothing yet"))
    }
}
