import Foundation
import Synchronization
import TRCAACore

/// Runs the store effects with the services and reports back with messages. It owns the
/// workspace: after start-up only the runner's queue touches it, one effect at a time.
public final class EffectRunner: @unchecked Sendable {
    private let workspace: Workspace
    /// Where private copies go (`XDG_RUNTIME_DIR`, `TMPDIR`).
    private let environment: [String: String]
    private let describe: @Sendable (any Error) -> String
    /// The newest search and filter asked for per log, so a scan that a newer one replaced
    /// stops instead of holding up the queue.
    private let latestLogScan = Mutex<[String: (find: Int, filter: Int, count: Int)]>([:])
    /// Set by `Ctrl-c` while an import reads; the import polls it between blocks.
    private let importCancelled = Atomic(false)
    /// The store's external change stamp at the last check (`nil` before the first).
    private let lastExternalStamp = Mutex<Int64?>(nil)

    /// - parameter describe: turns a thrown error into the one-line message users see (the
    ///   executable's, so the CLI and the interface say the same thing).
    public init(workspace: Workspace, environment: [String: String] = [:],
                describe: @escaping @Sendable (any Error) -> String) {
        self.workspace = workspace
        self.environment = environment
        self.describe = describe
    }

    /// Called on the UI thread as `effect` is queued, before it runs.
    public func submitted(_ effect: Effect) {
        switch effect {
        case .findInLog(let logId, _, _, _, _, _, let generation):
            latestLogScan.withLock { $0[logId, default: (0, 0, 0)].find = generation }
        case .filterLog(let logId, _, _, let generation):
            latestLogScan.withLock { $0[logId, default: (0, 0, 0)].filter = generation }
        case .countHits(let logId, _, _, _, let generation):
            latestLogScan.withLock { $0[logId, default: (0, 0, 0)].count = generation }
        default:
            break
        }
    }

    /// The user's one-line message for `error`.
    public func describeError(_ error: any Error) -> String { describe(error) }

    /// Runs `effect`; errors become `.failed` (or `.searchFailed`) messages, never crashes.
    /// Long work reports through `progress` as it goes (it may be called from other threads).
    /// A write that waits for another process's lock says so in the status bar.
    ///
    /// `importLog` never touches the store, so it may run on a queue of its own next to the
    /// other effects; `cancelImport` only sets a flag, on any thread.
    public func run(_ effect: Effect, progress: @escaping @Sendable (Msg) -> Void = { _ in }) -> [Msg] {
        switch effect {
        case .fromForm(let form, let work):
            return run(work, progress: progress).map { $0.rejecting(form) }
        case .importLog(let issueId, let path):
            return prepareImport(issueId: issueId, path: path, progress: progress)
        case .cancelImport:
            importCancelled.store(true, ordering: .relaxed)
            return []
        default:
            break
        }
        let waited = Atomic(false)
        workspace.database.announceWaits { [workspace] in
            waited.store(true, ordering: .relaxed)
            progress(.progress(workspace.waitNotice))
        }
        defer {
            workspace.database.announceWaits(nil)
            if waited.load(ordering: .relaxed) { progress(.progress(nil)) }
        }
        do {
            return try perform(effect, progress: progress)
        } catch {
            progress(.progress(nil))  // whatever was under way has stopped
            if case .search(_, let generation) = effect {
                return [.searchFailed(generation: generation, message: describe(error))]
            }
            switch effect {
            case .openLog(let logId), .loadLogLines(let logId, _, _, _, _, _):
                return [.logOpenFailed(logId: logId, message: describe(error))]
            case .findInLog(let logId, _, _, _, _, _, _), .filterLog(let logId, _, _, _), .histogram(let logId),
                 .countHits(let logId, _, _, _, _):
                return [.logScanFailed(logId: logId, message: describe(error))]
            default:
                break
            }
            return [.failed(describe(error))]
        }
    }

