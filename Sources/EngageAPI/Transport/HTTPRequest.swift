import Foundation

/// One HTTP request as the client sends it: the URL is complete and already percent-encoded.
struct HTTPRequest: Sendable {
    enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    var method: Method
    var url: String
    var headers: [(name: String, value: String)]
    var body: Data?
    /// Longest wait for the whole exchange, connecting included.
    var timeout: Duration
    /// Reads may share kept-alive connections. A request that must never be sent twice gets a
    /// connection of its own that is closed afterwards: libcurl silently re-sends a request whose
    /// reused connection turned out to be reset, which for `accept` would be a blind retry.
    var reusesConnections: Bool
}

/// The server's answer: status, header fields (names lowercased) and the whole body.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
}
