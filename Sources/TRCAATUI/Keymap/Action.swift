/// Everything a key can ask for. Actions are values: `update` interprets them, and help, the
/// command palette and tests list and send them by name.
public enum Action: Hashable, Sendable {
    // Moving around
    case moveDown, moveUp, top, bottom, pageDown, pageUp, halfPageDown, halfPageUp
    case open, back, quit, help, palette, suspend, refresh
    /// Opens the issue a typed key names (`#42`, `OPS-42`), from the palette.
    case openIssue(String)
    case nextTab, previousTab, showTab(Int)
    // Issue list
    case newIssue, changeStatus, deleteIssue, search, filter, clearFilters, cycleSort, reverseSort
    // Issue detail
    case editField, editDescription, changeSeverity, changeCategory
    case addWhy, editWhy, editWhyText, showDetails, moveWhyUp, moveWhyDown, deleteWhy, markRootCause
    case toggleAbsoluteTime
    // Timeline (incident events) and action items
    case addIncidentEvent, deleteIncidentEvent, cycleTimelineView, addActionItem, toggleActionDone, deleteActionItem
    // Log viewer (`search` looks forward)
    case searchBackward, nextHit, previousHit, nextError, previousError, nextWarning, previousWarning
    case scrollLeft, scrollRight, toggleWrap, toggleRedacted, showPII, dismissPII, purgePII
    case toggleMark, nextMark, previousMark, clearMarks, attachMarks, gotoLine(Int), showHistogram, makeIncidentEvents
    // Logs tab
    case importLog, openInPager
    // Patterns of a log (the viewer's and the Logs tab's `p`)
    case showPatterns, showIssuePatterns, hidePattern, showAllPatterns, diffPatterns
    // Documents
    case generateDocument, editDocument, exportDocument
    // Attachments of every issue, the audit log
    case showAttachments, showAudit, verifyAudit, showMessages, showFilters, toggleRegex, removeChoice, showTopValues, close
    case complete, toggleNumberedTokens
    // Welcome
    case loadDemoData
    // Dialogs, forms and pickers
    case confirm, submit, cancel, nextField, previousField, toggleChoice
}
