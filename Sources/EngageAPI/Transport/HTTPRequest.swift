import Foundation

/// One HTTP request as the client sends it: the URL is complete and already percent-encoded.
struct HTTPRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
        case patch = "PATCH"
    }

    var method: Method
    var url: String
    var headers: [(name: String, value: String)]
    var body: Data?
    /// Longest wait for the whole exchange, connecting included.
    var timeout: Duration
    /// Reads may share kept-alive connections (and are sent again on a fresh one when a kept
    /// connection turns out to have been closed by the server before it answered). A request
    /// that must never be sent twice gets a connection of its own, closed afterwards.
    var reusesConnections: Bool
    /// Runs while the connection is being set up (off the event loop): the request leaves only
    /// once it has returned, and not at all when it throws (the send then fails `.heldBack`).
    /// A request with one goes on a connection of its own, whatever `reusesConnections` says,
    /// and its send returns only after it has finished.
    var beforeSending: (@Sendable () throws -> Void)? = nil

    /// Whether the request goes on a connection (and a library client) of its own.
    var hasOwnConnection: Bool { !reusesConnections || beforeSending != nil }
}
