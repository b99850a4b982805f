/// The endpoints that name what appointments refer to: subjects, offices and employees in
/// batches (`id[]=…`), customers one by one.
extension EngageClient {
    /// The names the server has for `request.ids`. Errors are thrown as they come (a 403 when the
    /// token lacks the kind's scope, a 404 where the tenant has no such endpoint or customer):
    /// what they mean for the screen is the caller's to decide.
    public func names(for request: NameRequest) async throws(EngageError) -> [String: Name] {
        let language = request.language.map { $0.rawValue }
        switch request.kind {
        case .subject, .office:
            return Self.named(try await batch(TranslatedResource.self, request, language: language)) { $0.displayName }
        case .employee:
            return Self.named(try await batch(Employee.self, request, language: language)) { $0.displayName }
        case .customer:
            var names: [String: Name] = [:]
            for id in request.ids {
                names[id] = try await customer(id: id).value.displayName
            }
            return names
        }
    }

    /// `GET /customers/{id}`.
    public func customer(id: String) async throws(EngageError) -> EngageResponse<Customer> {
        let response = try await send(
            .get, "/customers/\(try Self.pathSegment(id))", decoding: DataEnvelope<Customer>.self, idempotent: true)
        return EngageResponse(value: response.value.data, correlationId: response.correlationId)
    }

    /// `GET /employees?status[]=ACTIVE&available-role[]=AGENT`, page after page (100 a page).
    public func colleagues() async throws(EngageError) -> [Employee] {
        var colleagues: [Employee] = []
        let limit = 100
        while true {
            let parameters = [(name: "status[]", value: "ACTIVE"), (name: "available-role[]", value: "AGENT"),
                              (name: "offset", value: String(colleagues.count)), (name: "limit", value: String(limit))]
            let page = try await send(.get, NameKind.employee.path, parameters: parameters,
                                      decoding: ListEnvelope<Employee>.self, idempotent: true).value
            colleagues += page.data
            if page.data.isEmpty || colleagues.count >= min(page.meta.totalCount, 10_000) { return colleagues }
        }
    }

    /// One page of `GET /subjects`, `/offices` or `/employees` with `id[]` for each id (and a
    /// limit that fits them all).
    private func batch<Item: Codable & Sendable>(
        _ type: Item.Type, _ request: NameRequest, language: String?
    ) async throws(EngageError) -> [Item] {
        let parameters = request.ids.map { (name: "id[]", value: $0) }
            + [(name: "offset", value: "0"), (name: "limit", value: String(max(1, request.ids.count)))]
        return try await send(
            .get, request.kind.path, parameters: parameters, decoding: ListEnvelope<Item>.self, idempotent: true,
            language: language
        ).value.data
    }

    private static func named<Item: Identifiable>(_ items: [Item], _ name: (Item) -> Name?) -> [String: Name]
    where Item.ID == String {
        var names: [String: Name] = [:]
        for item in items { names[item.id] = name(item) }
        return names
    }
}
