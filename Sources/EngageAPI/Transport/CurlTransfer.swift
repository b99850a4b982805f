import CCurl
import Foundation
import Synchronization

/// One request's trip through libcurl: the options it sets, the answer it collects, and the hand
/// back to the waiting task (exactly once, whether the transfer ends or the task is cancelled).
final class CurlTransfer: @unchecked Sendable {
    // `body`, `headers` and `status` are written only by the transfer's own thread while
    // `curl_easy_perform` runs; the rest is behind the mutex or atomic.
    private let request: HTTPRequest
    private var body = Data()
    private var headers: [String: String] = [:]
    private let cancelled = Atomic<Bool>(false)
    private let waiting = Mutex<Waiting>(.notYet)

    private enum Waiting {
        case notYet
        case waiting(CheckedContinuation<Result<HTTPResponse, TransportFailure>, Never>)
        case done
    }

    init(_ request: HTTPRequest) {
        self.request = request
    }

    var isCancelled: Bool { cancelled.load(ordering: .relaxed) }

    func awaitOutcome(_ continuation: CheckedContinuation<Result<HTTPResponse, TransportFailure>, Never>) {
        let alreadyCancelled = waiting.withLock { state -> Bool in
            guard case .notYet = state else { return true }
            state = .waiting(continuation)
            return false
        }
        if alreadyCancelled { continuation.resume(returning: .failure(Self.cancellation)) }
    }

    /// Hands `.cancelled` to the waiting task now; the progress callback stops the transfer.
    func cancel() {
        cancelled.store(true, ordering: .relaxed)
        finish(.failure(Self.cancellation))
    }

    func finish(_ outcome: Result<HTTPResponse, TransportFailure>) {
        let continuation = waiting.withLock { state -> CheckedContinuation<Result<HTTPResponse, TransportFailure>, Never>? in
            defer { state = .done }
            if case .waiting(let continuation) = state { return continuation }
            return nil
        }
        continuation?.resume(returning: outcome)
    }

    private static let cancellation = TransportFailure(reason: .cancelled, detail: "cancelled")

    /// Runs the transfer on `handle`, blocking this thread until it ends.
    func perform(on handle: CurlHandle) -> Result<HTTPResponse, TransportFailure> {
        if isCancelled { return .failure(Self.cancellation) }
        let curl = handle.raw
        curl_easy_reset(curl)
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Int(CURL_ERROR_SIZE))
        errorBuffer.initialize(to: 0)
        var headerList: UnsafeMutablePointer<curl_slist>?
        defer {
            ccurl_set_pointer(curl, CURLOPT_ERRORBUFFER, nil)
            ccurl_set_headers(curl, nil)
            curl_slist_free_all(headerList)
            errorBuffer.deallocate()
        }
        let context = Unmanaged.passUnretained(self).toOpaque()
        let milliseconds = max(1, Int(request.timeout.components.seconds * 1000
            + request.timeout.components.attoseconds / 1_000_000_000_000_000))

        ccurl_set_long(curl, CURLOPT_NOSIGNAL, 1)
        ccurl_set_string(curl, CURLOPT_URL, request.url)
        ccurl_set_string(curl, CURLOPT_PROTOCOLS_STR, "http,https")
        ccurl_set_long(curl, CURLOPT_TIMEOUT_MS, milliseconds)
        ccurl_set_long(curl, CURLOPT_CONNECTTIMEOUT_MS, milliseconds)
        ccurl_set_pointer(curl, CURLOPT_ERRORBUFFER, errorBuffer)
        if !request.reusesConnections {
            ccurl_set_long(curl, CURLOPT_FRESH_CONNECT, 1)
            ccurl_set_long(curl, CURLOPT_FORBID_REUSE, 1)
        }

