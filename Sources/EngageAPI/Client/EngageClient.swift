import Foundation
import Logging

/// The one client of the Engage REST API, shared by the terminal screen and the commands.
///
/// Every request carries the bearer token, a fresh `X-Correlation-Id` (kept with the result and
/// with any error) and `Accept-Language`. Reads are retried per `RetryPolicy`; writes never are,
/// and go out on a connection of their own so that the transport cannot re-send them either.
/// All failures are thrown as `EngageError`.
public final class EngageClient: AppointmentService, NameService {
    public let configuration: EngageClientConfiguration
    private let transport: HTTPTransport

    /// Starts the network machinery (SwiftNIO's event loop, 0.6 ms) and primes the JSON coding
    /// of appointments (0.5 ms) in a task of its own, off the main thread, so that a process that
    /// parses its arguments and configuration first finds both ready. Calling it again, or never,
    /// is fine.
    public static func warmUp() {
        Task.detached(priority: .high) {
            _ = HTTPTransport.eventLoops
            EngageJSON.prime()
        }
    }

    public init(configuration: EngageClientConfiguration) {
        self.configuration = configuration
        transport = HTTPTransport(trusting: configuration.certificateAuthoritiesFile, connectTimeout: configuration.requestTimeout)
    }

    typealias Method = HTTPRequest.Method

    public var pageSize: Int { configuration.pageSize }

    /// Sends one logical request, repeating it per the retry policy only when `idempotent`.
    /// `willSend` sees each attempt's correlation id while that attempt's connection is set up;
    /// the attempt leaves only once it has returned, and not at all when it throws.
    func send<Value: Decodable & Sendable>(
        _ method: Method, _ path: String, parameters: [(name: String, value: String)] = [], body: Data? = nil,
        decoding: Value.Type, idempotent: Bool, language: String? = nil,
        willSend: (@Sendable (String) throws -> Void)? = nil
    ) async throws(EngageError) -> EngageResponse<Value> {
        let language = language ?? configuration.acceptLanguage
        var attempt = 1
        var refreshedToken = false
        while true {
            let token = try await configuration.tokenProvider.token()
            try Self.checkHeaderValues(token: token, language: language)
            let correlationId = UUID().uuidString.lowercased()
            let beforeSending: (@Sendable () throws -> Void)? = if let willSend { { try willSend(correlationId) } } else { nil }
            do {
                return try await sendOnce(
                    method, path, parameters: parameters, body: body, token: token, correlationId: correlationId,
                    language: language, decoding: decoding, beforeSending: beforeSending)
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
        _ method: Method, _ path: String, parameters: [(name: String, value: String)], body: Data?, token: BearerToken,
        correlationId: String, language: String, decoding: Value.Type, beforeSending: (@Sendable () throws -> Void)?
    ) async throws(EngageError) -> EngageResponse<Value> {
        var request = makeRequest(
            method, path, parameters: parameters, body: body, correlationId: correlationId, language: language, token: token)
        request.beforeSending = beforeSending
        let started = ContinuousClock.now
        let logger = configuration.logger
        func log(_ outcome: String, level: Logger.Level) {
            let elapsed = (ContinuousClock.now - started).components
            let milliseconds = elapsed.seconds * 1000 + elapsed.attoseconds / 1_000_000_000_000_000
            logger.log(level: level, "\(method.rawValue) \(path) → \(outcome) in \(milliseconds) ms",
                       metadata: ["correlation-id": "\(correlationId)"])
        }

        let response: HTTPResponse
        do {
            response = try await transport.send(request)
        } catch {
            let engageError = Self.transportError(error, correlationId: correlationId, timeout: configuration.requestTimeout)
            log(engageError.description, level: .warning)
            throw engageError
        }
        log(String(response.status), level: .info)
        guard (200..<300).contains(response.status) else {
            throw Self.statusError(response, correlationId: correlationId)
        }
        do {
            let value = try EngageJSON.decoder().decode(Value.self, from: response.body)
            return EngageResponse(value: value, correlationId: correlationId)
        } catch {
            throw Self.decodingError(error, status: response.status, correlationId: correlationId)
        }
    }

    private func makeRequest(
        _ method: Method, _ path: String, parameters: [(name: String, value: String)], body: Data?, correlationId: String,
        language: String, token: BearerToken
    ) -> HTTPRequest {
        var url = configuration.baseURL.absoluteString
        if url.hasSuffix("/") { url.removeLast() }
        url += path
        if !parameters.isEmpty {
            url += "?" + parameters.map { Self.encodeQueryName($0.name) + "=" + PercentEncoding.encode($0.value) }
                .joined(separator: "&")
        }
        var headers = [
            ("Authorization", "Bearer \(token.secret)"),
            ("X-Correlation-Id", correlationId),
            ("Accept-Language", language),
            ("Accept", "application/json"),
        ]
        if body != nil { headers.append(("Content-Type", "application/json")) }
        return HTTPRequest(
            method: method, url: url, headers: headers, body: body,
            timeout: configuration.requestTimeout,
            reusesConnections: method == .get)
    }

    /// A token or a language with a line break (or another control character) would end the
    /// header early: say what is wrong with the local value, never sending it (nor showing the token).
    static func checkHeaderValues(token: BearerToken, language: String) throws(EngageError) {
        func hasControl(_ text: String) -> Bool { text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F } }
        if hasControl(token.secret) {
            throw EngageError(kind: .invalidConfiguration, detail: "The API token has a line break or another control "
                + "character in it: check ENGAGE_TOKEN, the token file or what the token command prints.")
        }
        if hasControl(language) {
            throw EngageError(kind: .invalidConfiguration, detail: "The language (--language, ENGAGE_LANGUAGE or language) "
                + "has a line break or another control character in it: \(language.debugDescription)")
        }
    }

    /// Query names keep the API's literal `[]` suffix: `status[]`.
    private static func encodeQueryName(_ name: String) -> String {
        name.hasSuffix("[]") ? PercentEncoding.encode(String(name.dropLast(2))) + "[]" : PercentEncoding.encode(name)
    }
}
