/// What happens to one request besides its data: kept by id in `RequestStore`, so it follows the
/// request through reloads, re-sorting and filtering.
public struct RowState: Sendable, Equatable {
    /// An accept is on its way: the row shows a spinner and a second accept is not sent.
    public var acceptInFlight = false
    /// Why the last action on this request failed, as the banner said it.
    public var lastError: Banner?
    /// A refresh brought it and the cursor has not been on it yet.
    public var isNew = false
    /// A refresh found it no longer pending without our doing: someone else handled it. It
    /// leaves the list at the next refresh (unless it is selected then).
    public var handledElsewhere = false

    public init(acceptInFlight: Bool = false, lastError: Banner? = nil, isNew: Bool = false, handledElsewhere: Bool = false) {
        self.acceptInFlight = acceptInFlight
        self.lastError = lastError
        self.isNew = isNew
        self.handledElsewhere = handledElsewhere
    }

    /// Nothing to remember.
    var isIdle: Bool { !acceptInFlight && lastError == nil && !isNew && !handledElsewhere }
}
