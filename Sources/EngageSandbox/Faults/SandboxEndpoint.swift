/// The endpoints of the sandbox that faults can be aimed at.
public enum SandboxEndpoint: String, CaseIterable, Sendable, Hashable {
    /// `GET /appointments`
    case list
    /// `GET /appointments/{id}`
    case show
    /// `POST /appointments/{id}/_actions/accept`
    case accept
    /// `POST /appointments/{id}/_actions/reschedule`
    case reschedule
    /// `POST /appointments/{id}/_actions/reassign`
    case reassign
    /// `PATCH /appointments/{id}` (the internal notes)
    case update
    /// `POST /realms/{enterprise}/protocol/openid-connect/token`
    case token
    /// `GET /subjects`, `GET /subjects/{id}`
    case subjects
    /// `GET /offices`, `GET /offices/{id}`
    case offices
    /// `GET /employees`, `GET /employees/{id}`
    case employees
    /// `GET /customers/{id}`
    case customers
}
