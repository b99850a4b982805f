/// The lines of the `o` picker: one colleague a line (name, function, offices), the one holding
/// the request marked, or why there are none; and which line the cursor is on.
enum ColleaguePickerContent {
    static func lines(_ state: AppState, _ picker: ColleaguePicker, width: Int) -> (lines: [String], selected: Int?) {
        guard let colleagues = state.colleagues else { return ([" Reading the colleagues…"], nil) }
        let shown = picker.shown(colleagues, names: state.names)
        guard !shown.isEmpty else {
            return ([colleagues.isEmpty ? " No active colleague to hand it to." : " No colleague matches /\(UntrustedText.sanitize(picker.filterText))."], nil)
        }
        let holder = state.store.appointment(id: picker.appointmentID)?.primaryEmployee?.participant.id
        let nameWidth = min(26, max(12, width / 3))
        let lines = shown.map { colleague in
            let name = UntrustedText.sanitize(colleague.displayName?.text ?? colleague.id)
            let about = ((colleague.id == holder ? ["holds it"] : []) + [colleague.function?.value].compactMap { $0 }
                + ColleaguePicker.officeNames(colleague, names: state.names))
                .map { UntrustedText.sanitize($0) }.joined(separator: " · ")
            return " " + DisplayWidth.fit(name, to: nameWidth) + " " + DisplayWidth.fit(UntrustedText.sanitize(colleague.id), to: 6) + about
        }
        return (lines, picker.selectionIndex(in: shown))
    }
}
