import EngageContract

/// Everything that can happen to the app: a key, a resize, a timer tick, or an effect's result.
public enum Action: Sendable {
    /// The app starts: load the pending requests.
    case start
    case key(Key)
    case resized(Size)
    /// While something is in flight, the runtime ticks ten times a second to animate spinners.
    case tick
    case pageLoaded(generation: Int, AppointmentPage)
    /// The load of `generation` read every page; `isComplete` is false when the list changed
    /// faster than it could be re-read (a request may be missing).
    case loadFinished(generation: Int, isComplete: Bool)
    case loadFailed(generation: Int, EngageError)
    /// What became of the write of this kind to request `id`.
    case writeFinished(id: String, AppointmentWrite.Kind, WriteOutcome)
    /// The appointment a jump asked for, or why it could not be read.
    case appointmentFetched(id: String, Result<EngageResponse<Appointment>, EngageError>)
    /// The answer to a request for names: the names the server has, or why none came.
    case namesResolved(NameRequest, Result<[String: Name], EngageError>)
    /// It is time for the background refresh (`refreshSeconds` since the last one ended).
    case refreshDue
    /// What the server now says of the requests a refresh no longer saw pending (those it does
    /// not return no longer exist), or why it could not say.
    case recheckFinished(ids: [String], Result<[Appointment], EngageError>)
    /// The colleagues for the `o` picker, or why they could not be read.
    case colleaguesLoaded(Result<[Employee], EngageError>)
    /// The user's editor closed on request `id`'s note: the text it left, or why there is none.
    case noteEdited(id: String, Result<String, EditorFailure>)
    /// The session ends (quit, a signal) and waits for the writes still on their way.
    case shutdownStarted
}
