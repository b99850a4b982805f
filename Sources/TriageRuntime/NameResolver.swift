import EngageContract
import TriageCore

/// Reads every name a command's output needs, all at once: the `list` and `show` tables wait for
/// their names (the screen never does: it asks as it draws). Pass a `BudgetedService`, which
/// bounds the requests in flight and waits out 429s.
public enum NameResolver {
    /// What became of the names of `keys`: the book, and one line for each kind the tenant
    /// will not name (for the log).
    public static func resolve(_ keys: [NameKey], using service: any NameService) async -> (names: NameBook, unavailable: [String]) {
        var book = NameBook()
        let requests = book.visibleRequests(for: keys)
        let results = await withTaskGroup(of: (NameRequest, Result<[String: Name], EngageError>).self) { group in
            for request in requests {
                group.addTask {
                    do throws(EngageError) {
                        return (request, .success(try await service.names(for: request)))
                    } catch {
                        return (request, .failure(error))
                    }
                }
            }
            var results: [(NameRequest, Result<[String: Name], EngageError>)] = []
            for await result in group { results.append(result) }
            return results
        }
        var unavailable: [String] = []
        for (request, result) in results {
            switch result {
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
