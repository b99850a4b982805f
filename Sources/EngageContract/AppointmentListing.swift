/// Reads every page of a list query so that no appointment pending throughout the load is missed,
/// whatever is accepted (here or elsewhere) meanwhile. The CLI's `list` and the screen share it.
///
/// Offset paging alone loses rows: an accept while the load runs shifts the later pages up by
/// one, and the row that crosses a page boundary is read by neither page. So consecutive pages
/// overlap by one row (each page starts at the previous page's last row), and two pages are
/// *linked* when they share a row. Every page is a contiguous run of the list at the time it was
/// read, so a chain of linked pages from offset 0 to a short page covers every row that was
/// there throughout. A broken link (the pages share nothing: rows before the boundary left
/// meanwhile) is repaired by reading again further up until the pages link.
///
/// No number from the server is trusted for allocation or arithmetic: `totalCount` only plans
/// the first parallel requests (clamped to `maxRows`); the load ends at an empty or short page;
/// pages beyond `maxRows` rows are an error, not an endless load.
public struct AppointmentListing: Sendable {
    /// Reads one page at a requested offset and limit.
    public typealias Fetch = @Sendable (_ offset: Int, _ limit: Int) async throws(EngageError) -> AppointmentPage

    /// The outcome of a load.
    public struct Result: Sendable, Equatable {
        /// Every appointment id seen, once each, in the server's order.
        public var ids: [String]
        /// `false` when the list kept changing faster than broken links could be repaired
        /// (`maxRepairs` spent): a request pending throughout may be missing.
        public var isComplete: Bool
    }

    /// The `limit` asked for each page.
    public var pageSize: Int
    /// Pages requested at once in the first pass.
    public var maxPagesInFlight: Int
    /// The most rows a load reads before it stops with `.limitExceeded`.
    public var maxRows: Int
    /// How many extra pages a load may read to repair broken links.
    public var maxRepairs: Int

    public static let defaultMaxRows = 1_000_000

    public init(pageSize: Int, maxPagesInFlight: Int = 2, maxRows: Int = Self.defaultMaxRows, maxRepairs: Int = 64) {
        self.pageSize = max(1, pageSize)
        self.maxPagesInFlight = max(1, maxPagesInFlight)
        self.maxRows = max(1, maxRows)
        self.maxRepairs = max(0, maxRepairs)
    }

    /// One page as read: where it was asked for and the ids it held.
    private struct ReadPage {
        var offset: Int
        var ids: [String]
        var totalCount: Int
        func links(_ other: ReadPage) -> Bool {
            let mine = Set(ids)
            return other.ids.contains(where: mine.contains)
        }
    }

    /// Loads every page. `onPage` gets each page as it arrives (in any order, repaired pages
    /// included, so a row may come more than once), with `meta.offset` set to the offset that was
    /// asked for and `meta.totalCount` clamped to `0...maxRows`.
    public func run(fetch: @escaping Fetch, onPage: @Sendable (AppointmentPage) -> Void) async throws(EngageError) -> Result {
        var rowsRead = 0
        func accept(_ page: AppointmentPage, _ offset: Int) throws(EngageError) -> ReadPage {
            let page = checked(page, offset: offset)
            rowsRead += page.appointments.count
            guard rowsRead <= maxRows * 2 else { throw tooMany() }
            onPage(page)
            return ReadPage(offset: offset, ids: page.appointments.map(\.id), totalCount: page.meta.totalCount)
        }
        func read(_ offset: Int, _ limit: Int) async throws(EngageError) -> ReadPage {
            try accept(try await fetch(offset, limit), offset)
        }

        let first = try await read(0, pageSize)
        // A server that caps pages below the asked limit (and says there is more) sets the page size.
        let limit = first.ids.count < pageSize && first.totalCount > first.ids.count ? first.ids.count : pageSize
        guard limit > 0, first.ids.count >= limit else { return Result(ids: first.ids, isComplete: true) }
        let step = limit > 1 ? limit - 1 : 1

        var pages = try await firstPass(after: first, limit: limit, step: step, fetch: fetch, accept: accept)
        var repairsLeft = maxRepairs
        var isComplete = limit > 1
        var index = 1
        while index < pages.count {
            let (left, right) = (pages[index - 1], pages[index])
            // A short left page ended the list when it was read: nothing pending throughout lies beyond it.
            guard limit > 1, left.ids.count >= limit, !left.links(right) else {
                index += 1
                continue
            }
            // Rows before the boundary left between the two reads: read again further up.
            var back = max(1, left.totalCount - right.totalCount)
            var repaired = false
            while repairsLeft > 0 {
                repairsLeft -= 1
                let offset = max(0, right.offset - back)
                let again = try await read(offset, limit)
                if left.links(again) || offset == 0 {
                    pages.insert(again, at: index)
                    repaired = true
                    break
                }
                back = min(back * 2, right.offset)
            }
            guard repaired else {
                isComplete = false
                break
            }
        }
        // The last page must be short, or the list goes on.
        while let last = pages.last, last.ids.count >= limit {
            guard pages.count * step < maxRows else { throw tooMany() }
            pages.append(try await read(last.offset + step, limit))
        }
        var seen = Set<String>()
        let ids = pages.flatMap(\.ids).filter { seen.insert($0).inserted }
        guard ids.count <= maxRows else { throw tooMany() }
        return Result(ids: ids, isComplete: isComplete)
    }

    /// The pages after the first, `maxPagesInFlight` in flight at any time, planned from the first
    /// page's `totalCount` (clamped) and no further once an empty or short page came back; in
    /// offset order, empty pages left out. Growth beyond the plan is read by `run` afterwards.
    private func firstPass(
        after first: ReadPage, limit: Int, step: Int, fetch: @escaping Fetch, accept: (AppointmentPage, Int) throws(EngageError) -> ReadPage
    ) async throws(EngageError) -> [ReadPage] {
        let planned = min(first.totalCount, maxRows)
        var pages = [first]
        var failure: EngageError?
        await withTaskGroup(of: (Int, Swift.Result<AppointmentPage, EngageError>).self) { group in
            var nextOffset = step
            var endSeen = false
            func schedule() {
                guard !endSeen, failure == nil, nextOffset < planned else { return }
                let offset = nextOffset
                nextOffset += step
                group.addTask {
                    do throws(EngageError) { return (offset, .success(try await fetch(offset, limit))) } catch { return (offset, .failure(error)) }
                }
            }
            for _ in 0..<maxPagesInFlight { schedule() }
            while let (offset, result) = await group.next() {
                do throws(EngageError) {
                    let page = try accept(try result.get(), offset)
                    if page.ids.count < limit { endSeen = true }
                    if !page.ids.isEmpty { pages.append(page) }
                    schedule()
                } catch {
                    failure = error
                    group.cancelAll()
                }
            }
        }
        if let failure { throw failure }
        return pages.sorted { $0.offset < $1.offset }
    }

    private func checked(_ page: AppointmentPage, offset: Int) -> AppointmentPage {
        var page = page
        page.meta.offset = offset
        page.meta.totalCount = min(max(0, page.meta.totalCount), maxRows)
        return page
    }

    private func tooMany() -> EngageError {
        EngageError(kind: .limitExceeded, detail: "more than \(maxRows) appointments; the load stopped there")
    }
}
