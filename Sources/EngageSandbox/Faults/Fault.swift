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
    /// A 429 without `Retry-After`: the client must pick its own backoff.
    case rateLimitedWithoutRetryAfter
    /// 200 announcing a 100 GB body (`Content-Length`), then some of it.
    case oversizedBody
    /// 200 with an HTML page instead of JSON, as a misconfigured proxy sends.
    case wrongContentType
    /// The normal answer with every enum value replaced by one the client has never seen.
    case unknownEnums
    /// The normal answer of a list, claiming `totalCount` is `Int.max`.
    case lyingTotalCount
    /// The normal answer, one byte a second.
    case byteASecond

    /// Parses a fault as written on the command line: `401`, `429`, `500`, `malformed`,
    /// `truncated`, `reset`, `hang`, `429-no-retry-after`, `oversized`, `html`, `unknown-enums`,
    /// `lying-total`, `slow`. `ok` (no fault) parses as `nil` inside an `Optional`.
    public init?(spec: String) {
        switch spec.lowercased() {
        case "malformed", "malformed-json": self = .malformedJSON
        case "truncated", "truncated-body": self = .truncatedBody
        case "reset", "connection-reset": self = .connectionReset
        case "hang": self = .hang
        case "429-no-retry-after": self = .rateLimitedWithoutRetryAfter
        case "oversized": self = .oversizedBody
        case "html": self = .wrongContentType
        case "unknown-enums": self = .unknownEnums
        case "lying-total": self = .lyingTotalCount
        case "slow": self = .byteASecond
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
        case .rateLimitedWithoutRetryAfter: "429-no-retry-after"
        case .oversizedBody: "oversized"
        case .wrongContentType: "html"
        case .unknownEnums: "unknown-enums"
        case .lyingTotalCount: "lying-total"
        case .byteASecond: "slow"
        }
    }
}
