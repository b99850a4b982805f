/// What happens to one request besides its data: kept by id in `RequestStore`, so it follows the
/// request through reloads, re-sorting and filtering.
public struct RowState: Sendable, Equatable {
    /// An accept is on its way: the row shows a spinner and a second accept is not sent.
    public var acceptInFlight = false
    /// Why the last action on this request failed, as the banner said it.
    public var lastError: Banner?

    public init(acceptInFlight: Bool = false, lastError: Banner? = nil) {
        self.acceptInFlight = acceptInFlight
        self.lastError = lastError
    }

    /// Nothing to remember.
    var isIdle: Bool { !acceptInFlight && lastError == nil }
}
