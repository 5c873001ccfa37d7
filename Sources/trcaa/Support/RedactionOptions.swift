import ArgumentParser
import TRCAACore

/// `--redacted [--tokens plain|numbered]`: the redacted view, as every log command that prints
/// or writes text, and the document export, offer it.
struct RedactionOptions: ParsableArguments {
    @Flag(help: "Use the redacted view: every PII span replaced by its token.") var redacted = false
    @Option(help: RedactionOptions.tokensHelp) var tokens: RedactionTokens?

    /// The help of every `--tokens` option.
    static let tokensHelp = ArgumentHelp(
        "Tokens of the redacted view: plain ([IPv4], the default) or numbered ([IPv4#3]: the same number for the same value everywhere in the log or document, by first appearance).",
        valueName: "plain|numbered")

    func validate() throws {
        if tokens != nil, !redacted { throw ValidationError("--tokens applies to the redacted view; add --redacted") }
    }

    /// The tokens asked for, plain by default.
    var chosenTokens: RedactionTokens { tokens ?? .plain }
}
