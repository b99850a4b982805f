/// The body of `POST /appointments/{id}/_actions/reassign`: another office or advisor. Every
/// documented field is sent, the ones not given as explicit `null`.
public struct ReassignRequest: Encodable, Hashable, Sendable {
    /// The office it moves to; `null` keeps the office.
    public var officeId: String?
    /// The colleague who holds it from now on.
    public var primaryEmployeeId: String?
    /// An internal message about the change (for colleagues).
    public var message: String?
    /// What the customer is told.
    public var messageForCustomer: String?
    /// How the customer is told (its shape is not documented): `null`, the tenant's default.
    public var userCommunication: JSONValue?

    public init(officeId: String? = nil, primaryEmployeeId: String?, message: String? = nil,
                messageForCustomer: String? = nil, userCommunication: JSONValue? = nil) {
        self.officeId = officeId
        self.primaryEmployeeId = primaryEmployeeId
        self.message = message
        self.messageForCustomer = messageForCustomer
        self.userCommunication = userCommunication
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(officeId, forKey: .officeId)
        try container.encode(primaryEmployeeId, forKey: .primaryEmployeeId)
        try container.encode(message, forKey: .message)
        try container.encode(messageForCustomer, forKey: .messageForCustomer)
        try container.encode(userCommunication, forKey: .userCommunication)
    }

    private enum CodingKeys: String, CodingKey {
        case officeId, primaryEmployeeId, message, messageForCustomer, userCommunication
    }
}
