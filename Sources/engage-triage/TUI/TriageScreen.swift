import EngageAPI
import Foundation
import Logging
import TerminalUI
import TriageCore
import TriageRuntime

/// The triage screen's loop, on a thread of its own: keys, signals and effect results become
/// actions for the store, the store's state is drawn. It blocks on input (no busy loop) and
/// ticks only while a spinner turns.
///
/// When the session ends — `q`, Ctrl-C, SIGTERM, SIGHUP — with writes (accepts, reschedules, …)
/// on their way, it stops taking keys, waits for them (at most twice the request timeout: the
/// write and a re-read), and returns what became of each; a second `q` or Ctrl-C stops waiting,
/// and those writes are recorded as unknown.
final class TriageScreen {
    private let initialState: AppState
    private let service: any TenantService
    private let journal: any WriteJournal
    private let colorPreference: String?
    private let patience: Duration
    private let terminal = Terminal()
    private let inbox: ActionInbox
    private var lastTick = ContinuousClock.now

    static let tickInterval = Duration.milliseconds(100)

    private let logger = Logger(label: "engage-triage.screen")

    init(state: AppState, service: any TenantService, journal: any WriteJournal, colorPreference: String?,
         requestTimeout: Duration) throws {
        initialState = state
        self.service = service
        self.journal = journal
        self.colorPreference = colorPreference
        patience = requestTimeout * 2 + .seconds(1)
        inbox = ActionInbox(wakeup: try Wakeup())
    }

    /// How a session ended: the reports of the writes that were on their way, and the names
    /// it learnt (some are kept for the next session).
    struct Ending {
        var reports: [WriteReport]
        var names: NameBook
    }

    /// Runs until the session ends; the terminal is restored on every path out.
    func run() throws -> Ending {
        let inbox = inbox
        try terminal.start(colorPreference: colorPreference, onSignal: { inbox.post(signal: $0) })
        defer { terminal.stop() }
        // A stray SIGPIPE (or one from a closed socket) must not end the session with the terminal raw.
        let previousPipeHandler = Foundation.signal(SIGPIPE, SIG_IGN)
        defer { Foundation.signal(SIGPIPE, previousPipeHandler) }

        var state = initialState
        state.size = terminal.size
        state.options.asciiOnly = state.options.asciiOnly || !terminal.isUTF8
        let tracker = WriteTracker(journal: journal)
        let runner = EffectRunner(
            service: BudgetedService(service, budget: RequestBudget()), tracker: tracker, send: { inbox.post($0) })
        let store = TriageStore(state: state, runner: runner)
        var session = Session()
        perform(store.send(.start), &session, store)

        while !session.isOver(tracker) {
            if session.terminalIsThere { terminal.draw(Renderer.render(store.state)) }
            var hasInput = terminal.hasPendingInput || inbox.wakeup.wait(timeout: waitTimeout(store.state, session))
            let (actions, signalNumbers) = inbox.drain()
            for number in signalNumbers {
                switch number {
                case SIGWINCH: store.send(.resized(terminal.adoptWindowSize()))
                case SIGTSTP:
                    terminal.suspend()
                    hasInput = hasInput || terminal.hasPendingInput
                case SIGCONT:
                    // Continued by someone else (`kill -CONT` after `kill -STOP`); after our own
                    // suspend this repeats what it did, harmlessly.
                    terminal.enterKeypadMode()
                    terminal.repaintAll()
                    hasInput = hasInput || terminal.hasPendingInput
                case SIGHUP:
                    session.terminalIsThere = false
                    beginShutdown(&session, store)
                default: session.isShuttingDown ? session.abandon() : beginShutdown(&session, store)
                }
            }
            if hasInput, session.terminalIsThere {
                for event in terminal.readEvents() {
                    switch event {
                    case .key(let key) where session.isShuttingDown:
                        if key == .control("c") || store.state.keymap.command(for: key, in: .list) == .quit { session.abandon() }
                    case .key(.control("c")):
                        beginShutdown(&session, store)
                    case .key(let key): perform(store.send(.key(key)), &session, store)
                    case .resized(let size): store.send(.resized(size))
                    }
                }
            }
            for action in actions { perform(store.send(action), &session, store) }
            if store.state.wantsTicks, ContinuousClock.now - lastTick >= Self.tickInterval {
                lastTick = .now
                store.send(.tick)
            }
        }
        // The loop ends only once `beginShutdown` stopped the reads: what is still out is abandoned.
        tracker.abandonAll()
        return Ending(reports: session.writesAtShutdown.compactMap { tracker.report(for: $0) }, names: store.state.names)
    }

    /// How the session is ending.
    private struct Session {
        var isShuttingDown = false
        var terminalIsThere = true
        var deadline: ContinuousClock.Instant?
        var abandoned = false
        var writesAtShutdown: [String] = []

        mutating func abandon() { abandoned = true }

        func isOver(_ tracker: WriteTracker) -> Bool {
            guard isShuttingDown else { return false }
            return abandoned || tracker.inFlight.isEmpty || deadline.map { ContinuousClock.now >= $0 } ?? true
        }
    }

    private func perform(_ effects: [Effect], _ session: inout Session, _ store: TriageStore) {
        for effect in effects {
            switch effect {
            case .redraw: terminal.repaintAll()
            case .quit: beginShutdown(&session, store)
            case .log(let line): logger.notice("\(line)")
            case .copy(let text): terminal.copyToClipboard(text)
            case .editNote(let id, let note):
                perform(store.send(.noteEdited(id: id, editNote(note, of: id))), &session, store)
            default: break
            }
        }
    }

    /// The note in the user's editor, with the terminal lent to it.
    private func editNote(_ note: String, of id: String) -> Result<String, EditorFailure> {
        guard let editor = ExternalEditor(environment: ProcessEnvironment.current) else {
            return .failure(EditorFailure("neither VISUAL nor EDITOR names an editor"))
        }
        do throws(ExternalEditor.Failure) {
            return .success(try terminal.lend { () throws(ExternalEditor.Failure) in try editor.editNote(note, ofRequest: id) })
        } catch {
            return .failure(EditorFailure(error.description))
        }
    }

    private func beginShutdown(_ session: inout Session, _ store: TriageStore) {
        guard !session.isShuttingDown else { return }
        session.isShuttingDown = true
        session.deadline = .now + patience
        session.writesAtShutdown = store.runner.writeTracker.inFlight
        store.runner.cancelReads()
        store.send(.shutdownStarted)
    }

    /// Until the next spinner tick, the end of the shutdown's patience, or the next full minute
    /// (when the WAITING column and "today"/"tomorrow" may read differently): one wake-up a
    /// minute when nothing happens.
    private func waitTimeout(_ state: AppState, _ session: Session) -> Duration? {
        let seconds = Date().timeIntervalSince1970
        var timeout = Duration.milliseconds(Int64((60 - seconds.truncatingRemainder(dividingBy: 60)) * 1000) + 1)
        if state.wantsTicks { timeout = min(timeout, max(.zero, Self.tickInterval - (ContinuousClock.now - lastTick))) }
        if let deadline = session.deadline { timeout = min(timeout, max(.zero, deadline - .now)) }
        return timeout
    }
}
