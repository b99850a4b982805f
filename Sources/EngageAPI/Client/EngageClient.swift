import Foundation
import Logging
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The one client of the Engage REST API, shared by the terminal screen and the commands.
///
/// Every request carries the bearer token, a fresh `X-Correlation-Id` (kept with the result and
/// with any error) and `Accept-Language`. Reads are retried per `RetryPolicy`; writes never are.
/// All failures are thrown as `EngageError`.
public final class EngageClient: Sendable {
    public let configuration: EngageClientConfiguration
    /// Reads share pooled keep-alive connections.
    private let readSession: URLSession
    /// Writes get a session of their own and `Connection: close`: libcurl (under URLSession on
    /// Linux) silently re-sends a request whose reused connection was reset, which for `accept`
    /// would be exactly the blind retry a non-idempotent action must never get.
    private let writeSession: URLSession

    public init(configuration: EngageClientConfiguration) {
        self.configuration = configuration
        readSession = Self.makeSession(configuration)
        writeSession = Self.makeSession(configuration)
    }

    deinit {
        readSession.finishTasksAndInvalidate()
        writeSession.finishTasksAndInvalidate()
    }

    private static func makeSession(_ configuration: EngageClientConfiguration) -> URLSession {
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.urlCache = nil
        sessionConfiguration.httpCookieStorage = nil
        sessionConfiguration.httpMaximumConnectionsPerHost = 4
        // Only a backstop: URLSession on Linux rounds timeouts down to whole seconds (0.5 s times
        // out at once), so the client enforces `requestTimeout` itself, see `withDeadline`.
        sessionConfiguration.timeoutIntervalForRequest = backstopTimeout(configuration.requestTimeout)
        return URLSession(configuration: sessionConfiguration)
    }

    private static func backstopTimeout(_ timeout: Duration) -> TimeInterval {
        (seconds(timeout) + 1).rounded(.up)
    }

    /// HTTP methods the client uses.
    enum Method: String {
        case get = "GET"
        case post = "POST"
    }

    /// Sends one logical request, repeating it per the retry policy only when `idempotent`.
    func send<Value: Decodable & Sendable>(
        _ method: Method, _ path: String, parameters: [(name: String, value: String)] = [],
        decoding: Value.Type, idempotent: Bool
    ) async throws(EngageError) -> EngageResponse<Value> {
        var attempt = 1
        var refreshedToken = false
        while true {
            let token = try await configuration.tokenProvider.token()
            do {
                return try await sendOnce(method, path, parameters: parameters, token: token, decoding: decoding)
            } catch {
                // A 401 means the server did not act on the request: with a token source that can
                // fetch a fresh token, refresh once and send the same request once more.
                if error.kind == .unauthorized, !refreshedToken, await configuration.tokenProvider.invalidate(token) {
                    refreshedToken = true
                    continue
                }
                guard idempotent, let delay = configuration.retryPolicy.delay(after: error, attempt: attempt) else {
                    throw error
                }
                do {
                    try await Task.sleep(for: delay)
                } catch {
                    throw EngageError(kind: .cancelled)
                }
                attempt += 1
            }
        }
    }

    private func sendOnce<Value: Decodable & Sendable>(
        _ method: Method, _ path: String, parameters: [(name: String, value: String)], token: BearerToken,
        decoding: Value.Type
    ) async throws(EngageError) -> EngageResponse<Value> {
        let correlationId = UUID().uuidString.lowercased()
        let request = makeRequest(method, path, parameters: parameters, correlationId: correlationId, token: token)
        let started = ContinuousClock.now
        let logger = configuration.logger
        func log(_ outcome: String, level: Logger.Level) {
            let elapsed = (ContinuousClock.now - started).components
            let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
            logger.log(level: level, "\(method.rawValue) \(path) → \(outcome) in \(milliseconds) ms",
                       metadata: ["correlation-id": "\(correlationId)"])
        }

        let session = method == .get ? readSession : writeSession
        let body: Data
        let response: URLResponse
        do {
            (body, response) = try await withDeadline(configuration.requestTimeout, correlationId: correlationId) {
                try await session.data(for: request)
            }
        } catch {
            log(error.description, level: .warning)
            throw error
        }
        log(String((response as? HTTPURLResponse)?.statusCode ?? 0), level: .info)
        guard let http = response as? HTTPURLResponse else {
            throw EngageError(kind: .transport, correlationId: correlationId, detail: "the answer was not HTTP")
        }
        guard (200..<300).contains(http.statusCode) else {
            throw Self.statusError(http, body: body, correlationId: correlationId)
        }
        do {
            let value = try EngageJSON.decoder().decode(Value.self, from: body)
            return EngageResponse(value: value, correlationId: correlationId)
        } catch {
            throw Self.decodingError(error, status: http.statusCode, correlationId: correlationId)
        }
    }

    private func makeRequest(
        _ method: Method, _ path: String, parameters: [(name: String, value: String)], correlationId: String,
        token: BearerToken
    ) -> URLRequest {
        var urlText = configuration.baseURL.absoluteString
        if urlText.hasSuffix("/") { urlText.removeLast() }
        urlText += path
        if !parameters.isEmpty {
            urlText += "?" + parameters.map { Self.encodeQueryName($0.name) + "=" + Self.encode($0.value) }
                .joined(separator: "&")
        }
        // Every piece was percent-encoded above, so the URL always parses.
        var request = URLRequest(url: URL(string: urlText)!)
        request.httpMethod = method.rawValue
        request.timeoutInterval = Self.backstopTimeout(configuration.requestTimeout)
        if method != .get { request.setValue("close", forHTTPHeaderField: "Connection") }
        request.setValue("Bearer \(token.secret)", forHTTPHeaderField: "Authorization")
        request.setValue(correlationId, forHTTPHeaderField: "X-Correlation-Id")
        request.setValue(configuration.acceptLanguage, forHTTPHeaderField: "Accept-Language")
        request.setValue("application/json", forHTTPHeaderField: "Accept")
        return request
    }

    /// Runs `operation`, giving up after `timeout` with `.timeout`; other failures become `EngageError`.
    private func withDeadline<Value: Sendable>(
        _ timeout: Duration, correlationId: String, _ operation: @escaping @Sendable () async throws -> Value
    ) async throws(EngageError) -> Value {
        do {
            return try await withThrowingTaskGroup(of: Value?.self) { group in
                group.addTask { try await operation() }
                group.addTask {
                    try await Task.sleep(for: timeout)
                    return nil
                }
                defer { group.cancelAll() }
                guard let first = try await group.next(), let value = first else {
                    throw URLError(.timedOut)
                }
                return value
            }
        } catch {
            throw Self.transportError(error, correlationId: correlationId, timeout: timeout)
        }
    }

    /// Percent-encodes one path segment or query value (everything but unreserved characters).
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .urlPathSegmentAllowed) ?? text
    }

    /// Query names keep the API's literal `[]` suffix: `status[]`.
    private static func encodeQueryName(_ name: String) -> String {
        name.hasSuffix("[]") ? encode(String(name.dropLast(2))) + "[]" : encode(name)
    }

    private static func seconds(_ duration: Duration) -> TimeInterval {
        TimeInterval(duration.components.seconds) + TimeInterval(duration.components.attoseconds) / 1e18
    }
}
