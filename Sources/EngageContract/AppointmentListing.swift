/// Reads every page of a list query so that no appointment pending throughout the load is missed,
/// whatever is accepted (here or elsewhere) meanwhile. The CLI's `list` and the screen share it.
///
/// Offset paging alone loses rows: an accept while the load runs shifts the later pages up by
/// one, and the row that crosses a page boundary is read by neither page. So consecutive pages
/// overlap by one row (each page starts at the previous page's last row), and two pages are
/// *linked* when they share a row. Every page is a contiguous run of the list at the time it was
/// read, so pages linked (directly or through others) from the top of the list to a short page
/// cover every row that was there throughout. Where the links break (rows before a boundary left
/// between two reads), the load reads on from the furthest linked page, at the place its last row
/// has moved up to, until a short page is linked. (A server that serves one row a page gives
/// nothing to overlap: those pages are read to the end unverified.)
///
/// No number from the server is trusted for allocation or arithmetic: `totalCount` only plans
/// the first parallel requests (clamped to `maxRows`); the load ends at an empty or short page;
/// pages beyond `maxRows` rows are an error, not an endless load.
public struct AppointmentListing: Sendable {
    /// Reads one page at a requested offset and limit.
    public typealias Fetch = @Sendable (_ offset: Int, _ limit: Int) async throws(EngageError) -> AppointmentPage

    /// The outcome of a load.
    public struct Result: Sendable, Equatable {
        /// How many distinct appointments were read.
        public var count: Int
        /// `false` when the list kept changing faster than broken links could be repaired
        /// (`maxRepairs` and two per page spent): a request pending throughout may be missing.
        public var isComplete: Bool
    }

