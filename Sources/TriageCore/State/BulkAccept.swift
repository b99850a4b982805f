/// An accept of every marked request (`A`), on its way: which were sent, and what became of each
/// so far. The accepts themselves are ordinary ones (one effect each, through the request budget,
/// journaled like any accept).
public struct BulkAccept: Sendable, Equatable {
    /// What became of one of them.
    public struct Result: Sendable, Equatable {
        public enum Outcome: Sendable, Equatable {
            case accepted
            /// Someone else got there first (422 APPOINTMENT_STATUS_INVALID, or the re-read says so).
            case alreadyHandled
            case failed
        }

        public var id: String
        /// `1001 · Amélie Dubois`.
        public var request: String
        public var outcome: Outcome
        /// The banner's words for it.
        public var reason: String
        public var detail: String?
    }

    public var ids: [String]
    public var results: [Result] = []

    public init(ids: [String]) { self.ids = ids }

    public var failedCount: Int { results.count { $0.outcome == .failed } }
    public var isDone: Bool { results.count == ids.count }

    /// `Accepting · 4 of 7 done · 1 failed`.
    public var progress: String {
        "Accepting · \(results.count) of \(ids.count) done" + (failedCount > 0 ? " · \(failedCount) failed" : "")
    }

    /// `Accepted 5 of 7 · 1 already handled · 1 failed`.
    public var summary: String {
        let handled = results.count { $0.outcome == .alreadyHandled }
        return "Accepted \(results.count { $0.outcome == .accepted }) of \(ids.count)"
            + (handled > 0 ? " · \(handled) already handled" : "") + (failedCount > 0 ? " · \(failedCount) failed" : "")
    }
}
