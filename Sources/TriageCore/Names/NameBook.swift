import EngageContract

/// The names the session knows, the requests for more on their way, and the kinds the tenant
/// will not name (a 403 for a missing scope, a 404 for an endpoint it does not have).
///
/// Every id is asked for at most once a session: what the server has no name for is kept as
/// `.none` (the id is shown), what failed is not asked again until a reload. Names are sanitised
/// on the way in, so drawing them costs nothing more.
public struct NameBook: Sendable {
    /// What is known of one key.
    public enum Entry: Hashable, Sendable {
        case named(Name)
        /// The server has no name for it (or not in this language).
        case none
    }

    /// Background requests on their way at once (visible ones are not capped: there are few).
    public static let maxBackgroundRequests = 2

    public private(set) var entries: [NameKey: Entry] = [:]
    /// Keys asked for and not answered yet.
    private(set) var inFlight: Set<NameKey> = []
    /// Keys whose request failed (a timeout, a 5xx): shown as ids until the next reload.
    private(set) var failed: Set<NameKey> = []
    /// Kinds not shown this session, with why (for the log and `doctor`).
    public private(set) var unavailable: [NameKind: String] = [:]
    /// Ids found by the background scan, waiting to fill a batch.
    private(set) var backlog: [NameKind: [String]] = [:]
    private(set) var backlogged: Set<NameKey> = []
    /// Keys whose visible request was cancelled: the background asks for them before scanning on.
    private(set) var requeued: [NameKey] = []
    /// The next store slot the background scan looks at.
    var scanPosition = 0
    private(set) var backgroundInFlight = 0
    /// Requests for names on screen that have not been answered (or cancelled) yet.
    private(set) var visibleInFlight: Set<NameRequest> = []
    /// The folded text of each name in the session's language, as the sorts by name compare it:
    /// folded once, when the name arrives, not at every sort.
    private var sortKeys: [NameKey: String] = [:]
    /// Every name request sent this session (for the benchmark).
    public private(set) var requestsSent = 0

    public init() {}

    /// Starts the session with names kept from an earlier one (never customers).
    public init(cached: [NameKey: Entry]) {
        for (key, entry) in cached where key.kind.mayBeCached {
            entries[key] = entry
            if key.language == nil, case .named(let name) = entry { sortKeys[key] = FoldedText.fold(name.text) }
        }
    }

    /// The folded name of `id` that the sorts by name compare; nil while it has none.
    func sortKey(_ kind: NameKind, _ id: String) -> String? {
        let key = NameKey(kind, id)
        return sortKeys[key] ?? name(key).map { FoldedText.fold($0.text) }
    }

    /// The name of `key`; for a translated key with no name in its language, the session
    /// language's name.
    public func name(_ key: NameKey) -> Name? {
        if case .named(let name)? = entries[key] { return name }
        guard key.language != nil else { return nil }
        if case .named(let name)? = entries[NameKey(key.kind, key.id)] { return name }
        return nil
    }

    public func name(_ kind: NameKind, _ id: String, language: Language? = nil) -> Name? {
        name(NameKey(kind, id, language: language))
    }

    /// Whether `key` should be asked for: not known, not on its way, not failed, its kind available.
    func needs(_ key: NameKey) -> Bool {
        entries[key] == nil && !inFlight.contains(key) && !failed.contains(key) && unavailable[key.kind] == nil
    }

    /// The requests for the keys on screen that still need a name: one batch per kind and
    /// language (first: three requests name a column of every row), then one request per
    /// customer, top row first. Keys waiting in the backlog are taken out of it.
    public mutating func visibleRequests(for keys: [NameKey]) -> [NameRequest] {
        var batches: [NameKind: [Language?: [String]]] = [:]
        var customers: [NameRequest] = []
        var requests: [NameRequest] = []
        var seen = Set<NameKey>()
        for key in keys where needs(key) && seen.insert(key).inserted {
            unbacklog(key)
            if key.kind.isBatched {
                batches[key.kind, default: [:]][key.language, default: []].append(key.id)
            } else {
                customers.append(NameRequest(kind: key.kind, ids: [key.id], isVisible: true))
            }
        }
        for kind in NameKind.allCases {
            for (language, ids) in batches[kind] ?? [:] {
                for chunk in stride(from: 0, to: ids.count, by: NameRequest.batchLimit) {
                    requests.append(NameRequest(
                        kind: kind, ids: Array(ids[chunk..<min(ids.count, chunk + NameRequest.batchLimit)]),
                        language: language, isVisible: true))
                }
            }
        }
        requests += customers
        for request in requests { markSent(request) }
        visibleInFlight.formUnion(requests)
        return requests
    }

    /// The visible requests none of whose names is on screen any more (the user scrolled on, the
    /// rows moved): cancelled, so that what is on screen now goes first. A request already sent
    /// finishes anyway (its answer is kept); one still waiting for a slot is answered `.cancelled`
    /// and its ids are asked for again in the background (`requeued`).
    mutating func staleVisibleRequests(onScreen keys: Set<NameKey>) -> [NameRequest] {
        let stale = visibleInFlight.filter { request in
            !request.ids.contains { keys.contains(NameKey(request.kind, $0, language: request.language)) }
        }
        visibleInFlight.subtract(stale)
        return Array(stale)
    }