    /// The `limit` asked for each page.
    public var pageSize: Int
    /// Pages requested at once in the first pass.
    public var maxPagesInFlight: Int
    /// The most rows a load reads before it stops with `.limitExceeded`.
    public var maxRows: Int
    /// How many extra pages a load may read to repair broken links (besides two per page).
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
    }

    /// The pages read so far, and which of them are linked (share a row, directly or through
    /// others) to the newest read of the top of the list. The load is complete when a short page
    /// is linked: every row pending throughout lies between the top and the end of that page.
    private struct PageChain {
        /// A page as the chain keeps it: its rows are in `pageOfRow`.
        struct Summary {
            var offset: Int
            var count: Int
            var totalCount: Int
        }

        let limit: Int
        private(set) var pages: [Summary] = []
        private var parents: [Int] = []
        private var pageOfRow: [String: Int] = [:]
        /// The newest page read at offset 0: the top of the list as it is now.
        private var root = 0
        private(set) var latestTotalCount = 0

        /// Makes room for `expectedRows` at once (the first page's clamped `totalCount`): grown by
        /// doubling, the table of 100,000 rows held its old and new storage together for a moment,
        /// 9 MB at the very end of a load.
        init(limit: Int, expectedRows: Int) {
            self.limit = limit
            pageOfRow.reserveCapacity(expectedRows)
        }

        mutating func add(_ page: ReadPage) {
            let index = pages.count
            pages.append(Summary(offset: page.offset, count: page.ids.count, totalCount: page.totalCount))
            parents.append(index)
            latestTotalCount = page.totalCount
            if page.offset == 0 { root = index }
            for id in page.ids {
                if let other = pageOfRow[id] { union(other, index) } else { pageOfRow[id] = index }
            }
        }

        /// Links the sets of pages `a` and `b`: the new page's set hangs under the older one's
        /// top, so the trees stay shallow without compressing paths.
        private mutating func union(_ a: Int, _ b: Int) {
            let (topA, topB) = (top(a), top(b))
            if topA != topB { parents[topB] = topA }
        }

        private func top(_ index: Int) -> Int {
            var index = index
            while parents[index] != index { index = parents[index] }
            return index
        }

        /// The pages linked to the top, in the order they were read.
        private var linked: [Summary] {
            let component = top(root)
            return pages.indices.filter { top($0) == component }.map { pages[$0] }
        }

        var linkedCount: Int { linked.count }

        var isComplete: Bool {
            let top = pages[root]
            return top.count < limit || linked.contains { $0.count > 0 && $0.count < limit }
        }

        /// The linked full page furthest down the list (by offset, the newest read on a tie).
        var frontier: Summary {
            // The last after a stable sort by offset: the newest read among equal offsets.
            linked.filter { $0.count >= limit }.sorted { $0.offset < $1.offset }.last ?? pages[root]
        }

        /// The distinct rows read.
        var rowCount: Int { pageOfRow.count }
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
        guard limit > 0, first.ids.count >= limit else { return Result(count: Set(first.ids).count, isComplete: true) }
        let step = limit > 1 ? limit - 1 : 1

        var chain = PageChain(limit: limit, expectedRows: first.totalCount)
        chain.add(first)
        try await firstPass(after: first, limit: limit, step: step, fetch: fetch, accept: accept, into: &chain)
        if limit < 2 {
            // Pages of one row cannot overlap: read on to the end, unverified.
            let furthest = chain.pages.max { $0.offset < $1.offset } ?? PageChain.Summary(offset: 0, count: 0, totalCount: 0)
            var (offset, count) = (furthest.offset, furthest.count)
            while count >= limit {
                guard offset < maxRows else { throw tooMany() }
                offset += 1
                let page = try await read(offset, limit)
                chain.add(page)
                count = page.ids.count
            }
            return Result(count: chain.rowCount, isComplete: true)
        }
        // Every page may need a repair or two when the list moves fast, and a few more besides.
        var repairsLeft = maxRepairs + 2 * chain.pages.count
        var retreat = 0
        while !chain.isComplete {
            guard repairsLeft > 0 else { return Result(count: chain.rowCount, isComplete: false) }
            repairsLeft -= 1
            guard chain.rowCount <= maxRows else { throw tooMany() }
            // Read on from the furthest page linked to the top, where its last row is now: rows
            // that left since it was read moved it up. A read that does not link lands too far
            // down (more rows left before it): step back half a page more each time.
            let frontier = chain.frontier
            // The list shrank by this much since then; rows after the frontier account for some of
            // it, so the estimate is capped below a page: the read still reaches past the frontier.
            let shift = min(max(0, frontier.totalCount - chain.latestTotalCount), step - 1)
            let offset = max(0, frontier.offset + step - shift - retreat)
            let linkedBefore = chain.linkedCount
            chain.add(try await read(offset, limit))
            retreat = chain.linkedCount > linkedBefore || offset == 0 ? 0 : retreat + max(1, step / 2)
        }
        return Result(count: chain.rowCount, isComplete: true)
    }

    /// The pages after the first, `maxPagesInFlight` in flight at any time, planned from the first
    /// page's `totalCount` (clamped) and no further once an empty or short page came back, added
    /// to `chain` as they arrive. Growth beyond the plan is read by `run` afterwards.
    private func firstPass(
        after first: ReadPage, limit: Int, step: Int, fetch: @escaping Fetch,
        accept: (AppointmentPage, Int) throws(EngageError) -> ReadPage, into chain: inout PageChain
    ) async throws(EngageError) {
        let planned = min(first.totalCount, maxRows)
        var failure: EngageError?
        // Each child hands back the offset it read with what came back. (Written without a nested
        // function capturing the group and without a tuple of a typed-throws Result: release
        // builds of Swift 6.3 handed back garbage offsets for that shape.)
        await withTaskGroup(of: FetchedPage.self) { group in
            var nextOffset = step
            var endSeen = false
            var scheduled = 0
            while scheduled < maxPagesInFlight, nextOffset < planned {
                group.addTask(operation: Self.fetchTask(fetch, offset: nextOffset, limit: limit))
                nextOffset += step
                scheduled += 1
            }
            while let fetched = await group.next() {
                do throws(EngageError) {
                    let page = try accept(try fetched.result.get(), fetched.offset)
                    if page.ids.count < limit { endSeen = true }
                    chain.add(page)
                    if !endSeen, nextOffset < planned {
                        group.addTask(operation: Self.fetchTask(fetch, offset: nextOffset, limit: limit))
                        nextOffset += step
                    }
                } catch {
                    failure = error
                    group.cancelAll()
                }
            }
        }
        if let failure { throw failure }
    }

    /// A page read by a child task of the first pass, with the offset it was asked at.
    private struct FetchedPage: Sendable {
        var offset: Int
        var result: Swift.Result<AppointmentPage, EngageError>
    }

    private static func fetchTask(_ fetch: @escaping Fetch, offset: Int, limit: Int) -> @Sendable () async -> FetchedPage {
        {
            do throws(EngageError) {
                return FetchedPage(offset: offset, result: .success(try await fetch(offset, limit)))
            } catch {
                return FetchedPage(offset: offset, result: .failure(error))
            }
        }
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
