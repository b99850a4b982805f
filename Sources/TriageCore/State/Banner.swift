/// A message above the key hints: what an accept or a load returned. `detail` carries what
/// support needs (the server's code, the HTTP status, the full correlation id).
public struct Banner: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case success, error, info
    }

    public var kind: Kind
    public var text: String
    public var detail: String?

    public init(_ kind: Kind, _ text: String, detail: String? = nil) {
        self.kind = kind
        self.text = text
        self.detail = detail
    }
}
