import EngageAPI

/// The endpoints that name what appointments refer to, with the API's rules: `id[]` in bracket
/// syntax (a plain `id=` is a 400), `offset`/`limit` paging, translated names by
/// `Accept-Language`, a 403 for a kind whose scope the token lacks.
extension SandboxRouter {
    func names(_ request: SandboxRequest, kind: NameKind, id: String?) -> SandboxResponse {
        if absentEndpoints.contains(kind) { return .injected(status: 404) }
        if missingScopes.contains(kind) {
            return .error(403, code: "FORBIDDEN", type: "AUTHORIZATION_ERROR",
                          message: "The token does not have the scope \(kind.scope).")
        }
        let languages = Self.languages(request)
        if let id {
            guard let item = Self.item(kind, id: id, languages: languages) else {
                let noun = PlainText.capitalizingFirst(kind.rawValue)
                return .error(404, code: "NOT_FOUND", type: "NOT_FOUND_ERROR", message: "\(noun) '\(id)' not found")
            }
            return item
        }
        var ids: [String] = []
        var statuses: [Employee.Status] = []
        var roles: Set<String> = []
        var window = PageWindow()
        for (name, value) in request.queryItems {
            switch name {
            case "id", "status", "available-role":
                return .badRequest("Query parameter '\(name)' must be an array: use '\(name)[]=\(value)'.")
            case "id[]": ids.append(value)
            case "status[]" where kind == .employee:
                let status = Employee.Status(rawValue: value)
                guard status.isDocumented else { return .badRequest("Unknown status '\(value)'.") }
                statuses.append(status)
            case "available-role[]" where kind == .employee:
                guard Self.employeeRoles.contains(value) else { return .badRequest("Unknown role '\(value)'.") }
                roles.insert(value)
            case "offset", "limit":
                if let refusal = window.read(name, value) { return refusal }
            default:
                continue
            }
        }
        let all: [String] = switch kind {
        case .subject: SandboxDirectory.subjects.keys.sorted()
        case .office: SandboxDirectory.offices.keys.sorted()
        case .employee: SandboxDirectory.employeeIDs
        case .customer: []
        }
        let wanted = ids.isEmpty ? all : all.filter(Set(ids).contains)
        func page<Item: Codable & Sendable>(_ items: [Item]) -> SandboxResponse {
            let slice = items.dropFirst(window.offset).prefix(window.limit)
            return .json(200, ListEnvelope(
                data: Array(slice), meta: PageMeta(offset: window.offset, limit: window.limit, totalCount: items.count)))
        }
        switch kind {
        case .subject: return page(wanted.compactMap { SandboxDirectory.subject(id: $0, languages: languages) })
        case .office: return page(wanted.compactMap { SandboxDirectory.office(id: $0, languages: languages) })
        case .employee:
            return page(wanted.compactMap { SandboxDirectory.employee(id: $0, languages: languages) }
                .filter { statuses.isEmpty || $0.status.map(statuses.contains) == true }
                .filter { roles.isEmpty || !roles.isDisjoint(with: SandboxDirectory.roles(of: $0.id)) })
        case .customer:
            return .error(404, code: "NOT_FOUND", type: "NOT_FOUND_ERROR", message: "Resource not found")
        }
    }

    /// The roles an employee can have (the back office's help: agent, office manager, administrator).
    static let employeeRoles: Set<String> = ["AGENT", "OFFICE_MANAGER", "ADMINISTRATOR"]

    private static func item(_ kind: NameKind, id: String, languages: [Language]) -> SandboxResponse? {
        switch kind {
        case .subject: SandboxDirectory.subject(id: id, languages: languages).map { .json(200, DataEnvelope(data: $0)) }
        case .office: SandboxDirectory.office(id: id, languages: languages).map { .json(200, DataEnvelope(data: $0)) }
        case .employee: SandboxDirectory.employee(id: id, languages: languages).map { .json(200, DataEnvelope(data: $0)) }
        case .customer: SandboxDirectory.customer(id: id).map { .json(200, DataEnvelope(data: $0)) }
        }
    }
}
