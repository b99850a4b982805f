import EngageAPI
import Synchronization

/// Every request for names the sandbox received, by kind: how many, how many ids they carried and
/// how many of those had been asked for before. Unbounded (a few integers per id): the benchmark
/// reads it after a session of 100,000 rows.
public final class NameRequestTally: Sendable {
    /// The figures of one kind.
    public struct Figures: Sendable, Equatable {
        public var requests = 0
        public var ids = 0
        /// Ids asked for again (in any earlier request of the kind).
        public var repeatedIds = 0
        /// Requests that carried `NameRequest.batchLimit` ids.
        public var fullBatches = 0
    }

    private let state = Mutex<(figures: [NameKind: Figures], seen: [NameKind: Set<String>])>(([:], [:]))

    public var figures: [NameKind: Figures] { state.withLock { $0.figures } }

    func record(_ request: SandboxRequest, kind: NameKind, pathID: String?) {
        let ids = pathID.map { [$0] } ?? request.queryItems.filter { $0.name == "id[]" }.map(\.value)
        state.withLock { state in
            var figures = state.figures[kind] ?? Figures()
            figures.requests += 1
            figures.ids += ids.count
            if ids.count == NameRequest.batchLimit { figures.fullBatches += 1 }
            for id in ids where !state.seen[kind, default: []].insert(id).inserted { figures.repeatedIds += 1 }
            state.figures[kind] = figures
        }
    }
}
