import ArgumentParser
import EngageAPI

/// The process exit statuses, one per kind of failure, so scripts can tell them apart.
/// Documented in the README; keep the numbers stable.
enum ExitStatus: Int32, CaseIterable {
    case success = 0
    case failure = 1
    case usage = 2
    case notFound = 3
    case refused = 4
    case unauthorized = 5
    case rateLimited = 6
    case serverFailure = 7
    case network = 8
    case badResponse = 9
    case outcomeUnknown = 10
    case cancelled = 130

    init(for error: EngageError) {
        self = switch error.kind {
        case .notFound: .notFound
        case .businessRule, .badRequest: .refused
        case .unauthorized, .forbidden: .unauthorized
        case .rateLimited: .rateLimited
        case .serverFailure, .unexpectedStatus: .serverFailure
        case .timeout, .transport: .network
        case .undecodable, .limitExceeded, .unexpectedAnswer, .listChanging: .badResponse
        case .cancelled: .cancelled
        case .invalidConfiguration: .usage
        default: .failure
        }
    }

    var exitCode: ExitCode { ExitCode(rawValue) }
}
