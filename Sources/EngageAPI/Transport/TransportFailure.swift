/// Why a request got no complete HTTP answer.
struct TransportFailure: Error, Sendable {
    enum Reason: Sendable, Equatable {
        case timedOut
        case cancelled
        case connectionRefused
        case hostNotFound
        /// The connection closed or was reset before the answer was complete.
        case connectionLost
        case secureConnectionFailed
        /// The bytes that came back were not HTTP.
        case badResponse
        case other
    }

    var reason: Reason
    /// libcurl's own words, for the log and the `other` case.
    var detail: String
}
