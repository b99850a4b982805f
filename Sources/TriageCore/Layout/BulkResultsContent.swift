/// The lines of the result list of an accept of marked requests: accepted, already handled,
/// failed, each with the reason and what support needs.
enum BulkResultsContent {
    static func lines(_ state: AppState) -> [String] {
        let width = MessagesContent.textWidth(state) - 2
        let groups: [(String, BulkAccept.Result.Outcome)] = [
            ("Failed (still marked)", .failed), ("Already handled", .alreadyHandled), ("Accepted", .accepted),
        ]
        var lines: [String] = []
        for (title, outcome) in groups {
            let results = state.lastBulkResults.filter { $0.outcome == outcome }
            guard !results.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append("  \(title): \(results.count)")
            for result in results {
                let text = outcome == .accepted
                    ? result.request + (result.detail.map { " · \($0)" } ?? "")
                    : result.reason + (result.detail.map { " · \($0)" } ?? "")
                lines += TextWrap.lines(text, width: max(10, width - 6)).enumerated().map { index, line in
                    (index == 0 ? "    " : "      ") + line
                }
            }
        }
        return lines
    }
}
