import Foundation
import TRCAAStore

/// The 5-Whys of an issue (`resolution_steps`, SPEC §5). Steps are numbered 1…n without
/// gaps; adding one records `why_level_advanced`, marking one records `root_cause_identified`.
public struct WhyService {
    let context: ServiceContext

    public init(context: ServiceContext) { self.context = context }

    /// The issue's steps in order.
    public func list(issueId: String) throws -> [WhyStep] {
        try context.database.cachedStatement(
            "SELECT \(WhyStep.columns) FROM resolution_steps WHERE issue_id = ? ORDER BY step_order, created_at, id")
            .rows([.text(issueId)]).map(WhyStep.init(row:))
    }

    /// The step at position `number` (1-based) of an issue.
    ///
    /// - throws: `TriageError.noSuchStep`.
    public func step(issueId: String, number: Int) throws -> WhyStep {
        let steps = try list(issueId: issueId)
        guard steps.indices.contains(number - 1) else { throw TriageError.noSuchStep(issueId: issueId, number: number) }
        return steps[number - 1]
    }

    /// Appends the next why.
    ///
    /// - throws: `TriageError.emptyQuestion`, `.unknownID`.
    public func add(issueId: String, question: String, answer: String = "", evidence: String = "") throws -> WhyStep {
        guard !question.allSatisfy(\.isWhitespace) else { throw TriageError.emptyQuestion }
        return try context.database.write { db in
            try IDResolver.requireExists(issueId, table: "issues", kind: "issue", in: db)
            let level = try list(issueId: issueId).count
            let now = context.clock.now()
            let step = WhyStep(id: UUIDv7.next(at: now), issueId: issueId, stepOrder: level + 1,
                               whyQuestion: question, answer: answer, evidence: evidence,
                               createdAt: Timestamp.format(now))
            try db.execute("INSERT INTO resolution_steps (\(WhyStep.columns)) VALUES (?, ?, ?, ?, ?, ?, ?)", [
                .text(step.id), .text(issueId), .integer(Int64(step.stepOrder)), .text(question), .text(answer),
                .text(evidence), .text(step.createdAt),
            ])
            try context.audit.append(action: "add_five_why", entityType: "resolution_step", entityId: step.id,
                                     details: .object([("issue_id", .string(issueId)),
                                                       ("step_order", .int(Int64(step.stepOrder)))]), in: db)
            try context.timeline.record(
                .whyLevelAdvanced, issueId: issueId, description: "Why \(step.stepOrder): \(question)",
                metadata: .object([("from_level", .int(Int64(level))), ("to_level", .int(Int64(level + 1))),
                                   ("question", .string(question))]), in: db)
            return step
        }
    }

    /// Changes a step's question, answer or evidence (`nil` keeps a field). `seen`: the step as
    /// the editor showed it; a field changed since is not overwritten (`EditConflict`).
    ///
    /// - throws: `TriageError.emptyQuestion`, `.unknownID`, `.editConflict`.
    public func edit(stepId: String, question: String? = nil, answer: String? = nil, evidence: String? = nil,
                     seen: WhyStep? = nil) throws -> WhyStep {
        if let question, question.allSatisfy(\.isWhitespace) { throw TriageError.emptyQuestion }
        var (question, answer, evidence) = (question, answer, evidence)
        if let seen {
            question = EditConflict.changed(question, seen: seen.whyQuestion)
            answer = EditConflict.changed(answer, seen: seen.answer)
            evidence = EditConflict.changed(evidence, seen: seen.evidence)
        }
        return try context.database.write { db in
            let step = try get(stepId, in: db)
            if let seen {
                try EditConflict.check([
                    EditConflict.Field(name: "the question", seen: seen.whyQuestion, stored: step.whyQuestion, new: question),
                    EditConflict.Field(name: "the answer", seen: seen.answer, stored: step.answer, new: answer),
                    EditConflict.Field(name: "the evidence", seen: seen.evidence, stored: step.evidence, new: evidence),
                ], entityType: "resolution_step", entityId: stepId, in: db)
            }
            return try change(step, question: question, answer: answer, evidence: evidence, in: db)
        }
    }

    /// Appends `lines` to a step's evidence as it is stored when the append is written (a line
    /// of its own), so evidence added meanwhile by someone else stays.
    public func appendEvidence(stepId: String, lines: String) throws -> WhyStep {
        try context.database.write { db in
            let step = try get(stepId, in: db)
            return try change(step, evidence: step.evidence.isEmpty ? lines : step.evidence + "\n" + lines, in: db)
        }
    }

