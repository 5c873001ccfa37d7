import Foundation
import Glibc
import TRCAACore

/// The full-screen interface's event loop: waits on the terminal and the wake pipe, turns
/// input into messages, runs `update`, hands store effects to a background queue (whose
/// results come back through the mailbox), and draws one frame per turn — so a resize storm
/// or a burst of keys costs one frame.
public final class InterfaceLoop {
    private let terminal: NCursesTerminal
    private let runner: EffectRunner
    private let environment: [String: String]
    private let wakePipe: WakePipe
    private let mailbox: Mailbox
    private let effects = DispatchQueue(label: "trcaa.effects")
    /// Imports read and compress here, so the store effects go on meanwhile.
    private let imports = DispatchQueue(label: "trcaa.imports")
    private var state: AppState

    /// The page cache for the interface's connection, in KiB. The interface holds it for a
    /// whole session, so it keeps a quarter of the commands' 16 MiB: on 100 000 issues that
    /// keeps the process under 40 MB and costs searches about 1 ms (`trcaa-bench tui`).
    public static let pageCacheKibibytes = 4096

    public init(terminal: NCursesTerminal, runner: EffectRunner, state: AppState, environment: [String: String]) {
        self.terminal = terminal
        self.runner = runner
        self.state = state
        self.environment = environment
        wakePipe = terminal.wakePipe
        mailbox = Mailbox(wakePipe: wakePipe)
    }

    /// Runs until the user quits, input ends, or an ending signal arrives; returns the exit
    /// status (0, or 128 + the signal number).
    public func run() -> Int32 {
        if let notice = terminal.notice { App.inform(notice, in: &state) }
        dispatch(App.start(&state))
        draw()
        while !state.isQuitting {
            let readiness = waitForInput()
            if let signalNumber = TerminalSignals.pending { return 128 + signalNumber }
            if readiness == .closed { return 0 }
            // Read on every turn: ncurses reports a resize as a key once SIGWINCH has arrived,
            // which may have been while drawing rather than during the wait.
            for event in terminal.readEvents(inputReported: readiness == .readable) {
                switch event {
                case .keys(let keys): keys.forEach { send(.key($0)) }
                case .resize(let size): send(.resize(size))
                case .endOfInput: return 0
                }
            }
            wakePipe.drain()
            mailbox.takeAll().forEach(send)
            send(.tick(Date()))
            draw()
        }
        return 0
    }

    /// What the wait saw on the terminal's input.
    private enum Readiness { case readable, closed, quiet }

    /// Waits up to a second (the clock tick) for the terminal or the wake pipe.
    private func waitForInput() -> Readiness {
        var fds = [pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: wakePipe.readDescriptor, events: Int16(POLLIN), revents: 0)]
        if poll(&fds, 2, 1000) < 0 { return .quiet }
        let input = Int32(fds[0].revents)
        if input & Int32(POLLIN) != 0 { return .readable }
        if input & Int32(POLLHUP | POLLERR | POLLNVAL) != 0 { return .closed }
        return .quiet
    }

    private func send(_ msg: Msg) {
        dispatch(App.update(&state, msg))
    }

    private func draw() {
        var frame = CellBuffer(size: state.size)
        App.render(state, into: &frame)
        terminal.draw(frame)
    }

    /// Terminal effects run here, with the terminal handed over; store effects run in order
    /// on the background queue.
    private func dispatch(_ list: [Effect]) {
        for effect in list {
            switch effect {
            case .quit:
                state.isQuitting = true
            case .suspend:
                terminal.suspend()
                send(.resize(terminal.size))
            case .runEditor(let purpose, let text, let fileName):
                runEditor(purpose, text: text, fileName: fileName)
            case .runPager(let directory, let path):
                runPager(path, removing: directory)
            case .cancelImport:
                _ = runner.run(effect)
            default:
                let runner = runner, mailbox = mailbox
                runner.submitted(effect)
                let queue = effect.isImport ? imports : effects
                queue.async { mailbox.post(runner.run(effect, progress: { mailbox.post([$0]) })) }
            }
        }
    }

    private func runPager(_ path: String, removing directory: String) {
        let pager = ForegroundCommand.pager(environment: environment)
        let status = terminal.handOver { (try? ForegroundCommand.run(pager, file: path, environment: environment)) ?? 127 }
        PrivateTempDirectory.remove(directory)
        send(.resize(terminal.size))
        if status == 126 || status == 127 { send(.failed("the pager “\(pager)” could not run: set PAGER")) }
    }

    private func runEditor(_ purpose: EditPurpose, text: String, fileName: String) {
        guard let editor = ExternalEditor.fromEnvironment(environment) else { return }
        let result = terminal.handOver { () -> Msg in
            do {
                return .edited(purpose, try editor.edit(text, fileName: fileName, environment: environment))
            } catch {
                return .failed(runner.describeError(error))
            }
        }
        send(.resize(terminal.size))
        send(result)
    }
}
