/// The one registry of key bindings. Help, the command palette, the footer hints and the
/// tests all read it, so a key documented anywhere is the key that works.
public struct Keymap: Sendable {
    public let bindings: [KeyContext: [Binding]]

    public static let standard = Keymap(bindings: [
        .global: [
            Binding([.char("?"), .function(1)], .help, "Show the keys of this screen", hint: "help"),
            Binding([.char(":")], .palette, "Open the command palette", hint: "commands"),
            Binding([.char("q")], .back, "Go back (quit on the first screen)", hint: "back"),
            Binding([.escape], .close, "Go back (never quits)"),
            Binding([.char("Q"), .ctrl("c")], .quit, "Quit trcaa"),
            Binding([.ctrl("z")], .suspend, "Suspend to the shell (fg returns)"),
            Binding([.ctrl("l")], .refresh, "Reload and redraw"),
            Binding([.char("@")], .showMessages, "The message log: every message of this session, whole, with its time"),
        ],
        .navigation: [
            Binding([.char("j"), .down], .moveDown, "Move down"),
            Binding([.char("k"), .up], .moveUp, "Move up"),
            Binding([.char("g"), .home], .top, "Go to the first row"),
            Binding([.char("G"), .end], .bottom, "Go to the last row"),
            Binding([.ctrl("d")], .halfPageDown, "Half a page down"),
            Binding([.ctrl("u")], .halfPageUp, "Half a page up"),
            Binding([.pageDown, .char(" ")], .pageDown, "A page down"),
            Binding([.pageUp, .char("b")], .pageUp, "A page up"),
        ],
        .welcome: [
            Binding([.char("a")], .newIssue, "Create the first issue", hint: "new issue"),
            Binding([.char("d")], .loadDemoData, "Load demo data to explore", hint: "demo data"),
        ],
        .issueList: [
            Binding([.enter], .open, "Open the selected issue", hint: "open"),
            Binding([.char("a")], .newIssue, "Create an issue", hint: "new"),
            Binding([.char("/")], .search, "Search issues as you type (full text, ranked)", hint: "search"),
            Binding([.char("s")], .changeStatus, "Change the status of the selected issue", hint: "status"),
            Binding([.char("f")], .filter, "Filter by status, severity or category", hint: "filter"),
            Binding([.char("F")], .clearFilters, "Clear the filters and the search"),
            Binding([.char("o")], .cycleSort, "Sort by updated, created or severity", hint: "sort"),
            Binding([.char("O")], .reverseSort, "Reverse the sort order"),
            Binding([.char("x")], .deleteIssue, "Delete the selected issue (asks first)"),
            Binding([.char("A")], .showAttachments, "Every log and image of every issue"),
            Binding([.char("L")], .showAudit, "The audit log, and verifying its chain"),
        ],
        .searchPrompt: [
            Binding([.enter], .confirm, "Keep the results and move through them"),
            Binding([.escape], .cancel, "Clear the search"),
            Binding([.down], .moveDown, "Move down in the results"),
            Binding([.up], .moveUp, "Move up in the results"),
            Binding([.ctrl("r")], .toggleRegex, "Regular expression or fixed text (log viewer)"),
        ],
        .issueDetail: [
            Binding([.char("]"), .tab], .nextTab, "Next tab", hint: "tabs"),
            Binding([.char("["), .backTab], .previousTab, "Previous tab"),
            Binding([.char("1")], .showTab(0), "Overview tab"),
            Binding([.char("2")], .showTab(1), "5-Whys tab"),
            Binding([.char("3")], .showTab(2), "Timeline tab"),
            Binding([.char("4")], .showTab(3), "Logs tab"),
            Binding([.char("5")], .showTab(4), "Images tab"),
            Binding([.char("6")], .showTab(5), "Documents tab"),
            Binding([.char("7")], .showTab(6), "Action items tab"),
            Binding([.char("s")], .changeStatus, "Change the status", hint: "status"),
        ],
        .overview: [
            Binding([.enter, .char("r")], .editField, "Edit the selected field in place", hint: "edit field"),
            Binding([.char("e")], .editDescription, "Edit the description in $VISUAL/$EDITOR", hint: "description"),
            Binding([.char("S")], .changeSeverity, "Change the severity"),
            Binding([.char("c")], .changeCategory, "Change the category"),
        ],
        .whys: [
            Binding([.char("a")], .addWhy, "Add the next why", hint: "add why"),
            Binding([.enter, .char("r")], .editWhy, "Edit the selected step (several lines: in the editor)", hint: "edit"),
            Binding([.char("e")], .editWhyText, "Edit the step's answer and evidence as several lines ($VISUAL/$EDITOR)"),
            Binding([.char("v")], .showDetails, "The step in full: every line of its answer and evidence", hint: "view"),
            Binding([.char("K")], .moveWhyUp, "Move the step up"),
            Binding([.char("J")], .moveWhyDown, "Move the step down"),
            Binding([.char("c")], .markRootCause, "Mark the step as the root cause, with how sure you are", hint: "root cause"),
            Binding([.char("x")], .deleteWhy, "Delete the step (asks first)"),
        ],
        .timeline: [
            Binding([.char("a")], .addIncidentEvent, "Add an incident event: when it happened (any common form, +15m from the start), its kind",
                    hint: "add event"),
            Binding([.enter], .open, "Edit the incident event, or show a triage event's details", hint: "edit"),
            Binding([.char("x")], .deleteIncidentEvent, "Delete the incident event (asks first)"),
            Binding([.char("v")], .cycleTimelineView, "Show incident and triage events, only the incident's, or only the triage's",
                    hint: "view"),
            Binding([.char("t")], .toggleAbsoluteTime, "Switch relative and absolute times", hint: "times"),
        ],
        .actions: [
            Binding([.char("a")], .addActionItem, "Add an action item: what, who, by when, priority", hint: "add"),
            Binding([.enter], .open, "Edit the action item", hint: "edit"),
            Binding([.char(" "), .char("d")], .toggleActionDone, "Mark the item done, or open again", hint: "done"),
            Binding([.char("x")], .deleteActionItem, "Delete the action item (asks first)"),
        ],
        .attachments: [
            Binding([.enter], .open, "Open the log in the viewer, or show the image's details", hint: "open"),
            Binding([.char("a")], .importLog, "Import a log file (Tab completes the path)", hint: "import"),
            Binding([.char("o")], .openInPager, "Read the log in $PAGER (less), or open the image with xdg-open"),
            Binding([.char("p")], .showPatterns, "The log's message patterns", hint: "patterns"),
            Binding([.char("P")], .showIssuePatterns, "The patterns of all the issue's logs together: which logs hold each"),
        ],
        .logViewer: [
            Binding([.char("/")], .search, "Search forward (fixed text, smart case)", hint: "search"),
            Binding([.char("?")], .searchBackward, "Search backward (help stays on F1)"),
            Binding([.char("n")], .nextHit, "Next hit", hint: "next"),
            Binding([.char("N")], .previousHit, "Previous hit"),
            Binding([.char("e")], .nextError, "Next error line", hint: "error"),
            Binding([.char("E")], .previousError, "Previous error line"),
            Binding([.char("w")], .nextWarning, "Next warning line"),
            Binding([.char("W")], .previousWarning, "Previous warning line"),
            Binding([.char("r")], .toggleRedacted, "Redacted view on or off", hint: "redact"),
            Binding([.char("#")], .toggleNumberedTokens, "Redacted view with numbered tokens ([IPv4#3]) or plain ones"),
            Binding([.enter], .showPII, "The PII on this line: type, value and why it was flagged"),
            Binding([.char("d")], .dismissPII, "Dismiss this line's PII as false positives (asks first)"),
            Binding([.char("R")], .purgePII, "Purge the PII from the stored log (asks first)"),
            Binding([.char("m")], .toggleMark, "Mark or unmark the line", hint: "mark"),
            Binding([.char("u")], .nextMark, "Next mark"),
            Binding([.char("M")], .previousMark, "Previous mark"),
            Binding([.char("U")], .clearMarks, "Clear every mark of this log"),
            Binding([.char("A")], .attachMarks, "Attach the marked lines to a why (or a new one) as evidence", hint: "attach"),
            Binding([.char("T")], .makeIncidentEvents, "Make the line (or the marked lines) incident events at their times",
                    hint: "event"),
            Binding([.char("h"), .left], .scrollLeft, "Scroll left"),
            Binding([.char("l"), .right], .scrollRight, "Scroll right"),
            Binding([.char("t")], .toggleWrap, "Wrap long lines, or cut them at the edge"),
            Binding([.char("f")], .filter, "Add a filter: lines with a text (!text: lines without it)", hint: "filter"),
            Binding([.tab], .showFilters, "The filters: turn each off or on, or remove it", hint: "filters"),
            Binding([.char("F")], .clearFilters, "Remove every filter: show every line again"),
            Binding([.char("v")], .showTopValues, "Top values of a PII type (Enter filters to one)", hint: "top"),
            Binding([.char("o")], .openInPager, "Read this view of the log in $PAGER (less)"),
            Binding([.char("i")], .showHistogram, "Lines, errors and warnings over time (Enter jumps there)",
                    hint: "histogram"),
            Binding([.char("p")], .showPatterns, "The log's message patterns: counts, levels, where they come",
                    hint: "patterns"),
        ],
        .patterns: [
            Binding([.enter], .open, "Show the pattern's lines in the viewer", hint: "lines"),
            Binding([.char("x")], .hidePattern, "Hide the pattern's lines in the viewer, or show them again", hint: "hide"),
            Binding([.char("X")], .showAllPatterns, "Show every pattern's lines again"),
            Binding([.char("o")], .cycleSort, "Sort by count, rarity, first seen or level", hint: "sort"),
            Binding([.char("d")], .diffPatterns, "Compare with the issue's next log: new, gone, changed", hint: "diff"),
            Binding([.char("A")], .attachMarks, "Attach the pattern to a why: its template, count and lines, and its first three lines"),
            Binding([.char("r")], .toggleRedacted, "Templates as the redacted view shows them, or as stored (the viewer follows)",
                    hint: "redact"),
        ],
        .issuePatterns: [
            Binding([.enter], .open, "Show the pattern's lines in the viewer of a log that holds it", hint: "lines"),
            Binding([.char("o")], .cycleSort, "Sort by count, rarity, first seen or level", hint: "sort"),
            Binding([.char("r")], .toggleRedacted, "Templates as the redacted view shows them, or as stored", hint: "redact"),
            Binding([.char("A")], .attachMarks, "Attach the pattern to a why: its logs and lines, and its first three lines in each"),
        ],
        .documents: [
            Binding([.enter], .open, "Read the selected document", hint: "read"),
            Binding([.char("g")], .generateDocument, "Generate the RCA or the post-mortem from the issue", hint: "generate"),
            Binding([.char("e")], .editDocument, "Edit the document in $VISUAL/$EDITOR", hint: "edit"),
            Binding([.char("x")], .exportDocument, "Export as Markdown, HTML, PDF or Word", hint: "export"),
        ],
        .documentView: [
            Binding([.char("e")], .editDocument, "Edit the document in $VISUAL/$EDITOR", hint: "edit"),
            Binding([.char("x")], .exportDocument, "Export as Markdown, HTML, PDF or Word", hint: "export"),
            Binding([.char("g")], .generateDocument, "Regenerate it from the issue (asks before replacing edits)",
                    hint: "regenerate"),
        ],
        .attachmentList: [
            Binding([.char("/")], .search, "Search by file name or issue title as you type", hint: "search"),
            Binding([.enter], .open, "Open the log in the viewer, or show the image's details", hint: "open"),
            Binding([.char("o")], .openInPager, "Read the log in $PAGER (less), or open the image with xdg-open"),
        ],
        .auditLog: [
            Binding([.enter], .open, "Show the entry", hint: "show"),
            Binding([.char("v")], .verifyAudit, "Verify the hash chain", hint: "verify"),
        ],
        .help: [
            Binding([.char("j"), .down], .moveDown, "Scroll down"),
            Binding([.char("k"), .up], .moveUp, "Scroll up"),
            Binding([.char("q"), .escape, .char("?")], .cancel, "Close help", hint: "close"),
        ],
        .palette: [
            Binding([.enter], .confirm, "Run the selected command", hint: "run"),
            Binding([.escape], .cancel, "Close the palette", hint: "close"),
            Binding([.down, .ctrl("n")], .moveDown, "Next command"),
            Binding([.up, .ctrl("p")], .moveUp, "Previous command"),
        ],
        .confirm: [
            Binding([.char("y")], .confirm, "Yes", hint: "yes"),
            Binding([.char("n"), .escape, .char("q")], .cancel, "No", hint: "no"),
            Binding([.enter], .open, "Answer with the selected button"),
            Binding([.left, .right, .tab, .char("h"), .char("l")], .toggleChoice, "Switch between Yes and No"),
        ],
        .form: [
            Binding([.enter], .confirm, "Next field; save on the last one", hint: "next/save"),
            Binding([.ctrl("s")], .submit, "Save"),
            Binding([.tab], .complete, "Complete a path or a choice; in other fields, the next field", hint: "complete"),
            Binding([.down], .nextField, "Next field", hint: "field"),
            Binding([.backTab, .up], .previousField, "Previous field"),
            Binding([.escape], .cancel, "Cancel without saving", hint: "cancel"),
        ],
        .picker: [
            Binding([.enter], .confirm, "Choose", hint: "choose"),
            Binding([.char(" ")], .toggleChoice, "Tick or untick (where several can be ticked)"),
            Binding([.char("x"), .delete], .removeChoice, "Remove the entry (the viewer's filters)"),
            Binding([.char("j"), .down], .moveDown, "Next choice"),
            Binding([.char("k"), .up], .moveUp, "Previous choice"),
            Binding([.char("g"), .home], .top, "First choice"),
            Binding([.char("G"), .end], .bottom, "Last choice"),
            Binding([.escape, .char("q")], .cancel, "Cancel", hint: "cancel"),
        ],
        .textEditor: [
            Binding([.ctrl("s")], .confirm, "Save", hint: "save"),
            Binding([.escape], .cancel, "Cancel without saving", hint: "cancel"),
        ],
        .message: [
            Binding([.enter, .escape, .char("q")], .cancel, "Close", hint: "close"),
        ],
    ])

