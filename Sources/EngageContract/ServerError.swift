/// One item of the API's error envelope, `{"errors": [ServerError]}`.
public struct ServerError: Codable, Hashable, Sendable {
    /// The server's English explanation.
    public var message: String
    /// A machine-readable code, e.g. `APPOINTMENT_STATUS_INVALID` (see the API's error codes).
    public var code: String
    public var type: String
    /// The HTTP status, as a string (`"422"`).
    public var statusCode: String
    /// Parameters of the code, e.g. `{"allowedStates": ["INCOMING_REQUEST"]}`.
    public var arguments: [String: JSONValue]?

    private enum CodingKeys: String, CodingKey {
        case message, code, type, statusCode, arguments
    }

    public init(message: String, code: String, type: String, statusCode: String, arguments: [String: JSONValue]? = nil) {
        self.message = message
        self.code = code
        self.type = type
        self.statusCode = statusCode
        self.arguments = arguments
    }

    /// Tolerant: an error item that lacks a key is still worth showing.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        message = try container.decodeIfPresent(String.self, forKey: .message) ?? ""
        code = try container.decodeIfPresent(String.self, forKey: .code) ?? ""
        type = try container.decodeIfPresent(String.self, forKey: .type) ?? ""
        statusCode = try container.decodeIfPresent(String.self, forKey: .statusCode) ?? ""
        arguments = try container.decodeIfPresent([String: JSONValue].self, forKey: .arguments)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(message, forKey: .message)
        try container.encode(code, forKey: .code)
        try container.encode(type, forKey: .type)
        try container.encode(statusCode, forKey: .statusCode)
        try container.encodeIfPresent(arguments, forKey: .arguments)
    }
}
