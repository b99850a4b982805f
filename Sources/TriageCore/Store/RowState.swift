import EngageContract

/// What happens to one request besides its data: kept by id in `RequestStore`, so it follows the
/// request through reloads, re-sorting and filtering.
public struct RowState: Sendable, Equatable {
    /// The write on its way (an accept, a reschedule, …): the row shows a spinner and no second
    /// write is sent until its answer is in.
    public var writeInFlight: AppointmentWrite.Kind?
    /// Why the last action on this request failed, as the banner said it.
    public var lastError: Banner?
    /// A refresh brought it and the cursor has not been on it yet.
    public var isNew = false
    /// A refresh found it no longer pending without our doing: someone else handled it. It
    /// leaves the list at the next refresh (unless it is selected then).
    public var handledElsewhere = false

    public init(writeInFlight: AppointmentWrite.Kind? = nil, lastError: Banner? = nil, isNew: Bool = false,
                handledElsewhere: Bool = false) {
        self.writeInFlight = writeInFlight
        self.lastError = lastError
        self.isNew = isNew
        self.handledElsewhere = handledElsewhere
    }

    /// A write is on its way.
    public var isWriting: Bool { writeInFlight != nil }

    /// Nothing to remember.
    var isIdle: Bool { writeInFlight == nil && lastError == nil && !isNew && !handledElsewhere }
}
