import Testing
import TRCAACore
@testable import TRCAATUI

/// User stories driven by keymap action names through the real update, effects and render.
@Suite struct FlowTests {
    @Test func createAnIssueWorkThreeWhysMarkTheRootCauseAndSeeTheTimeline() throws {
        let app = try TestApp()
        app.press(.newIssue)
        app.type("Checkout returns 502")
        app.send(.key(.ctrl("s")))
        app.press(.open)
        #expect(app.detail?.detail?.issue.title == "Checkout returns 502")
        app.press(.showTab(1))
        #expect(app.row(containing: "No whys yet") != nil)

        let whys = [("Why did checkout fail?", "No healthy upstreams"),
                    ("Why were upstreams unhealthy?", "GC pauses"),
                    ("Why were GC pauses long?", "Heap too small for the new cache")]
        for (index, why) in whys.enumerated() {
            app.press(.addWhy)
            if index == 0 { app.send(.key(.ctrl("u"))) }
            app.type(why.0)
            app.press(.nextField)
            app.type(why.1)
            app.send(.key(.ctrl("s")))
        }
        let steps = try #require(app.detail?.detail?.steps)
        #expect(steps.map(\.whyQuestion) == whys.map(\.0))
        #expect(app.detail?.cursor(.whys).selected == 2)
        app.press(.markRootCause)
        // It asks how sure: the third choice is 75%.
        app.press(.moveDown)
        app.press(.moveDown)
        app.press(.confirm)
        #expect(app.detail?.detail?.rootCause?.text == "Heap too small for the new cache")
        #expect(app.detail?.detail?.rootCause?.confidence == 0.75)
        #expect(app.row(containing: "★ root cause") != nil)

        app.press(.showTab(2))
        let events = try #require(app.detail?.detail?.timeline).map(\.eventType)
        #expect(events.filter { $0 == "why_level_advanced" }.count == 3)
        #expect(events.last == "root_cause_identified")
        #expect(app.row(containing: "Root Cause Identified") != nil)
        app.press(.bottom)
        app.press(.open)
        guard case .message(let title, _) = app.state.overlay else { Issue.record("no details"); return }
        #expect(title == "Root Cause Identified")
        app.press(.cancel)

        app.press(.showTab(0))
        #expect(app.row(containing: "#3 Heap too small for the new cache") != nil)
        app.press(.back)
        #expect(app.list?.selectedIssue?.stepCount == 3)
    }

    @Test func stepsMoveAndDeleteWithConfirmation() throws {
        var issueId = ""
        let app = try TestApp {
            let issue = try $0.issues.create(IssueDraft(title: "Alpha"))
            issueId = issue.id
            for question in ["First?", "Second?"] { _ = try $0.whys.add(issueId: issue.id, question: question) }
        }
        app.press(.open)
        app.press(.nextTab)
        app.press(.moveWhyDown)
        #expect(try app.workspace.whys.list(issueId: issueId).map(\.whyQuestion) == ["Second?", "First?"])
        #expect(app.detail?.selectedStep?.whyQuestion == "First?")
        app.press(.deleteWhy)
        app.send(.key(.char("n")))
        #expect(app.detail?.detail?.steps.count == 2)
        app.press(.deleteWhy)
        app.send(.key(.char("y")))
        #expect(try app.workspace.whys.list(issueId: issueId).map(\.whyQuestion) == ["Second?"])
    }

    @Test func longTextUsesTheEditorWhenSetAndTheBuiltInEditorOtherwise() throws {
        let withEditor = try TestApp(externalEditor: true) { try $0.issues.create(IssueDraft(title: "Alpha")) }
        withEditor.press(.open)
        withEditor.press(.editDescription)
        guard case .runEditor(let purpose, _, _) = withEditor.terminalEffects.last else {
            Issue.record("the editor was not asked for"); return
        }
        withEditor.send(.edited(purpose, "Written in vim"))
        #expect(withEditor.detail?.detail?.issue.description == "Written in vim")

        let builtIn = try TestApp { try $0.issues.create(IssueDraft(title: "Alpha")) }
        builtIn.press(.open)
        builtIn.press(.editDescription)
        guard case .textEditor = builtIn.state.overlay else { Issue.record("no built-in editor"); return }
        builtIn.type("line one")
        builtIn.send(.key(.enter))
        builtIn.type("line two")
        builtIn.press(.confirm)
        #expect(builtIn.detail?.detail?.issue.description == "line one\nline two")
    }

    @Test func helpAndPaletteComeFromTheKeymap() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Alpha")) }
        app.press(.help)
        #expect(app.row(containing: "Change the status of the selected issue") != nil)
        #expect(app.row(containing: "Issue list") != nil)
        app.press(.cancel)
        app.press(.palette)
        app.type("status")
        let entries = App.paletteEntries(try #require({ if case .palette(let p) = app.state.overlay { p } else { nil } }()))
        #expect(entries.first?.binding.action == .changeStatus)
        app.press(.confirm)
        guard case .picker(let picker) = app.state.overlay else { Issue.record("palette did not run it"); return }
        #expect(picker.title == "Status")
    }

    @Test func quittingAndBackingOut() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Alpha")) }
        app.press(.open)
        app.press(.back)
        #expect(app.list != nil && !app.state.isQuitting)
        app.send(.key(.char("Q")))
        #expect(app.state.isQuitting)
        #expect(app.terminalEffects.last == .quit)
    }
}

extension FlowTests {
    @Test func thePaletteOpensAnIssueByItsKey() throws {
        let app = try TestApp()
        for title in ["First outage", "Second outage", "Third outage"] {
            app.press(.newIssue)
            app.type(title)
            app.send(.key(.ctrl("s")))
        }
        #expect(app.row(containing: "#3 ") != nil)
        app.press(.palette)
        app.type("#2")
        #expect(app.row(containing: "Open issue #2") != nil)
        app.press(.confirm)
        #expect(app.detail?.detail?.issue.title == "Second outage")
        #expect(app.row(containing: "Issues › #2 › Overview") != nil)

        app.press(.palette)
        app.type("#9")
        app.press(.confirm)
        #expect(app.detail?.detail?.issue.title == "Second outage", "an unknown key leaves the screen as it was")
        #expect(app.state.toast?.isError == true)
    }
}