    private func perform(_ effect: Effect, progress: @escaping @Sendable (Msg) -> Void) throws -> [Msg] {
        switch effect {
        case .loadIssues(var filter, let offset, let known):
            filter.offset = offset
            let (rows, matching) = try workspace.issues.page(filter, matching: known)
            let total = known != nil ? nil : filter.isUnfiltered ? matching : try workspace.issues.count(IssueFilter())
            return [.issuesLoaded(IssuePage(rows: rows, matching: matching, total: total, offset: offset))]
        case .search(let query, let generation):
            return [.searchFinished(generation: generation, query: query, results: try workspace.search.search(query))]
        case .loadDetail(let issueId):
            do {
                return [.detailLoaded(try workspace.issues.detail(issueId))]
            } catch TriageError.unknownID(kind: "issue", _) {
                return [.issueGone(id: issueId)]
            }
        case .checkExternalChanges:
            // A check that fails (a lock held a moment) is simply made again on the next tick.
            guard let stamp = try? workspace.database.externalChangeStamp() else { return [] }
            let previous = lastExternalStamp.withLock { last in defer { last = stamp }; return last }
            return previous != nil && previous != stamp ? [.changedElsewhere] : []
        case .openIssue(let reference):
            return [.issueOpened(try workspace.issues.detail(try workspace.issues.resolve(reference)))]
        case .createIssue(let draft):
            return [.stored(.issueCreated(try workspace.issues.create(draft)))]
        case .updateIssue(let id, let changes, let seen):
            let editAgain = { [workspace] () throws -> [Effect] in
                guard let text = changes.description else { return [] }
                let issue = try workspace.issues.get(id)
                return [.editAgain(.description(issue), text: text, title: "Description of “\(issue.title)”")]
            }
            return try unlessConflicting(overwrite: .updateIssue(id: id, changes, seen: nil), otherwise: editAgain) {
                [.stored(.issueSaved(try workspace.issues.update(id, changes, seen: seen)))]
            }
        case .deleteIssue(let id):
            let issue = try workspace.issues.get(id)
            try workspace.issues.delete(id)
            return [.issueDeleted(id: id, title: issue.title)]
        case .addWhy(let issueId, let question, let answer, let evidence):
            return [.stored(.whyAdded(try workspace.whys.add(issueId: issueId, question: question, answer: answer, evidence: evidence)))]
        case .editWhy(let stepId, let question, let answer, let evidence, let seen):
            return try unlessConflicting(overwrite: .editWhy(stepId: stepId, question: question, answer: answer,
                                                                     evidence: evidence, seen: nil), otherwise: { [] }) {
                _ = try workspace.whys.edit(stepId: stepId, question: question, answer: answer, evidence: evidence, seen: seen)
                return [.stored(.whySaved(stepId: stepId))]
            }
        case .moveWhy(let stepId, let number):
            try workspace.whys.move(stepId: stepId, to: number)
            return [.stored(.whyMoved(stepId: stepId, to: number))]
        case .deleteWhy(let stepId):
            try workspace.whys.delete(stepId: stepId)
            return [.stored(.whyDeleted)]
        case .markRootCause(let stepId, let confidence):
            _ = try workspace.whys.markRootCause(stepId: stepId, confidence: confidence)
            return [.stored(.rootCauseMarked(stepId: stepId))]
        case .addIncidentEvents(let issueId, let drafts):
            return [.stored(.incidentEventsAdded(count: try workspace.incident.add(issueId: issueId, drafts).count))]
        case .addIncidentEventsFromLog(let logId, let lines, let kind):
            return [.stored(.incidentEventsAdded(count: try workspace.incident.addFromLog(logId, lines: lines, kind: kind).count))]
        case .editIncidentEvent(let id, let at, let kind, let description, let evidence):
            _ = try workspace.incident.edit(id, at: at, kind: kind, description: description, evidence: evidence)
            return [.stored(.incidentEventSaved)]
        case .deleteIncidentEvent(let id):
            try workspace.incident.delete(id)
            return [.stored(.incidentEventDeleted)]
        case .addActionItem(let issueId, let description, let owner, let dueDate, let priority):
            _ = try workspace.actions.add(issueId: issueId, description: description, owner: owner, dueDate: dueDate,
                                          priority: priority)
            return [.stored(.actionItemAdded)]
        case .editActionItem(let id, let changes):
            return [.stored(.actionItemSaved(try workspace.actions.edit(id, changes)))]
        case .deleteActionItem(let id):
            try workspace.actions.delete(id)
            return [.stored(.actionItemDeleted)]
        case .openLog(let logId):
            let detail = try workspace.logs.detail(logId)
            let lines = try detail.lineCount ?? workspace.logs.reader(logId).lineCount
            return [.logOpened(logId: logId, lineCount: lines, pii: detail.piiCounts)]
        case .loadLogLines(let logId, let offset, let limit, let numbers, let view, let generation):
            let lines = try numbers.map {
                try workspace.logs.viewerLines(logId, numbers: $0, redacted: view.isRedacted, tokens: view.tokens)
            } ?? workspace.logs.viewerLines(logId, offset..<(offset + limit), redacted: view.isRedacted, tokens: view.tokens)
            return [.logLinesLoaded(logId: logId, offset: offset, lines: lines, generation: generation)]
        case .findInLog(let logId, let query, let line, let forward, let view, let filters, let generation):
            defer { progress(.progress(nil)) }
            let found = try workspace.logs.findLine(
                logId, query, from: line, forward: forward, redacted: view.isRedacted, tokens: view.tokens, filters: filters,
                progress: { progress(.progress("searching: \(counted($0, "line")) read")) },
                shouldStop: { latestLogScan.withLock { $0[logId]?.find } != generation })
            return [.logLineFound(logId: logId, generation: generation, line: found)]
        case .openImage(let id):
            if let reason = DesktopOpener.unavailableReason(environment: environment) {
                return [.failed("\(reason): export it with trcaa image export \(String(id.prefix(8))) PATH")]
            }
            let image = try workspace.images.detail(id)
            let directory = try PrivateTempDirectory.make(environment: environment)
            let path = try workspace.images.export(id, to: directory + "/" + image.summary.fileName)
            guard try DesktopOpener.open(path, environment: environment) == 0 else {
                PrivateTempDirectory.remove(directory)
                return [.failed("xdg-open could not open \(image.summary.fileName)")]
            }
            return [.stored(.imageOpened(fileName: image.summary.fileName))]
        case .preparePager(let logId, let view):
            let copy = try workspace.logs.writePrivateCopy(logId, redacted: view.isRedacted, tokens: view.tokens,
                                                           environment: environment)
            return [.pagerReady(directory: copy.directory, path: copy.path)]
        case .histogram(let logId):
            return [.histogramReady(logId: logId, try workspace.logs.histogram(logId))]
        case .topValues(let logId, let type):
            let (values, distinct) = try workspace.logs.topValues(logId, type: type)
            return [.topValuesReady(logId: logId, type: type, values, distinct: distinct)]
        case .loadPatterns(let logId, let redacted):
            defer { progress(.progress(nil)) }
            let patterns = try workspace.logs.patterns(logId, redacted: redacted, progress: Self.miningProgress(progress))
            return [.patternsLoaded(logId: logId, patterns,
                                    histogram: try workspace.logs.patternHistogram(logId, buckets: PatternsView.sparkBuckets))]
        case .attachPatternEvidence(let stepId, let occurrences, let redacted):
            return [.patternEvidenceReady(stepId: stepId, try workspace.logs.patternEvidence(occurrences, redacted: redacted))]
        case .loadIssuePatterns(let issueId, let logs, let redacted):
            defer { progress(.progress(nil)) }
            let patterns = try workspace.logs.patterns(ofLogs: logs, redacted: redacted, progress: Self.miningProgress(progress))
            let lineCounts = try Dictionary(uniqueKeysWithValues: logs.map { ($0.id, try workspace.logs.detail($0.id).lineCount ?? 0) })
            return [.issuePatternsLoaded(issueId: issueId, patterns, lineCounts: lineCounts)]
        case .loadPatternDiff(let logId, let otherId, let otherName, let redacted):
            let lines = { [workspace] (id: String) in try workspace.logs.detail(id).lineCount ?? 0 }
            let stored = LogPatternDiff(before: try workspace.logs.patterns(otherId), linesBefore: try lines(otherId),
                                        after: try workspace.logs.patterns(logId), linesAfter: try lines(logId))
            let diff = redacted ? stored.redactingTemplates() : stored
            return [.patternDiffLoaded(logId: logId, PatternDiffView(otherId: otherId, otherName: otherName, diff))]
        case .filterLog(let logId, let filters, let view, let generation):
            defer { progress(.progress(nil)) }
            guard let lines = try workspace.logs.filterLines(
                logId, filters, redacted: view.isRedacted, tokens: view.tokens,
                progress: { progress(.progress("filtering: \(counted($0, "line")) read")) },
                shouldStop: { latestLogScan.withLock { $0[logId]?.filter } != generation }) else { return [] }
            return [.logFiltered(logId: logId, generation: generation, lines: lines)]
        case .countHits(let logId, let query, let view, let filters, let generation):
            guard let lines = try workspace.logs.filterLines(
                logId, filters, matching: query, redacted: view.isRedacted, tokens: view.tokens,
                shouldStop: { latestLogScan.withLock { $0[logId]?.count } != generation }) else { return [] }
            return [.logHitsCounted(logId: logId, generation: generation, lines: lines)]
        case .dismissSpans(let ids):
            return [.stored(.spansDismissed(count: try workspace.logs.dismiss(spanIds: ids).count))]
        case .purgeLog(let logId):
            return [.stored(.logPurged(spansRemoved: try workspace.logs.purge(logId).spansRemoved))]
        case .storeImport(let issueId, let prepared):
            return [.stored(.logImported(try workspace.logs.store(prepared, issueId: issueId)))]
        case .importLog, .cancelImport, .fromForm:
            return []  // handled by `run`
        case .loadDocument(let id):
            return [.documentLoaded(try workspace.documents.get(id), forEditing: false)]
        case .loadDocumentForEditing(let id):
            return [.documentLoaded(try workspace.documents.get(id), forEditing: true)]
        case .generateDocument(let issueId, let kind, let force):
            do {
                let generated = try workspace.documents.generate(kind, issueId: issueId, force: force)
                return [.stored(.documentGenerated(kind, replaced: generated.replaced))]
            } catch TriageError.documentEdited {
                return [.needsConfirmation(.regenerateEdited(issueId: issueId, kind))]
            }
        case .appendEvidence(let stepId, let lines):
            _ = try workspace.whys.appendEvidence(stepId: stepId, lines: lines)
            return [.stored(.whySaved(stepId: stepId))]
        case .editAgain(let purpose, let text, let title):
            return [.editAgain(purpose, text: text, title: title)]
        case .saveDocument(let id, let text, let seen):
            let editAgain = { [workspace] () throws -> [Effect] in
                let stored = try workspace.documents.get(id)
                return [.editAgain(.document(id: id, seen: stored.contentMd), text: text, title: stored.title)]
            }
            return try unlessConflicting(overwrite: .saveDocument(id: id, text: text, seen: nil), otherwise: editAgain) {
                [.stored(.documentSaved(changed: try workspace.documents.save(id, content: text, seen: seen)))]
            }
        case .prepareExport(let id, let format):
            return [.exportDirectoryLoaded(documentId: id, format, directory: try workspace.documents.lastExportDirectory())]
        case .exportDocument(let id, let format, let redacted, let directory, let replacing):
            do {
                return [.stored(.documentExported(path: try workspace.documents.export(
                    id, format: format, redacted: redacted, to: directory, force: replacing)))]
            } catch TriageError.exportExists(let path) {
                return [.needsConfirmation(.replaceExport(documentId: id, format, redacted: redacted, directory: directory,
                                                          path: path))]
            }
        case .loadAttachments(let search):
            return [.attachmentsLoaded(try workspace.attachments.list(search: search), search: search)]
        case .loadImageDetail(let id):
            return [.imageDetailLoaded(try workspace.images.detail(id))]
        case .loadAudit:
            let entries = try workspace.audit.list(AuditFilter(limit: AuditState.limit))
            return [.auditLoaded(entries, names: try workspace.audit.entityNames(entries))]
        case .verifyAudit:
            let result = try workspace.audit.verify { checked in progress(.progress("verifying the audit chain: \(checked)")) }
            progress(.progress(nil))
            return [.auditVerified(result)]
        case .completePath(let text):
            let completion = PathInput.complete(text)
            return [.pathCompleted(completion.text, candidates: completion.candidates)]
        case .loadDemoData:
            return [.demoLoaded(issues: try DemoData.load(into: workspace))]
        case .runEditor, .runPager, .suspend, .quit:
            return []
        }
    }

