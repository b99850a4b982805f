import EngageContract

/// Keys: every key goes through the keymap of the current mode.
extension Reducer {
    static func press(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard !state.isShuttingDown else { return [] }
        let mode = state.modes.current
        let command = state.keymap.command(for: key, in: mode.kind)
        if state.layout.isTooSmall {
            switch state.keymap.command(for: key, in: .list) {
            case .quit: return [.quit]
            case .redraw: return [.redraw]
            default: return []
            }
        }
        switch mode {
        case .confirm(let id, let write):
            state.modes.pop()
            // Only the confirming key sends; any other key is a "no".
            guard command == .confirmAccept else {
                show(&state, Banner(.info, write.kind == .accept ? "Accept cancelled." : "Not sent: nothing changed."))
                return []
            }
            // The form, field or picker the question came from closes with it.
            state.modes.popOverlays()
            return send(&state, write, to: id)
        case .confirmDiscard:
            discardKey(&state, command: command)
            return []
        case .reschedule(let form):
            return formKey(&state, form, command: command, key: key)
        case .noteEditor(let editor):
            return noteKey(&state, editor, command: command, key: key)
        case .reassign(let picker):
            return pickerKey(&state, picker, command: command, key: key)
        case .reassignMessage(let draft):
            return reassignMessageKey(&state, draft, command: command, key: key)
        case .confirmMarked(let ids):
            state.modes.pop()
            if command == .confirmAccept { return sendMarked(&state, ids) }
            show(&state, Banner(.info, "Accept cancelled."))
            return []
        case .bulkResults(let scroll):
            return command.map { overlayCommand(&state, $0, scroll: scroll, lines: BulkResultsContent.lines(state).count) } ?? []
        case .help(let scroll):
            return command.map { overlayCommand(&state, $0, scroll: scroll, lines: HelpContent.lines(state).count) } ?? []
        case .messages(let scroll):
            return command.map { overlayCommand(&state, $0, scroll: scroll, lines: MessagesContent.lines(state).count) } ?? []
        case .prompt(let text):
            return prompt(&state, text: text, command: command, key: key)
        case .filter:
            filterKey(&state, command: command, key: key)
            return []
        case .list, .details:
            return command.map { browse(&state, $0) } ?? []
        }
    }

    /// Scrolling and closing an overlay (the help, the messages) of `lines` lines.
    private static func overlayCommand(_ state: inout AppState, _ command: Command, scroll: Int, lines: Int) -> [Effect] {
        let page = max(1, state.size.height - 4)
        let bottom = max(0, lines - page)
        let target: Int
        switch command {
        case .closeHelp, .closeMessages:
            state.modes.pop()
            return []
        case .redraw: return [.redraw]
        case .moveDown: target = scroll + 1
        case .moveUp: target = scroll - 1
        case .pageDown: target = scroll + page
        case .pageUp: target = scroll - page
        case .top: target = 0
        case .bottom: target = bottom
        default: return []
        }
        let scroll = min(max(0, target), bottom)
        switch state.modes.current {
        case .help: state.modes.replaceCurrent(.help(scroll: scroll))
        case .bulkResults: state.modes.replaceCurrent(.bulkResults(scroll: scroll))
        default: state.modes.replaceCurrent(.messages(scroll: scroll))
        }
        return []
    }

    private static func browse(_ state: inout AppState, _ command: Command) -> [Effect] {
        let movesList = state.modes.current == .list
        let index = state.selectionIndex ?? 0
        switch command {
        case .moveDown: movesList ? select(&state, index: index + 1) : scroll(&state, 1)
        case .moveUp: movesList ? select(&state, index: index - 1) : scroll(&state, -1)
        case .pageDown: movesList ? select(&state, index: index + state.layout.listRows) : scroll(&state, state.layout.detailRows)
        case .pageUp: movesList ? select(&state, index: index - state.layout.listRows) : scroll(&state, -state.layout.detailRows)
        case .top: movesList ? select(&state, index: 0) : scroll(&state, -state.detailScroll)
        case .bottom: movesList ? select(&state, index: state.view.count - 1) : scroll(&state, Int.max / 2)
        case .open:
            if state.selected != nil, movesList { state.modes.push(.details) }
        case .back:
            if state.banner != nil {
                state.banner = nil
            } else if movesList, state.view.isFiltered {
                clearFilter(&state)
            } else if !movesList {
                state.modes.pop()
            }
        case .accept: return requestAccept(&state)
        case .reload: return startLoad(&state)
        case .help: state.modes.push(.help(scroll: 0))
        case .messages: state.modes.push(.messages(scroll: 0))
        case .quit: return [.quit]
        case .redraw: return [.redraw]
        case .nextSection: showTab(&state, DetailTab(rawValue: (state.tab.rawValue + 1) % DetailTab.allCases.count)!)
        case .previousSection:
            showTab(&state, DetailTab(rawValue: (state.tab.rawValue + DetailTab.allCases.count - 1) % DetailTab.allCases.count)!)
        case .overview: showTab(&state, .overview)
        case .participants: showTab(&state, .participants)
        case .location: showTab(&state, .location)
        case .answers: showTab(&state, .answers)
        case .cycleLanguage: cycleLanguage(&state)
        case .jump: state.modes.push(.prompt(text: ""))
        case .copyId: return copyID(&state)
        case .copyVideoURL: return copyVideoURL(&state)
        case .mark: markSelected(&state, movesOn: movesList)
        case .markAll: state.store.mark(state.view.slots)
        case .clearMarks: state.store.clearMarks()
        case .acceptMarked: return requestMarkedAccept(&state)
        case .filter: openFilter(&state)
        case .sortNext: sort(&state, by: state.view.order.next)
        case .sortReverse: sort(&state, by: state.view.order.reversed)
        case .refresh: return requestRefresh(&state)
        case .reschedule: openReschedule(&state)
        case .editNote: return openNote(&state)
        case .reassign: return openReassign(&state)
        case .closeHelp, .closeMessages, .confirmAccept, .cancelAccept, .runPrompt, .cancelPrompt, .deletePromptCharacter,
             .keepFilter, .clearFilter, .nextField, .previousField, .reviewForm, .abandonForm, .clearField,
             .saveNote, .newLine, .pick, .closePicker:
            break
        }
        return []
    }

    private static func scroll(_ state: inout AppState, _ lines: Int) {
        state.detailScroll = max(0, state.detailScroll + lines)
        clampDetailScroll(&state)
    }

    private static func showTab(_ state: inout AppState, _ tab: DetailTab) {
        state.tab = tab
        state.detailScroll = 0
    }

    /// `L`: the next language among the selected appointment's translations comes first.
    private static func cycleLanguage(_ state: inout AppState) {
        let present = state.selected?.location.map { state.detail.languages(in: $0.translations) } ?? []
        let order = Language.documentedValues.map(\.value)
        let candidates = present.isEmpty ? order : order.filter(present.contains) + present.filter { !order.contains($0) }
        guard let current = candidates.firstIndex(of: state.language) else {
            state.language = candidates.first ?? state.language
            return
        }
        state.language = candidates[(current + 1) % candidates.count]
        state.tab = .location
        state.detailScroll = 0
    }
}
