/// A decoded result with the request's correlation id, so the caller can show or log it.
public struct EngageResponse<Value: Sendable>: Sendable {
    public var value: Value
    /// The `X-Correlation-Id` sent with the request that produced this value.
    public var correlationId: String

    public init(value: Value, correlationId: String) {
        self.value = value
        self.correlationId = correlationId
    }
}