        var fields = request.headers.map { "\($0.name): \($0.value)" }
        switch request.method {
        case .get:
            ccurl_set_long(curl, CURLOPT_HTTPGET, 1)
        case .post:
            let body = request.body ?? Data()
            ccurl_set_long(curl, CURLOPT_POST, 1)
            ccurl_set_post_size(curl, body.count)
            body.withUnsafeBytes { bytes in
                // COPYPOSTFIELDS copies now; an empty body still needs a valid pointer.
                let empty: CChar = 0
                withUnsafePointer(to: empty) { emptyPointer in
                    let start = bytes.baseAddress.map { UnsafeMutableRawPointer(mutating: $0) }
                        ?? UnsafeMutableRawPointer(mutating: emptyPointer)
                    _ = ccurl_set_pointer(curl, CURLOPT_COPYPOSTFIELDS, start)
                }
            }
            // No form content type unless the request names one, and no `Expect: 100-continue`.
            if !request.headers.contains(where: { $0.name.lowercased() == "content-type" }) {
                fields.append("Content-Type:")
            }
            fields.append("Expect:")
        }
        for field in fields { headerList = curl_slist_append(headerList, field) }
        ccurl_set_headers(curl, headerList)

        ccurl_set_data_callback(curl, CURLOPT_WRITEFUNCTION, collectBody)
        ccurl_set_pointer(curl, CURLOPT_WRITEDATA, context)
        ccurl_set_data_callback(curl, CURLOPT_HEADERFUNCTION, collectHeader)
        ccurl_set_pointer(curl, CURLOPT_HEADERDATA, context)
        ccurl_set_long(curl, CURLOPT_NOPROGRESS, 0)
        ccurl_set_progress_callback(curl, stopWhenCancelled)
        ccurl_set_pointer(curl, CURLOPT_XFERINFODATA, context)

        let code = curl_easy_perform(curl)
        guard code == CURLE_OK else {
            let detail = errorBuffer.pointee != 0 ? String(cString: errorBuffer) : String(cString: curl_easy_strerror(code))
            return .failure(TransportFailure(reason: Self.reason(code), detail: detail))
        }
        var status = 0
        ccurl_get_long(curl, CURLINFO_RESPONSE_CODE, &status)
        return .success(HTTPResponse(status: status, headers: headers, body: body))
    }

    fileprivate func append(body bytes: UnsafeRawBufferPointer) {
        body.append(contentsOf: bytes)
    }

    fileprivate func append(headerLine bytes: UnsafeRawBufferPointer) {
        let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if line.hasPrefix("HTTP/") {
            headers = [:]  // a new response (after `100 Continue`, say): its fields only
        } else if let colon = line.firstIndex(of: ":") {
            let name = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
    }

    private static func reason(_ code: CURLcode) -> TransportFailure.Reason {
        switch code {
        case CURLE_OPERATION_TIMEDOUT: .timedOut
        case CURLE_ABORTED_BY_CALLBACK: .cancelled
        case CURLE_COULDNT_CONNECT: .connectionRefused
        case CURLE_COULDNT_RESOLVE_HOST, CURLE_COULDNT_RESOLVE_PROXY: .hostNotFound
        case CURLE_RECV_ERROR, CURLE_SEND_ERROR, CURLE_GOT_NOTHING, CURLE_PARTIAL_FILE: .connectionLost
        case CURLE_SSL_CONNECT_ERROR, CURLE_PEER_FAILED_VERIFICATION, CURLE_SSL_CERTPROBLEM, CURLE_SSL_CIPHER,
             CURLE_SSL_CACERT_BADFILE, CURLE_SSL_ISSUER_ERROR, CURLE_SSL_PINNEDPUBKEYNOTMATCH:
            .secureConnectionFailed
        case CURLE_WEIRD_SERVER_REPLY, CURLE_UNSUPPORTED_PROTOCOL, CURLE_HTTP2, CURLE_BAD_CONTENT_ENCODING: .badResponse
        default: .other
        }
    }
}

// libcurl's callbacks: plain C functions that find their transfer through the context pointer.

private let collectBody: ccurl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.append(body: UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private let collectHeader: ccurl_data_callback = { data, size, count, context in
    guard let data, let context else { return 0 }
    let transfer = Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue()
    transfer.append(headerLine: UnsafeRawBufferPointer(start: data, count: size * count))
    return size * count
}

private let stopWhenCancelled: ccurl_progress_callback = { context, _, _, _, _ in
    guard let context else { return 0 }
    return Unmanaged<CurlTransfer>.fromOpaque(context).takeUnretainedValue().isCancelled ? 1 : 0
}
