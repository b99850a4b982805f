/// `{"data": T}`: how the API wraps a single resource.
public struct DataEnvelope<Value: Codable & Sendable>: Codable, Sendable {
    public var data: Value
    public init(data: Value) { self.data = data }
}

/// `{"data": [T], "meta": {...}}`: how the API wraps one page of a list.
public struct ListEnvelope<Element: Codable & Sendable>: Codable, Sendable {
    public var data: [Element]
    public var meta: PageMeta
    public init(data: [Element], meta: PageMeta) {
        self.data = data
        self.meta = meta
    }
}

/// `{"errors": [...]}`: how the API reports a failed request.
public struct ErrorEnvelope: Codable, Sendable {
    public var errors: [ServerError]
    public init(errors: [ServerError]) { self.errors = errors }
}
