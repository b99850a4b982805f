import EngageContract
import Foundation

/// An HTTP request as the sandbox's router sees it, independent of the server library.
public struct SandboxRequest: Sendable {
    public var method: String
    /// The request target's path, still percent-encoded.
    public var path: String
    /// The raw query string, without `?`.
    public var query: String
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data
    /// The serial number of the connection it came on (1 for the server's first connection).
    public var connection: Int

    public init(method: String, target: String, headers: [String: String], body: Data = Data(), connection: Int = 0) {
        self.body = body
        self.connection = connection
        self.method = method
        let parts = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false)
        path = String(parts.first ?? "")
        query = parts.count > 1 ? String(parts[1]) : ""
        self.headers = Dictionary(headers.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { $1 })
    }

    /// The query's name/value pairs, percent-decoded (`status%5B%5D` reads as `status[]`).
    public var queryItems: [(name: String, value: String)] { Self.pairs(query) }

    /// The pairs of an `application/x-www-form-urlencoded` body.
    public var formItems: [(name: String, value: String)] { Self.pairs(String(decoding: body, as: UTF8.self)) }

    private static func pairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&").map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    static func decode(_ text: Substring) -> String {
        PercentEncoding.decode(text.replacing("+", with: " ")) ?? String(text)
    }
}
