import Testing
import TRCAACore
@testable import TRCAATUI

@Suite struct IssueListTests {
    @Test func anEmptyDatabaseOpensOnTheWelcomeScreen() throws {
        let app = try TestApp()
        guard app.state.topScreen is WelcomeState else { Issue.record("not the welcome screen"); return }
        #expect(app.row(containing: "create the first issue") != nil)
        #expect(app.row(containing: "/data/trcaa") != nil)
        app.press(.loadDemoData)
        #expect(app.list?.window.rows.count == 4)
        #expect(app.row(containing: "Checkout API returns 502") != nil)
        #expect(app.state.status.totalIssues == 4)
    }

    @Test func theWelcomeScreenOffersToImportADesktopDatabase() throws {
        #expect(try TestApp().row(containing: "import-trcaa") == nil)
        let app = try TestApp(desktopDatabase: "/home/ana/.local/share/tftsr/tftsr.db")
        #expect(app.row(containing: "The TRCAA desktop app's database is here:") != nil)
        #expect(app.row(containing: "/home/ana/.local/share/tftsr/tftsr.db") != nil)
        #expect(app.row(containing: "trcaa db import-trcaa   brings its incidents over") != nil)
        #expect(app.row(containing: "create the first issue") != nil, "\(app.screenText)")
    }

