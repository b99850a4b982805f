import EngageContract
import Foundation
import Synchronization
import Testing

/// Paging that misses nothing: a list that changes between page reads, as a tenant does while
/// colleagues accept requests, must still yield every request pending throughout the load.
@Suite("Appointment listing", .timeLimit(.minutes(1)))
struct AppointmentListingTests {
    /// A server's list in memory: before each page read, `churn` decides what changes.
    final class MovingList: Sendable {
        struct State {
            var rows: [String]
            var everRemoved: Set<String> = []
            var nextNew = 0
            var reads: [(offset: Int, limit: Int)] = []
            var random: SplitMix
        }
        let state: Mutex<State>
        let churn: @Sendable (inout State) -> Void
        let totalCount: (@Sendable (Int) -> Int)?
        let cap: Int?

        init(_ count: Int, seed: UInt64, totalCount: (@Sendable (Int) -> Int)? = nil, cap: Int? = nil,
             churn: @escaping @Sendable (inout State) -> Void = { _ in }) {
            state = Mutex(State(rows: (0..<count).map { String(format: "r%05d", $0) }, random: SplitMix(seed: seed)))
            self.churn = churn
            self.totalCount = totalCount
            self.cap = cap
        }

        func fetch(_ offset: Int, _ limit: Int) async throws(EngageError) -> AppointmentPage {
            await Task.yield()
            return state.withLock { state in
                churn(&state)
                state.reads.append((offset, limit))
                let ids = Array(state.rows.dropFirst(offset).prefix(min(limit, cap ?? limit)))
                return AppointmentPage(
                    appointments: ids.map(Self.appointment),
                    meta: PageMeta(offset: offset, limit: limit, totalCount: totalCount?(state.rows.count) ?? state.rows.count),
                    correlationId: "c")
            }
        }

        static func appointment(_ id: String) -> Appointment {
            Appointment(id: id, start: nil, end: nil, subject: "1", office: "1", appointmentParticipants: [], meetingType: .phone,
                        status: .incomingRequest, createdAt: .distantPast, createdBy: nil, createdByType: .customer,
                        createdFrom: .plugin, updatedAt: .distantPast, updatedBy: nil, updatedByType: .customer, updatedFrom: .plugin)
        }

        var reads: [(offset: Int, limit: Int)] { state.withLock { $0.reads } }
        var pendingThroughout: (initial: [String], removed: Set<String>) { state.withLock { ($0.rows, $0.everRemoved) } }
    }

