import Foundation

/// The body of `POST /appointments/{id}/_actions/reschedule`: another time for the request.
/// Every documented field is sent, the ones not given as explicit `null`.
public struct RescheduleRequest: Encodable, Hashable, Sendable {
    public var start: Date
    public var end: Date
    /// An internal message about the change (for colleagues).
    public var message: String?
    /// What the customer is told with the new time.
    public var messageForCustomer: String?
    /// New answers to the questionnaire: the client sends none (`null`: they stay as they are).
    public var answers: [JSONValue]?
    /// How the customer is told (its shape is not documented): `null`, the tenant's default.
    public var userCommunication: JSONValue?

    public init(start: Date, end: Date, message: String? = nil, messageForCustomer: String? = nil,
                answers: [JSONValue]? = nil, userCommunication: JSONValue? = nil) {
        self.start = start
        self.end = end
        self.message = message
        self.messageForCustomer = messageForCustomer
        self.answers = answers
        self.userCommunication = userCommunication
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(message, forKey: .message)
        try container.encode(messageForCustomer, forKey: .messageForCustomer)
        try container.encode(answers, forKey: .answers)
        try container.encode(userCommunication, forKey: .userCommunication)
    }

    private enum CodingKeys: String, CodingKey {
        case start, end, message, messageForCustomer, answers, userCommunication
    }
}
