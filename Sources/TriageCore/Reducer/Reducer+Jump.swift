import EngageContract

/// The `:` line (an id jumps to that request, read from the server when it is not in the list;
/// `q` quits) and copying through the terminal's clipboard.
extension Reducer {
    /// The longest line the prompt takes (ids are short; anything longer is a paste gone wrong).
    static let promptLimit = 64

    static func prompt(_ state: inout AppState, text: String, command: Command?, key: Key) -> [Effect] {
        switch command {
        case .cancelPrompt:
            state.modes.pop()
        case .runPrompt:
            state.modes.pop()
            return run(&state, line: PlainText.trimmed(text))
        default:
            // Every other printable character is typed.
            if let edited = editedLine(text, command: command, key: key, limit: promptLimit) {
                state.modes.replaceCurrent(.prompt(text: edited))
            }
        }
        return []
    }

    private static func run(_ state: inout AppState, line: String) -> [Effect] {
        switch line {
        case "": return []
        case "q", "quit", "q!": return [.quit]
        default: return jump(&state, to: line)
        }
    }

    /// Selects the request `id`, or asks the server for it.
    static func jump(_ state: inout AppState, to id: String) -> [Effect] {
        if let problem = AppointmentID.problem(with: id) {
            show(&state, Banner(.info, "Not a request id: \(problem)."))
            return []
        }
        if let slot = state.store.slot(of: id), let index = state.view.index(ofSlot: slot, in: state.store) {
            select(&state, index: index)
            return []
        }
        show(&state, Banner(.info, UntrustedText.sanitize("Looking up \(id)…")))
        return [.fetchAppointment(id: id)]
    }

    /// Shows what the jump found: the request, added at the end of the list when it was not in
    /// it (a request that is not pending stays until the next reload), or why not.
    static func finishJump(_ state: inout AppState, id: String, _ result: Result<EngageResponse<Appointment>, EngageError>) {
        switch result {
        case .success(let response):
            let appointment = response.value
            replace(&state, with: appointment, rankIfNew: Int.max - state.store.count)
            if let slot = state.store.slot(of: appointment.id), let index = state.view.index(ofSlot: slot, in: state.store) {
                select(&state, index: index)
            }
            let status = appointment.status == .incomingRequest ? "" : " It is \(appointment.status), not pending."
            show(&state, Banner(.info, UntrustedText.sanitize("Found \(appointment.id).\(status)")))
        case .failure(let error) where error.kind == .notFound:
            show(&state, Banner(.info, UntrustedText.sanitize("There is no request \(id).")))
        case .failure(let error):
            show(&state, BannerText.failure("Looking up \(id) failed: " + error.message, error,
                                            next: BannerText.nextStep(after: error, reloadKey: nil)))
        }
    }

    /// The selected request's id, to the clipboard.
    static func copyID(_ state: inout AppState) -> [Effect] {
        guard let appointment = state.selected else { return [] }
        return copy(&state, appointment.id, what: "the id \(appointment.id)")
    }

    /// The selected request's customer video link, to the clipboard.
    static func copyVideoURL(_ state: inout AppState) -> [Effect] {
        guard let appointment = state.selected else { return [] }
        guard let url = appointment.customer?.videoUrl, !url.isEmpty else {
            show(&state, Banner(.info, UntrustedText.sanitize(
                "\(appointment.id) has no customer video link (meeting type \(appointment.meetingType)).")))
            return []
        }
        return copy(&state, url, what: "the customer's video link of \(appointment.id)")
    }

    /// Text from the server goes to the clipboard only when it has nothing the sanitiser would
    /// change: a pasted control character could run a command in the shell it is pasted into.
    private static func copy(_ state: inout AppState, _ text: String, what: String) -> [Effect] {
        guard UntrustedText.sanitize(text) == text else {
            show(&state, Banner(.error, UntrustedText.sanitize("Not copied: \(what) has control characters in it.")))
            return []
        }
        show(&state, Banner(.success, UntrustedText.sanitize("Copied \(what) to the clipboard."),
                            detail: "through the terminal (OSC 52; in tmux: set -g set-clipboard on)"))
        return [.copy(text)]
    }
}
