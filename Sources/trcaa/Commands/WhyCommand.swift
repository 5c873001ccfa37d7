import ArgumentParser
import TRCAACore

/// `trcaa why …`: the 5-Whys of an issue; steps are named by their number.
struct WhyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "why",
        abstract: "Work the 5-Whys of an issue: add, edit, move, delete steps and mark the root cause.",
        subcommands: [Add.self, List.self, Edit.self, Move.self, Delete.self, RootCause.self]
    )
}

extension WhyCommand {
    struct Add: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add the next why and print its id.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "The question: why did this happen?") var question: String
        @Option(help: "The answer.") var answer: String = ""
        @Option(help: "What supports the answer (log lines, metrics, links).") var evidence: String = ""

        func run(in workspace: Workspace) throws {
            let step = try workspace.whys.add(issueId: try workspace.issues.resolve(issue), question: question,
                                              answer: answer, evidence: evidence)
            print(step.id)
        }
    }

    struct List: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "list", abstract: "List an issue's whys in order.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Flag(help: "Print the result as JSON.") var json = false

        func run(in workspace: Workspace) throws {
            let id = try workspace.issues.resolve(issue)
            let steps = try workspace.whys.list(issueId: id)
            if json { return try Console.printJSON(steps) }
            let root = try workspace.whys.rootCause(issueId: id)
            for step in steps {
                let marker = root?.stepId == step.id ? (root?.isExplicit == true ? "  ← root cause" : "  ← root cause (last answer)") : ""
                print("\(step.stepOrder). \(step.whyQuestion)\(marker)")
                TextBlock.lines(step.answer.isEmpty ? "(no answer yet)" : step.answer, first: "   → ").forEach { print($0) }
                if !step.evidence.isEmpty { TextBlock.lines(step.evidence, first: "   evidence: ").forEach { print($0) } }
            }
            if steps.isEmpty {
                Console.notice("no whys yet; add one with: trcaa why add \(try workspace.issues.get(id).reference) QUESTION")
            }
        }
    }

    struct Edit: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "edit", abstract: "Change a why's question, answer or evidence.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "The why's number (1, 2, …).") var number: Int
        @Option var question: String?
        @Option var answer: String?
        @Option var evidence: String?

        func validate() throws {
            if question == nil && answer == nil && evidence == nil {
                throw ValidationError("nothing to change; give --question, --answer or --evidence")
            }
        }

        func run(in workspace: Workspace) throws {
            let step = try workspace.whys.step(issueId: try workspace.issues.resolve(issue), number: number)
            _ = try workspace.whys.edit(stepId: step.id, question: question, answer: answer, evidence: evidence)
        }
    }

    struct Move: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "move", abstract: "Move a why to another position.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "The why's number.") var number: Int
        @Option(help: "Its new number.") var to: Int

        func run(in workspace: Workspace) throws {
            let step = try workspace.whys.step(issueId: try workspace.issues.resolve(issue), number: number)
            try workspace.whys.move(stepId: step.id, to: to)
        }
    }

    struct Delete: StoreCommand {
        static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete a why; the ones after it move up.")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "The why's number.") var number: Int

        func run(in workspace: Workspace) throws {
            let step = try workspace.whys.step(issueId: try workspace.issues.resolve(issue), number: number)
            try workspace.whys.delete(stepId: step.id)
            Console.notice("deleted why #\(number): \(step.whyQuestion)")
        }
    }

    struct RootCause: StoreCommand {
        static let configuration = CommandConfiguration(
            commandName: "root-cause",
            abstract: "Mark a why's answer as the root cause (recorded on the timeline).")

        @OptionGroup(title: "Global Options") var global: GlobalOptions
        @Argument(help: "The issue: 42, #42, OPS-42 or an id prefix.") var issue: String
        @Argument(help: "The why's number.") var number: Int
        @Option(help: "How sure you are, 0–1.") var confidence = 1.0

        func validate() throws {
            guard (0...1).contains(confidence) else { throw ValidationError("--confidence must be between 0 and 1") }
        }

        func run(in workspace: Workspace) throws {
            let step = try workspace.whys.step(issueId: try workspace.issues.resolve(issue), number: number)
            guard !step.answer.allSatisfy(\.isWhitespace) else {
                throw CommandFailure(report: ErrorReport(
                    message: "why #\(number) has no answer to mark as the root cause",
                    hint: "answer it first: trcaa why edit \(issue) \(number) --answer TEXT", code: ExitStatus.dataError))
            }
            _ = try workspace.whys.markRootCause(stepId: step.id, confidence: confidence)
        }
    }
}