    /// A small deterministic generator, so a failing run can be replayed by its seed.
    struct SplitMix: RandomNumberGenerator {
        var seed: UInt64
        mutating func next() -> UInt64 {
            seed &+= 0x9E37_79B9_7F4A_7C15
            var z = seed
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// What a load returned, and the ids of every page it handed over, in offset order, once each.
    private struct Loaded {
        var isComplete: Bool
        var ids: [String]
    }

    private func run(_ list: MovingList, pageSize: Int, inFlight: Int = 2, maxRows: Int = 1_000_000) async throws(EngageError)
        -> Loaded
    {
        let pages = Mutex<[(Int, [String])]>([])
        let result = try await AppointmentListing(pageSize: pageSize, maxPagesInFlight: inFlight, maxRows: maxRows)
            .run(fetch: { offset, limit throws(EngageError) in try await list.fetch(offset, limit) },
                 onPage: { page in pages.withLock { $0.append((page.meta.offset, page.appointments.map(\.id))) } })
        var seen = Set<String>()
        let ids = pages.withLock { $0 }.sorted { $0.0 < $1.0 }.flatMap(\.1).filter { seen.insert($0).inserted }
        #expect(result.count == ids.count)
        return Loaded(isComplete: result.isComplete, ids: ids)
    }

    @Test func aStillListIsReadOnceWithPagesOverlappingByOneRow() async throws {
        let list = MovingList(41, seed: 1)
        let result = try await run(list, pageSize: 7)
        #expect(result.ids == (0..<41).map { String(format: "r%05d", $0) } && result.isComplete)
        #expect(list.reads.map(\.offset).sorted() == [0, 6, 12, 18, 24, 30, 36])
    }

    /// - Parameters: `busy`: colleagues accept at most this often per page read (a 0.3 chance of
    ///   one or more accepts before each read, where the load reads 25 pages a second: several a
    ///   second, with pages of 5 to 25 rows); `hostile`: much more, with pages of 2 rows.
    @Test(arguments: [false, true])
    func acceptsDuringTheLoadLoseNoRequestPendingThroughout(hostile: Bool) async throws {
        var incomplete = 0
        // The hostile pace makes each load read many pages again: fewer runs of it.
        for seed in UInt64(1)...(hostile ? 80 : 400) {
            var random = SplitMix(seed: seed)
            let count = Int.random(in: 0...150, using: &random)
            let pageSize = hostile ? Int.random(in: 2...4, using: &random) : Int.random(in: 5...25, using: &random)
            let removals = hostile ? Double.random(in: 0.3...0.6, using: &random) : Double.random(in: 0...0.3, using: &random)
            let arrivals = Double.random(in: 0...0.3, using: &random)
            let list = MovingList(count, seed: seed, churn: { state in
                // Colleagues accept requests anywhere in the list; new ones arrive at the end.
                while !state.rows.isEmpty, Double.random(in: 0..<1, using: &state.random) < removals {
                    let index = Int.random(in: 0..<state.rows.count, using: &state.random)
                    state.everRemoved.insert(state.rows.remove(at: index))
                }
                if Double.random(in: 0..<1, using: &state.random) < arrivals {
                    state.rows.append("new-\(state.nextNew)")
                    state.nextNew += 1
                }
            })
            let initial = list.pendingThroughout.initial
            let result = try await run(list, pageSize: pageSize, inFlight: Int.random(in: 1...3, using: &random))
            let removed = list.pendingThroughout.removed
            let throughout = initial.filter { !removed.contains($0) }
            if result.isComplete {
                let missing = throughout.filter { !result.ids.contains($0) }
                #expect(missing.isEmpty, "seed \(seed): missing \(missing)")
            } else {
                incomplete += 1
            }
        }
        // A load that cannot keep up says so (and the screen asks for a reload); at a busy
        // office's pace, none is left incomplete.
        if !hostile { #expect(incomplete == 0) }
    }

    @Test(arguments: 1...60)
    func acceptsAtTheTopWhileTheLoadRunsLoseNothingAndEnd(seed: Int) async throws {
        // The user accepts the first rows while the pages load: every later page shifts.
        let list = MovingList(300, seed: UInt64(seed), churn: { state in
            if [2, 4, 5, 7, 9].contains(state.reads.count + Int(state.random.next() % 3)), state.rows.count > 3 {
                state.everRemoved.insert(state.rows.remove(at: Int(state.random.next() % 3)))
            }
        })
        let initial = list.pendingThroughout.initial
        let loaded = try await run(list, pageSize: 10, inFlight: 2)
        let removed = list.pendingThroughout.removed
        #expect(loaded.isComplete)
        #expect(initial.filter { !removed.contains($0) && !loaded.ids.contains($0) }.isEmpty)
        #expect(list.reads.count < 80, "\(list.reads.count) reads for 34 pages")
    }

    @Test func withoutOverlapThisIsWhatWouldBeLost() async throws {
        // The failure the issue reproduced: 41 pending, one accepted after the first page.
        let list = MovingList(41, seed: 7, churn: { state in
            if state.reads.count == 1 { state.everRemoved.insert(state.rows.removeFirst()) }
        })
        let result = try await run(list, pageSize: 25, inFlight: 1)
        #expect(result.ids.contains("r00025"), "the row that moved up across the page boundary is read")
        #expect(result.ids.count == 41)
    }

    @Test func aLyingTotalCountNeitherSpinsNorAllocates() async throws {
        let list = MovingList(30, seed: 1, totalCount: { _ in Int.max })
        let result = try await run(list, pageSize: 10)
        #expect(result.ids.count == 30)
        #expect(list.reads.count <= 6, "it stops at the first short page: \(list.reads.count) reads")
        let low = MovingList(30, seed: 1, totalCount: { _ in 5 })
        #expect(try await run(low, pageSize: 10).ids.count == 30, "a total below the truth does not cut the list")
    }

    @Test func aServerThatCapsPagesBelowTheLimitIsReadInItsOwnPageSize() async throws {
        let list = MovingList(95, seed: 1, cap: 20)
        let result = try await run(list, pageSize: 100)
        #expect(result.ids.count == 95 && result.isComplete)
        #expect(list.reads.dropFirst().allSatisfy { $0.limit == 20 })
    }

    @Test func anEndlessListStopsAtTheCeilingWithAClearError() async throws {
        let list = MovingList(0, seed: 1, churn: { state in
            state.rows += (0..<10).map { _ in
                state.nextNew += 1
                return "more-\(state.nextNew)"
            }
        })
        do {
            _ = try await run(list, pageSize: 10, maxRows: 500)
            Issue.record("expected the load to stop")
        } catch {
            #expect(error.kind == .limitExceeded)
            #expect(error.message.contains("more than 500 appointments"))
        }
        #expect(list.reads.count < 200)
    }
}
