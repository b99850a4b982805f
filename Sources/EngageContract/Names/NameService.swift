/// One request for names: ids of one kind, in one language.
public struct NameRequest: Hashable, Sendable {
    public var kind: NameKind
    /// At most `NameRequest.batchLimit` ids for batched kinds, exactly one for customers.
    public var ids: [String]
    /// The `Accept-Language` to ask in (translated kinds); `nil` for the client's own.
    public var language: Language?
    /// Whether the names are on screen now: these are served before the background's.
    public var isVisible: Bool

    /// How many ids one request carries (`id[]=…` fifty times keeps a URL well under 2 KB).
    public static let batchLimit = 50

    public init(kind: NameKind, ids: [String], language: Language? = nil, isVisible: Bool) {
        self.kind = kind
        self.ids = ids
        self.language = language
        self.isVisible = isVisible
    }
}

/// Where names (and the colleagues to hand a request to) come from: `EngageClient` reads them
/// from the tenant; the runtime budgets them.
public protocol NameService: Sendable {
    /// The names of `request.ids` that the server has; an id it does not return (or returns
    /// without a name in the language) is absent from the result.
    func names(for request: NameRequest) async throws(EngageError) -> [String: Name]

    /// The colleagues a request can be handed to: `GET /employees?status[]=ACTIVE&available-role[]=AGENT`,
    /// every page.
    func colleagues() async throws(EngageError) -> [Employee]
}

/// Everything the screen asks of a tenant.
public typealias TenantService = AppointmentService & NameService
