import EngageContract
import TriageCore

/// Reads every name a command's output needs, all at once: the `list` and `show` tables wait for
/// their names (the screen never does: it asks as it draws). Pass a `BudgetedService`, which
/// bounds the requests in flight and waits out 429s.
public enum NameResolver {
    /// One request's answer (a struct, not a tuple of a typed-throws `Result`: see
    /// `AppointmentListing.FetchedPage`).
    private struct Answer: Sendable {
        var request: NameRequest
        var result: Result<[String: Name], EngageError>
    }

    /// What became of the names of `keys`: the book, and one line for each kind the tenant
    /// will not name (for the log).
    public static func resolve(_ keys: [NameKey], using service: any NameService) async -> (names: NameBook, unavailable: [String]) {
        var book = NameBook()
        let requests = book.visibleRequests(for: keys)
        let answers = await withTaskGroup(of: Answer.self) { group in
            for request in requests {
                group.addTask {
                    do throws(EngageError) {
                        return Answer(request: request, result: .success(try await service.names(for: request)))
                    } catch {
                        return Answer(request: request, result: .failure(error))
                    }
                }
            }
            var answers: [Answer] = []
            for await answer in group { answers.append(answer) }
            return answers
        }
        var unavailable: [String] = []
        for answer in answers {
            let request = answer.request
            switch answer.result {
            case .success(let names): book.resolve(request, with: names)
            case .failure(let error):
                if let reason = book.fail(request, with: error) {
                    unavailable.append(NameBook.unavailableLine(request.kind, reason))
                }
            }
        }
        return (book, unavailable)
    }
}
