import EngageContract

/// `o`: hand the selected request to a colleague. A picker of the active colleagues (read once a
/// session), `/` narrows it, Enter picks; then a line for an optional message to the customer,
/// one question, and `y` sends.
extension Reducer {
    static func openReassign(_ state: inout AppState) -> [Effect] {
        guard let appointment = writable(&state, .reassign) else { return [] }
        state.modes.push(.reassign(ColleaguePicker(appointmentID: appointment.id)))
        guard state.colleagues == nil, !state.colleaguesLoading else { return [] }
        state.colleaguesLoading = true
        return [.loadColleagues]
    }

    /// The colleagues arrived (sorted by last, then first name, their names kept for every pane),
    /// or the picker closes and says why not.
    static func colleaguesLoaded(_ state: inout AppState, _ result: Result<[Employee], EngageError>) -> [Effect] {
        state.colleaguesLoading = false
        switch result {
        case .success(let employees):
            let sorted = employees.map { (FoldedText.fold($0.lastName + " " + $0.firstName), $0) }
                .sorted { ($0.0, $0.1.id) < ($1.0, $1.1.id) }.map(\.1)
            state.colleagues = sorted
            var names: [String: Name] = [:]
            for employee in sorted { names[employee.id] = employee.displayName }
            for chunk in stride(from: 0, to: sorted.count, by: NameRequest.batchLimit) {
                let ids = sorted[chunk..<min(sorted.count, chunk + NameRequest.batchLimit)].map(\.id)
                _ = resolveNames(&state, NameRequest(kind: .employee, ids: ids, isVisible: false), .success(names))
            }
            return []
        case .failure(let error):
            if case .reassign = state.modes.current { state.modes.pop() }
            show(&state, BannerText.failure("The colleagues could not be read: " + error.message, error,
                                            next: BannerText.nextStep(after: error, retryHint: state.keymap.firstKey(for: .reassign).map { "Press \($0) to try again." },
                                                                      reloadKey: nil)))
            return []
        }
    }

    static func pickerKey(_ state: inout AppState, _ picker: ColleaguePicker, command: Command?, key: Key) -> [Effect] {
        var picker = picker
        let shown = picker.shown(state.colleagues ?? [], names: state.names)
        let index = picker.selectionIndex(in: shown)
        func move(to target: Int) {
            guard !shown.isEmpty else { return }
            picker.selectedID = shown[min(max(0, target), shown.count - 1)].id
        }
        if picker.isFiltering {
            switch command {
            case .keepFilter: picker.isFiltering = false
            case .clearFilter: (picker.filterText, picker.isFiltering) = ("", false)
            default:
                if let edited = editedLine(picker.filterText, command: command, key: key, limit: promptLimit) { picker.filterText = edited }
            }
            state.modes.replaceCurrent(.reassign(picker))
            return []
        }
        let page = max(1, state.size.height - 8)
        switch command {
        case .moveDown: move(to: (index ?? -1) + 1)
        case .moveUp: move(to: (index ?? 0) - 1)
        case .pageDown: move(to: (index ?? 0) + page)
        case .pageUp: move(to: (index ?? 0) - page)
        case .top: move(to: 0)
        case .bottom: move(to: shown.count - 1)
        case .filter: picker.isFiltering = true
        case .redraw: return [.redraw]
        case .closePicker:
            state.modes.pop()
            return []
        case .pick:
            guard let index, let appointment = state.store.appointment(id: picker.appointmentID) else { return [] }
            let colleague = shown[index]
            if colleague.id == appointment.primaryEmployee?.participant.id {
                show(&state, Banner(.info, UntrustedText.sanitize("\(colleague.displayName?.text ?? colleague.id) holds it already: pick another colleague.")))
                return []
            }
            let offices = (colleague.officeRelations ?? []).map(\.officeId)
            let office = offices.isEmpty || offices.contains(appointment.office.id) ? nil : offices.first
            state.modes.replaceCurrent(.reassign(picker))
            state.modes.push(.reassignMessage(ReassignDraft(appointmentID: appointment.id, employeeID: colleague.id, officeID: office)))
            return []
        default:
            break
        }
        state.modes.replaceCurrent(.reassign(picker))
        return []
    }

    /// The line for the customer's message: Enter asks the question, Esc goes back to the picker.
    static func reassignMessageKey(_ state: inout AppState, _ draft: ReassignDraft, command: Command?, key: Key) -> [Effect] {
        var draft = draft
        switch command {
        case .runPrompt: return ask(&state, .reassign(draft.request), of: draft.appointmentID)
        case .cancelPrompt:
            state.modes.pop()
            return []
        default:
            if let edited = editedLine(draft.messageForCustomer, command: command, key: key, limit: 500) { draft.messageForCustomer = edited }
        }
        state.modes.replaceCurrent(.reassignMessage(draft))
        return []
    }
}