    /// The contexts searched for a key, most specific first.
    public static func chain(for focus: [KeyContext]) -> [KeyContext] {
        guard let top = focus.last else { return [.global] }
        if top.isModal { return [top] }
        return focus.reversed() + [.navigation, .global]
    }

    /// The action `key` sends in the focused chain, if any.
    public func action(for key: Key, in chain: [KeyContext]) -> Action? {
        for context in chain {
            if let binding = bindings[context]?.first(where: { $0.keys.contains(key) }) { return binding.action }
        }
        if chain.first?.isModal == true, key == .ctrl("c") { return .quit }
        return nil
    }

    /// The bindings of `chain`, each action once, in chain order.
    public func visibleBindings(in chain: [KeyContext]) -> [(context: KeyContext, binding: Binding)] {
        var seen = Set<Action>()
        var result: [(KeyContext, Binding)] = []
        for context in chain {
            for binding in bindings[context] ?? [] where seen.insert(binding.action).inserted {
                result.append((context, binding))
            }
        }
        return result
    }

    /// The first key that sends `action` in `chain`, for hints such as "press a to add": a
    /// key a more specific context takes for itself (`?` in the log viewer) is passed over.
    public func key(for action: Action, in chain: [KeyContext]) -> Key? {
        for context in chain {
            guard let binding = bindings[context]?.first(where: { $0.action == action }) else { continue }
            return binding.keys.first { self.action(for: $0, in: chain) == action }
        }
        return nil
    }
}
