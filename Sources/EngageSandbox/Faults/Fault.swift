/// A failure the sandbox can inject instead of the normal answer.
public enum Fault: Hashable, Sendable, CustomStringConvertible {
    /// An error status with the API's error envelope (401, 403, 404, 429 with Retry-After, 500, 503, …).
    case status(Int)
    /// 200 with a body that is not JSON.
    case malformedJSON
    /// 200 whose body stops half-way (the connection closes before Content-Length bytes).
    case truncatedBody
    /// The connection is reset (TCP RST) without any answer.
    case connectionReset
    /// No answer at all until the client gives up.
    case hang

    /// Parses a fault as written on the command line: `401`, `429`, `500`, `malformed`,
    /// `truncated`, `reset`, `hang`. `ok` (no fault) parses as `nil` inside an `Optional`.
    public init?(spec: String) {
        switch spec.lowercased() {
        case "malformed", "malformed-json": self = .malformedJSON
        case "truncated", "truncated-body": self = .truncatedBody
        case "reset", "connection-reset": self = .connectionReset
        case "hang": self = .hang
        default:
            guard let status = Int(spec), (400...599).contains(status) else { return nil }
            self = .status(status)
        }
    }

    public var description: String {
        switch self {
        case .status(let status): String(status)
        case .malformedJSON: "malformed"
        case .truncatedBody: "truncated"
        case .connectionReset: "reset"
        case .hang: "hang"
        }
    }
}