    /// Background requests for the rows of `store` from the scan position on, while fewer than
    /// `maxBackgroundRequests` are on their way: full batches, or what is left at the end.
    mutating func backgroundRequests(in store: RequestStore) -> [NameRequest] {
        var requests: [NameRequest] = []
        func room() -> Bool { backgroundInFlight + requests.count < Self.maxBackgroundRequests }
        func takeFull() {
            for kind in NameKind.allCases where kind.isBatched {
                while room(), let ids = backlog[kind], ids.count >= NameRequest.batchLimit {
                    requests.append(takeBacklog(kind, count: NameRequest.batchLimit))
                }
            }
        }
        /// A batched kind waits in the backlog for a full batch; a customer is asked for at once.
        func ask(_ key: NameKey) {
            guard needs(key), !backlogged.contains(key) else { return }
            if key.kind.isBatched {
                backlog[key.kind, default: []].append(key.id)
                backlogged.insert(key)
            } else {
                requests.append(NameRequest(kind: key.kind, ids: [key.id], isVisible: false))
                inFlight.insert(key)
            }
        }
        while room(), let key = requeued.popLast() { ask(key) }
        takeFull()
        while room(), scanPosition < store.count {
            for key in store[scanPosition].listNameKeys { ask(key) }
            scanPosition += 1
            takeFull()
        }
        if scanPosition >= store.count {
            for kind in NameKind.allCases where kind.isBatched {
                while room(), let ids = backlog[kind], !ids.isEmpty {
                    requests.append(takeBacklog(kind, count: NameRequest.batchLimit))
                }
            }
        }
        for request in requests { markSent(request) }
        backgroundInFlight += requests.count
        return requests
    }

    /// Records the answer to `request`: names for the ids it returned, `.none` for the others.
    public mutating func resolve(_ request: NameRequest, with names: [String: Name]) {
        finish(request)
        for id in request.ids {
            let key = NameKey(request.kind, id, language: request.language)
            let name = names[id].map(Self.sanitized)
            entries[key] = name.map { .named($0) } ?? Entry.none
            if let name, request.language == nil { sortKeys[key] = FoldedText.fold(name.text) }
        }
    }

    /// What a failed request means: a kind the tenant will not name, an id it has no name for,
    /// or a failure that leaves the ids shown as they are. Returns the reason when a kind became
    /// unavailable just now (to be logged once).
    public mutating func fail(_ request: NameRequest, with error: EngageError) -> String? {
        finish(request)
        let keys = request.ids.map { NameKey(request.kind, $0, language: request.language) }
        switch error.kind {
        case .cancelled:
            // Cancelled before its turn because it left the screen: the background asks for it
            // again (the scan may have passed its rows, and a filter may keep them off screen).
            requeued += keys.filter { $0.language == nil }
            return nil
        case .notFound where !request.kind.isBatched:
            for key in keys { entries[key] = Entry.none }
            return nil
        case .forbidden, .notFound:
            guard unavailable[request.kind] == nil else { return nil }
            let reason = error.kind == .forbidden
                ? "the token lacks \(request.kind.scope) (HTTP 403)"
                : "the tenant has no \(request.kind.path) endpoint (HTTP 404)"
            unavailable[request.kind] = reason
            for id in backlog.removeValue(forKey: request.kind) ?? [] { backlogged.remove(NameKey(request.kind, id)) }
            return reason
        default:
            failed.formUnion(keys)
            return nil
        }
    }

    /// The one quiet log line for a kind the tenant will not name.
    public static func unavailableLine(_ kind: NameKind, _ reason: String) -> String {
        "Names of \(kind.rawValue)s are not shown (ids are): \(reason)."
    }

    /// A reload: failed names may be asked for again, and the scan starts over the new rows.
    mutating func restartScan() {
        failed.removeAll()
        scanPosition = 0
    }

    private mutating func markSent(_ request: NameRequest) {
        requestsSent += 1
        for id in request.ids { inFlight.insert(NameKey(request.kind, id, language: request.language)) }
    }

    private mutating func finish(_ request: NameRequest) {
        if !request.isVisible { backgroundInFlight = max(0, backgroundInFlight - 1) }
        visibleInFlight.remove(request)
        for id in request.ids { inFlight.remove(NameKey(request.kind, id, language: request.language)) }
    }

    private mutating func takeBacklog(_ kind: NameKind, count: Int) -> NameRequest {
        let ids = Array(backlog[kind, default: []].prefix(count))
        backlog[kind]?.removeFirst(ids.count)
        for id in ids { backlogged.remove(NameKey(kind, id)) }
        return NameRequest(kind: kind, ids: ids, isVisible: false)
    }

    private mutating func unbacklog(_ key: NameKey) {
        guard backlogged.remove(key) != nil else { return }
        backlog[key.kind]?.removeAll { $0 == key.id }
    }

    private static func sanitized(_ name: Name) -> Name {
        Name(UntrustedText.sanitize(name.text), detail: name.detail.map { UntrustedText.sanitize($0) })
    }
}