    @Test func newIssueFormValidatesThenCreatesAndSelectsTheIssue() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Existing issue")) }
        app.press(.newIssue)
        app.press(.confirm)  // Enter on an empty title moves on; save from the last field.
        for _ in 0..<5 { app.press(.confirm) }
        guard case .form(let form) = app.state.overlay else { Issue.record("form closed"); return }
        #expect(form.error == "the title cannot be empty" && form.focused == 0)
        app.type("Disk full on db01")
        app.press(.nextField)
        app.send(.key(.ctrl("u")))
        app.type("high")
        app.send(.key(.ctrl("s")))
        #expect(app.state.overlay == nil)
        let list = try #require(app.list)
        #expect(list.selectedIssue?.issue.title == "Disk full on db01")
        #expect(list.selectedIssue?.issue.severity == "P2")
        #expect(app.state.toast?.text == "created “Disk full on db01”")
    }

    @Test func theNewIssueFormCompletesSeverityAndCategoryAndListsWhatFits() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Existing issue")) }
        app.press(.newIssue)
        app.type("VM host lost its disks")
        app.press(.nextField)
        app.send(.key(.ctrl("u")))
        app.type("p1")
        app.press(.complete)
        guard case .form(var form) = app.state.overlay else { Issue.record("form closed"); return }
        #expect(form.value(.severity) == "P1 critical")
        app.press(.nextField)
        app.send(.key(.ctrl("u")))
        app.type("v")
        app.press(.complete)
        guard case .form(let completed) = app.state.overlay else { Issue.record("form closed"); return }
        form = completed
        #expect(form.value(.category) == "virtualization")
        // Every value is listed whole under the focused field (none cut at 80 columns).
        app.send(.key(.ctrl("u")))
        app.press(.complete)
        #expect(!app.screenText.contains("…"))
        #expect(app.screenText.contains("virtualization"))
        app.type("virt")
        app.press(.complete)
        app.send(.key(.ctrl("s")))
        #expect(app.state.overlay == nil)
        let created = try #require(app.list?.selectedIssue?.issue)
        #expect(created.severity == "P1" && created.category == "virtualization")
    }

    @Test func searchShowsRankedResultsAsYouTypeAndEscClearsIt() throws {
        let app = try TestApp {
            try $0.issues.create(IssueDraft(title: "Payment gateway timeout"))
            try $0.issues.create(IssueDraft(title: "Login page slow", description: "gateway latency"))
            try $0.issues.create(IssueDraft(title: "Unrelated printer jam"))
        }
        app.press(.search)
        app.type("gatew")  // the last word is a prefix while typing
        #expect(app.list?.search?.results.count == 2)
        app.type("ay")
        let results = try #require(app.list?.search?.results)
        #expect(results.count == 2)
        #expect(results.first?.summary.issue.title == "Payment gateway timeout")
        #expect(app.row(containing: "Search: gateway") != nil)
        #expect(app.row(containing: "2 results") != nil)
        #expect(app.row(containing: "printer") == nil)
        app.press(.cancel)
        #expect(app.list?.search == nil)
        #expect(app.row(containing: "printer") != nil)
    }

    @Test func aBadSearchSaysWhyInsteadOfFailing() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Anything")) }
        app.press(.search)
        app.type("\"unbalanced")
        let error = try #require(app.list?.search?.error)
        #expect(!error.isEmpty)
        #expect(app.row(containing: "Search:") != nil)
    }

    @Test func deletingAsksFirstAndDefaultsToNo() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Disk full on db01", severity: .p2)) }
        app.press(.deleteIssue)
        guard case .confirm(let confirm) = app.state.overlay else { Issue.record("no dialog"); return }
        #expect(confirm.title == "Delete issue?" && !confirm.yesSelected)
        app.send(.key(.enter))  // Enter on the default answer: nothing deleted.
        #expect(app.list?.window.rows.count == 1)
        app.press(.deleteIssue)
        app.send(.key(.char("y")))
        #expect(try app.workspace.issues.count() == 0)
    }

    @Test func statusFilterAndSortChangeWhatIsListed() throws {
        let app = try TestApp {
            let a = try $0.issues.create(IssueDraft(title: "Alpha", severity: .p3))
            try $0.issues.create(IssueDraft(title: "Bravo", severity: .p1))
            _ = try $0.issues.update(a.id, IssueChanges(status: .resolved))
        }
        app.press(.filter)
        guard case .picker(let picker) = app.state.overlay else { Issue.record("no picker"); return }
        #expect(picker.options[picker.cursor.selected].value == .status(.open))
        app.press(.toggleChoice)
        app.press(.confirm)
        #expect(app.list?.window.rows.map(\.issue.title) == ["Bravo"])
        #expect(app.row(containing: "Filter: status=open") != nil)
        #expect(app.row(containing: "1 of 2 shown") != nil)
        app.press(.clearFilters)
        app.press(.cycleSort)
        app.press(.cycleSort)
        #expect(app.list?.filter.sort == .severity)
        #expect(app.list?.window.rows.map(\.issue.title) == ["Bravo", "Alpha"])
    }

    @Test func statusChangeFromTheListIsStoredAndStamped() throws {
        let app = try TestApp { try $0.issues.create(IssueDraft(title: "Alpha")) }
        app.press(.changeStatus)
        for _ in 0..<3 { app.press(.moveDown) }
        app.press(.confirm)
        let issue = try #require(app.list?.selectedIssue?.issue)
        #expect(issue.status == "resolved")
        #expect(issue.resolvedAt != nil)
    }

    @Test func theListKeepsAWindowOfPagesAroundTheCursor() throws {
        let app = try TestApp {
            _ = try $0.issues.createMany((0..<1000).map { IssueDraft(title: "Issue \($0)") })
        }
        #expect(app.list?.window.rows.count == IssueListState.pageSize)
        #expect(app.list?.matching == 1000)
        // G jumps: the page around the last issue, not every page on the way.
        app.press(.bottom)
        #expect(app.list?.cursor.selected == 999)
        #expect(app.list?.window.first == 800)
        #expect(app.list?.window.rows.count == IssueListState.pageSize)
        #expect(app.row(containing: "Issue 0 ") != nil)
        #expect(app.row(containing: "loading…") == nil)
        // Moving back up loads the pages before; the window slides instead of growing.
        for step in 1...700 {
            app.press(.moveUp)
            guard app.row(containing: "loading…") == nil else { Issue.record("loading… after \(step) up"); break }
        }
        let list = try #require(app.list)
        #expect(list.cursor.selected == 299)
        #expect(list.window.rows.count <= IssueListState.windowSize)
        #expect(list.selectedIssue?.issue.title == "Issue 700")
        // A changed issue stays selected.
        app.press(.changeStatus)
        app.press(.moveDown)
        app.press(.confirm)
        #expect(app.list?.selectedIssue?.issue.title == "Issue 700")
        #expect(app.list?.selectedIssue?.issue.status == "triaging")
        #expect(app.row(containing: "loading…") == nil)
        // Going back from an issue reloads the window where the cursor is.
        for _ in 0..<500 { app.press(.moveDown) }
        let selected = try #require(app.list?.selectedIssue?.issue.title)
        app.press(.open)
        app.press(.back)
        #expect(app.list?.selectedIssue?.issue.title == selected)
        #expect(app.row(containing: "loading…") == nil)
    }
}
