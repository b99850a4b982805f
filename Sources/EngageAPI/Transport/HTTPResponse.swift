import Foundation

/// The server's answer: status, header fields (names lowercased) and the whole body.
struct HTTPResponse: Sendable {
    var status: Int
    var headers: [String: String]
    var body: Data
}
