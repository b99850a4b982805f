/// The lines of the messages overlay: every banner of the session, newest first, with its time
/// and what support needs (the server's code, the correlation id), wrapped to the box.
enum MessagesContent {
    /// The width the box gives its text.
    static func textWidth(_ state: AppState) -> Int { max(20, min(state.size.width - 8, 110)) }

    static func lines(_ state: AppState) -> [String] {
        guard !state.messages.isEmpty else { return ["  No messages yet."] }
        let time = TimeDisplay(timeZone: state.options.timeZone)
        let width = textWidth(state) - 2
        return state.messages.reversed().flatMap { message -> [String] in
            let mark = switch message.banner.kind {
            case .success: "ok "
            case .error: "!! "
            case .info: "-- "
            }
            let text = message.banner.text + (message.banner.detail.map { " · \($0)" } ?? "")
            let wrapped = TextWrap.lines(text, width: max(10, width - 14))
            return wrapped.enumerated().map { index, line in
                (index == 0 ? "  " + time.clockTime(message.time) + " " + mark : String(repeating: " ", count: 14)) + line
            }
        }
    }
}