    /// Writes the fields given that differ from `step`'s, stamps the issue and audits the change.
    private func change(_ step: WhyStep, question: String? = nil, answer: String? = nil, evidence: String? = nil,
                        in db: Database) throws -> WhyStep {
        var step = step
        var changed: [(String, JSONText)] = []
        if let question, question != step.whyQuestion { step.whyQuestion = question; changed.append(("why_question", .bool(true))) }
        if let answer, answer != step.answer { step.answer = answer; changed.append(("answer", .bool(true))) }
        if let evidence, evidence != step.evidence { step.evidence = evidence; changed.append(("evidence", .bool(true))) }
        guard !changed.isEmpty else { return step }
        try db.execute("UPDATE resolution_steps SET why_question = ?, answer = ?, evidence = ? WHERE id = ?",
                       [.text(step.whyQuestion), .text(step.answer), .text(step.evidence), .text(step.id)])
        try context.touchIssue(step.issueId, in: db)
        try context.audit.append(
            action: "update_five_why", entityType: "resolution_step", entityId: step.id,
            details: .object([("issue_id", .string(step.issueId)), ("changed", .object(changed))]), in: db)
        return step
    }

    /// Moves a step to position `number`, renumbering the others.
    public func move(stepId: String, to number: Int) throws {
        try context.database.write { db in
            let step = try get(stepId, in: db)
            var steps = try list(issueId: step.issueId)
            guard steps.indices.contains(number - 1) else {
                throw TriageError.noSuchStep(issueId: step.issueId, number: number)
            }
            let from = steps.firstIndex { $0.id == stepId }!  // Safe: the step belongs to this issue.
            steps.insert(steps.remove(at: from), at: number - 1)
            try renumber(steps, in: db)
            try context.touchIssue(step.issueId, in: db)
            try context.audit.append(
                action: "move_five_why", entityType: "resolution_step", entityId: stepId,
                details: .object([("issue_id", .string(step.issueId)), ("from", .int(Int64(from + 1))),
                                  ("to", .int(Int64(number)))]), in: db)
        }
    }

    /// Deletes a step and closes the gap.
    public func delete(stepId: String) throws {
        try context.database.write { db in
            let step = try get(stepId, in: db)
            try db.execute("DELETE FROM resolution_steps WHERE id = ?", [.text(stepId)])
            try renumber(try list(issueId: step.issueId), in: db)
            try context.touchIssue(step.issueId, in: db)
            try context.audit.append(
                action: "delete_five_why", entityType: "resolution_step", entityId: stepId,
                details: .object([("issue_id", .string(step.issueId)), ("step_order", .int(Int64(step.stepOrder))),
                                  ("why_question", .string(step.whyQuestion))]), in: db)
        }
    }

    /// Marks a step's answer as the root cause: a `root_cause_identified` event whose metadata
    /// is `{root_cause, confidence, step_id}`.
    public func markRootCause(stepId: String, confidence: Double = 1.0) throws -> TimelineEvent {
        try context.database.write { db in
            let step = try get(stepId, in: db)
            return try context.timeline.record(
                .rootCauseIdentified, issueId: step.issueId, description: "Root cause identified at why \(step.stepOrder)",
                metadata: .object([("root_cause", .string(step.answer)), ("confidence", .double(confidence)),
                                   ("step_id", .string(step.id))]), in: db)
        }
    }

    /// The root cause: the answer of the step last marked (while it still exists), else the
    /// last step's answer; `nil` when that is empty or there are no steps.
    public func rootCause(issueId: String) throws -> RootCause? {
        let steps = try list(issueId: issueId)
        let marks = try context.database.rows("""
            SELECT metadata FROM timeline_events WHERE issue_id = ? AND event_type = 'root_cause_identified'
            ORDER BY created_at DESC, id DESC
            """, [.text(issueId)])
        for mark in marks {
            guard let metadata = (try? JSONSerialization.jsonObject(with: Data(try mark.decode(at: 0, as: String.self).utf8)))
                    as? [String: Any],
                  let stepId = metadata["step_id"] as? String,
                  let step = steps.first(where: { $0.id == stepId }) else { continue }
            return RootCause(text: step.answer, stepId: step.id, stepOrder: step.stepOrder, isExplicit: true,
                             confidence: metadata["confidence"] as? Double)
        }
        guard let last = steps.last, !last.answer.allSatisfy(\.isWhitespace) else { return nil }
        return RootCause(text: last.answer, stepId: last.id, stepOrder: last.stepOrder, isExplicit: false, confidence: nil)
    }

    private func get(_ stepId: String, in db: Database) throws -> WhyStep {
        guard let row = try db.cachedStatement("SELECT \(WhyStep.columns) FROM resolution_steps WHERE id = ?")
            .firstRow([.text(stepId)]) else { throw TriageError.unknownID(kind: "step", prefix: stepId) }
        return try WhyStep(row: row)
    }

    private func renumber(_ steps: [WhyStep], in db: Database) throws {
        let update = try db.cachedStatement("UPDATE resolution_steps SET step_order = ? WHERE id = ?")
        for (index, step) in steps.enumerated() where step.stepOrder != index + 1 {
            try update.run([.integer(Int64(index + 1)), .text(step.id)])
        }
    }
}
