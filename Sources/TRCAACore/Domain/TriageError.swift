/// What the triage services refuse, in terms the user can act on.
public enum TriageError: Error, Sendable, Equatable {
    case emptyTitle
    /// A value outside a closed vocabulary; `valid` lists what is accepted.
    case invalidValue(field: String, value: String, valid: [String])
    case idTooShort(prefix: String)
    case unknownID(kind: String, prefix: String)
    case ambiguousID(kind: String, prefix: String, candidates: [String])
    case emptyQuestion
    case noSuchStep(issueId: String, number: Int)
    case metadataTooLarge(bytes: Int)
    case metadataNotJSON
    case searchSyntax(query: String, message: String)
    /// Regenerating would throw away edits made since the last generation.
    case documentEdited(documentId: String)
    case editorUnavailable(command: String)
    case editorFailed(status: Int32)
    case editorLeftEmptyFile
    /// The edited file holds a NUL byte: binary data, which no text field holds.
    case editorLeftBinaryFile
    case exportDirectoryMissing(path: String)
    case exportExists(path: String)
    case exportFailed(path: String, reason: String)
    /// A log changed (a span dismissed, or purged) while a long operation on it ran; nothing was written.
    case logChanged(logId: String)
    /// An issue key prefix that is not 1–10 letters.
    case invalidKeyPrefix(String)
    /// A typed time trcaa cannot read, and why.
    case invalidTime(input: String, reason: String)
    /// A text that must say something (an event's or an action item's) is empty.
    case emptyText(field: String)
    /// `field` was changed by `by` at `at` (a stored timestamp) after the editor read it;
    /// nothing was saved.
    case editConflict(field: String, by: String, at: String)
}
