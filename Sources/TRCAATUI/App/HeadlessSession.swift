/// The interface without a terminal: the real `update` and `render` on a real store, with
/// store effects run at once on the caller's thread. Tests and `trcaa-bench tui` drive it;
/// effects that need a terminal (editor, suspend, quit) are collected, not run.
public final class HeadlessSession {
    public private(set) var state: AppState
    public let runner: EffectRunner
    /// Effects that need a terminal, in order.
    public private(set) var terminalEffects: [Effect] = []
    /// What the terminal shows: frames are as an ASCII terminal would show them when `.ascii`.
    public let charset: Charset
    /// Called with each message an effect sends back, once applied: effects run in order as
    /// the interface's queue runs them, so a benchmark times a screen by the message that fills it.
    public var applied: ((Msg) -> Void)?

    /// Starts the app (loading its first screen) on `state`.
    public init(state: AppState, runner: EffectRunner, charset: Charset = .utf8) {
        self.state = state
        self.runner = runner
        self.charset = charset
        run(App.start(&self.state))
    }

    /// Sends `msg` and runs what it causes until nothing is left.
    public func send(_ msg: Msg) { run(App.update(&state, msg)) }

    /// Presses `key`.
    public func press(_ key: Key) { send(.key(key)) }

    /// The screen as it would be drawn now.
    public func frame() -> CellBuffer {
        var buffer = CellBuffer(size: state.size)
        App.render(state, into: &buffer)
        return charset == .ascii ? ASCIIFallback.apply(to: buffer) : buffer
    }

    private func run(_ effects: [Effect]) {
        var queue = effects
        while !queue.isEmpty {
            let effect = queue.removeFirst()
            switch effect {
            case .runEditor, .runPager, .suspend, .quit: terminalEffects.append(effect)
            default:
                runner.submitted(effect)
                for msg in runner.run(effect) {
                    queue += App.update(&state, msg)
                    applied?(msg)
                }
            }
        }
    }
}
