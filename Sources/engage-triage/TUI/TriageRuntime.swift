import EngageAPI
import Foundation
import TerminalUI
import TriageCore

/// Runs the triage screen: keys and effect results become actions, `Reducer` decides, effects run
/// as tasks whose results come back through the inbox, `Renderer` draws, the terminal shows it.
/// The loop blocks on input (no busy loop) and ticks only while a spinner turns.
final class TriageRuntime {
    private var state: AppState
    private let client: EngageClient
    private let colorPreference: String?
    private let audit: AuditLog
    private let terminal = Terminal()
    private let inbox: ActionInbox
    private var loadTask: Task<Void, Never>?
    private var lastTick = ContinuousClock.now
    private var quitting = false

    static let tickInterval = Duration.milliseconds(100)

    init(state: AppState, client: EngageClient, colorPreference: String?, audit: AuditLog) throws {
        self.state = state
        self.client = client
        self.colorPreference = colorPreference
        self.audit = audit
        inbox = ActionInbox(wakeup: try Wakeup())
    }

    /// Takes over the terminal until the user quits or a signal ends the session; the terminal
    /// is restored on every path out.
    func run() throws {
        try terminal.start(colorPreference: colorPreference)
        defer { terminal.stop() }
        let inbox = inbox
        let signals = SignalWatcher { inbox.post(signal: $0) }
        defer { signals.cancel() }

        state.size = terminal.size
        state.options.asciiOnly = state.options.asciiOnly || !terminal.isUTF8
        apply(.start)
        while !quitting {
            terminal.draw(Renderer.render(state))
            let hasInput = inbox.wakeup.wait(timeout: state.wantsTicks ? timeUntilNextTick() : nil)
            let (actions, signalNumbers) = inbox.drain()
            for number in signalNumbers {
                if number == SIGWINCH {
                    apply(.resized(terminal.adoptWindowSize()))
                } else {
                    quitting = true
                }
            }
            if hasInput {
                for event in terminal.readEvents() {
                    switch event {
                    case .key(let key): apply(.key(key))
                    case .resized(let size): apply(.resized(size))
                    }
                }
            }
            for action in actions { apply(action) }
            if state.wantsTicks, ContinuousClock.now - lastTick >= Self.tickInterval {
                lastTick = .now
                apply(.tick)
            }
        }
        loadTask?.cancel()
    }

    private func timeUntilNextTick() -> Duration {
        max(.zero, Self.tickInterval - (ContinuousClock.now - lastTick))
    }

    private func apply(_ action: Action) {
        for effect in Reducer.reduce(&state, action) { perform(effect) }
    }

    private func perform(_ effect: Effect) {
        switch effect {
        case .loadAppointments(let generation):
            loadTask?.cancel()
            let (client, inbox) = (client, inbox)
            loadTask = Task {
                do {
                    for try await page in client.appointmentPages(matching: .pending) {
                        inbox.post(.pageLoaded(generation: generation, page))
                    }
                    inbox.post(.loadFinished(generation: generation))
                } catch let error as EngageError {
                    inbox.post(.loadFailed(generation: generation, error))
                } catch {
                    inbox.post(.loadFailed(generation: generation, EngageError(kind: .cancelled, detail: "\(error)")))
                }
            }
        case .accept(let id):
            let (client, inbox, audit) = (client, inbox, audit)
            Task {
                let outcome = await client.acceptReconciling(id: id)
                // On disk before the screen shows it, so the trail survives a dropped session.
                do {
                    try audit.append(audit.record(outcome, id: id))
                } catch {
                    ConnectionOptions.apiLogger.error("the audit trail could not be written: \(error)")
                }
                inbox.post(.acceptFinished(id: id, outcome))
            }
        case .redraw:
            terminal.repaintAll()
        case .quit:
            quitting = true
        }
    }
}
