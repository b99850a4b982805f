import CCurl
import Foundation
import Synchronization

/// HTTP over libcurl, the library under the `curl` command (and under URLSession on Linux), used
/// directly: a process that sends one request starts in a third of URLSession's time, timeouts
/// are exact to the millisecond, and whether a connection may be reused is decided per request.
///
/// Each transfer runs on a thread of its own (libcurl's easy interface blocks); reads keep up to
/// `maxIdleHandles` handles, and with them their kept-alive connections, for the next read.
final class CurlTransport: Sendable {
    private static let maxIdleHandles = 4
    private let idleHandles = Mutex<[CurlHandle]>([])

    init() {
        _ = Self.globalSetUp
    }

    /// libcurl's one-time set-up (TLS libraries), before the first handle exists.
    private static let globalSetUp: Void = {
        curl_global_init(Int(CURL_GLOBAL_ALL))
    }()

    /// Sends `request` and waits for the whole answer. Cancelling the calling task returns
    /// `.cancelled` at once; the transfer itself is abandoned within a second.
    func send(_ request: HTTPRequest) async throws(TransportFailure) -> HTTPResponse {
        let transfer = CurlTransfer(request)
        let result = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                transfer.awaitOutcome(continuation)
                let thread = Thread { [self] in
                    let handle = request.reusesConnections ? takeIdleHandle() : CurlHandle()
                    let outcome = transfer.perform(on: handle)
                    if request.reusesConnections { keepIdle(handle) }
                    transfer.finish(outcome)
                }
                thread.name = "engage-api.curl"
                thread.start()
            }
        } onCancel: {
            transfer.cancel()
        }
        return try result.get()
    }

    private func takeIdleHandle() -> CurlHandle {
        idleHandles.withLock { $0.popLast() } ?? CurlHandle()
    }

    private func keepIdle(_ handle: CurlHandle) {
        idleHandles.withLock { handles in
            if handles.count < Self.maxIdleHandles { handles.append(handle) }
        }
    }
}

/// One libcurl easy handle; its connection cache goes with it.
final class CurlHandle: @unchecked Sendable {
    // Used by one transfer at a time: `CurlTransport` hands a handle to one thread only.
    let raw: UnsafeMutableRawPointer

    init() {
        guard let raw = curl_easy_init() else { fatalError("libcurl could not allocate a handle (out of memory)") }
        self.raw = raw
    }

    deinit {
        curl_easy_cleanup(raw)
    }
}
