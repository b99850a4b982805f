import EngageAPI

/// Everything that can happen to the app: a key, a resize, a timer tick, or an effect's result.
public enum Action: Sendable {
    /// The app starts: load the pending requests.
    case start
    case key(Key)
    case resized(Size)
    /// While something is in flight, the runtime ticks ten times a second to animate spinners.
    case tick
    case pageLoaded(generation: Int, AppointmentPage)
    case loadFinished(generation: Int)
    case loadFailed(generation: Int, EngageError)
    case acceptFinished(id: String, AcceptOutcome)
}