    /// Reads, scans and compresses a log with no store access, reporting progress;
    /// `Ctrl-c` (`cancelImport`) stops it with nothing stored.
    private func prepareImport(issueId: String, path: String, progress: @escaping @Sendable (Msg) -> Void) -> [Msg] {
        let name = (path as NSString).lastPathComponent
        let reported = Atomic<Int>(-1)
        importCancelled.store(false, ordering: .relaxed)
        defer { progress(.progress(nil)) }
        do {
            let prepared = try LogService.prepareImport(path: path, progress: { read, total in
                guard let total, total > 0 else { return }
                let percent = Int(read * 100 / total)
                if reported.exchange(percent, ordering: .relaxed) != percent {
                    progress(.progress("importing \(name) \(percent)% · Ctrl-c stops"))
                }
            }, shouldStop: { self.importCancelled.load(ordering: .relaxed) })
            return [.importPrepared(issueId: issueId, prepared)]
        } catch ImportError.interrupted {
            return [.importStopped("stopped importing \(name); nothing was stored")]
        } catch {
            return [.importFailed(describe(error))]
        }
    }

    /// Reports the bytes a log's first mining has read ("mining patterns: 40 MB of 100 MB").
    private static func miningProgress(_ progress: @escaping @Sendable (Msg) -> Void) -> (Int64, Int64?) -> Void {
        { read, total in
            progress(.progress("mining patterns: \(ByteSize.describe(read))" + (total.map { " of \(ByteSize.describe($0))" } ?? "")))
        }
    }

    /// Runs `save`; an edit refused because its field changed meanwhile asks whether to
    /// `overwrite` (the same edit without what the editor saw), or else runs what `otherwise`
    /// makes once the other change is read.
    private func unlessConflicting(overwrite: Effect, otherwise: () throws -> [Effect], _ save: () throws -> [Msg]) throws -> [Msg] {
        do {
            return try save()
        } catch TriageError.editConflict(let field, let by, let at) {
            return [.needsConfirmation(.overwriteEdit(field: field, by: by, at: at, overwrite: overwrite, otherwise: try otherwise()))]
        }
    }
}

extension IssueFilter {
    /// Whether the filter selects every issue (only sort and paging set).
    var isUnfiltered: Bool {
        statuses.isEmpty && severities.isEmpty && categories.isEmpty && assignee == nil && tag == nil
    }
}
