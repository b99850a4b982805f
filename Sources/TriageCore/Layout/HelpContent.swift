/// The lines of the help overlay: the commands of the mode under it with the keys bound to them
/// now (configured keys included), so the help cannot say what a key does not do.
enum HelpContent {
    static func lines(_ state: AppState) -> [String] {
        let commands: [Command] = state.focus == .detail
            ? [.moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .nextSection, .previousSection, .overview,
               .participants, .location, .answers, .cycleLanguage, .back, .accept, .reschedule, .reassign, .editNote, .mark, .acceptMarked, .refresh, .reload, .jump,
               .copyId,
               .copyVideoURL, .messages, .redraw, .help, .quit]
            : [.moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom, .open, .nextSection, .overview, .participants,
               .location, .answers, .back, .filter, .sortNext, .sortReverse, .accept, .reschedule, .reassign, .editNote, .mark, .markAll, .clearMarks, .acceptMarked,
               .refresh, .reload, .jump, .copyId,
               .copyVideoURL, .messages, .redraw, .help, .quit]
        let writes: Set<Command> = [.accept, .reschedule, .reassign, .editNote, .acceptMarked]
        let shown = commands.filter { !(state.options.readOnly && writes.contains($0)) && state.keymap.bindings[$0]?.isEmpty == false }
        let keys = shown.map { state.keymap.keys(for: $0) }
        let keyWidth = min(22, keys.map { DisplayWidth.of($0) }.max() ?? 0)
        let lines = zip(shown, keys).map { command, key in
            "  " + DisplayWidth.fit(key, to: keyWidth) + "  " + command.summary
        }
        let close = state.keymap.keys(for: .closeHelp).split(separator: " ").prefix(2).joined(separator: " or ")
        return lines + ["", "  \(close) closes this help."]
    }
}
