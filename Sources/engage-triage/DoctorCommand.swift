import ArgumentParser
import EngageAPI
import Foundation
import TriageCore

/// `engage-triage doctor`: checks the configuration, the credentials, the connection and one
/// harmless read, step by step, each with ok/failed and a hint.
struct DoctorCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "doctor", abstract: "Check the configuration, the credentials and the connection to the tenant.")

    @OptionGroup var connection: ConnectionOptions

    /// Prints one step's result; returns whether it passed.
    @discardableResult
    private func step(_ name: String, _ result: Result<String, DoctorFailure>) -> Bool {
        switch result {
        case .success(let detail):
            OutputFormat.printLines(["ok      \(name): \(UntrustedText.sanitize(detail))"])
            return true
        case .failure(let failure):
            // Server text (an error message, a token endpoint's error_description) goes through the sanitiser.
            OutputFormat.printLines(["failed  \(name): \(UntrustedText.sanitize(failure.message))", "        hint: \(failure.hint)"])
            return false
        }
    }

    struct DoctorFailure: Error {
        var message: String
        var hint: String
        var status: ExitStatus
    }

    func run() async throws {
        let path = connection.configPath
        let fileExists = FileManager.default.fileExists(atPath: path)
        let settings: Settings
        do {
            settings = try connection.settings()
        } catch {
            step("configuration", .failure(DoctorFailure(
                message: "\(path) cannot be used (see the message above)", hint: "fix the file or the flags, then run doctor again",
                status: .usage)))
            throw ExitStatus.usage.exitCode
        }
        step("configuration", .success(fileExists ? "read \(path)" : "no file at \(path); flags and ENGAGE_* variables only"))

        let failure = await check(settings)
        if let failure { throw failure.status.exitCode }
    }

    /// The tenant, the credentials and one read; the first failure ends the check.
    private func check(_ settings: Settings) async -> DoctorFailure? {
        if connection.demo {
            step("tenant", .success("the built-in demo sandbox (--demo)"))
        } else {
            guard let baseURL = settings.baseURL else {
                let failure = DoctorFailure(
                    message: "no base URL", hint: "set baseURL (or environment and enterprise) in the configuration, or ENGAGE_BASE_URL",
                    status: .usage)
                step("tenant", .failure(failure))
                return failure
            }
            do {
                try EngageClientConfiguration.validate(baseURL: baseURL)
            } catch {
                let failure = DoctorFailure(message: error.message, hint: "use the https URL of the tenant", status: .usage)
                step("tenant", .failure(failure))
                return failure
            }
            let proxy = baseURL.scheme == "https"
                ? baseURL.host.flatMap { HTTPProxy.forHTTPS(to: $0, environment: ProcessEnvironment.current) } : nil
            step("tenant", .success(baseURL.absoluteString + (proxy.map { " (through the proxy \($0))" } ?? "")))
        }
        do {
            return try await connection.withClient(settings) { client in
                do {
                    _ = try await client.configuration.tokenProvider.token()
                    step("credentials", .success(credentialKind(settings) + ", token obtained"))
                } catch let error as EngageError {
                    let failure = DoctorFailure(message: error.message, hint: hint(for: error), status: ExitStatus(for: error))
                    step("credentials", .failure(failure))
                    return failure
                }
                do {
                    let page = try await client.appointmentPage(matching: .pending, offset: 0, limit: 1)
                    step("connection", .success("the API answered (correlation \(page.correlationId))"))
                    step("read", .success("\(page.meta.totalCount) pending request\(page.meta.totalCount == 1 ? "" : "s")"))
                    if let first = page.appointments.first { await checkNames(first, client) }
                    return nil
                } catch let error as EngageError {
                    let failure = DoctorFailure(message: error.message, hint: hint(for: error), status: ExitStatus(for: error))
                    step("connection", .failure(failure))
                    return failure
                }
            }
        } catch {
            return DoctorFailure(message: "\(error)", hint: "see the message above", status: .usage)
        }
    }

    /// Reads the names of the first pending request, kind by kind: a kind the token may not
    /// read (403) or the tenant does not have (404) is shown by id on the screen; say so, with
    /// what to ask for, without failing the check.
    private func checkNames(_ appointment: Appointment, _ client: EngageClient) async {
        var named: [String] = []
        for kind in NameKind.allCases {
            let id: String? = switch kind {
            case .subject: appointment.subject.id
            case .office: appointment.office.id
            case .employee: appointment.primaryEmployee?.participant.id
            case .customer: appointment.customer?.participant.id
            }
            guard let id else { continue }
            do throws(EngageError) {
                _ = try await client.names(for: NameRequest(kind: kind, ids: [id], isVisible: true))
                named.append(kind.rawValue + "s")
            } catch where error.kind == .forbidden {
                OutputFormat.printLines([
                    "note    names: \(kind.rawValue)s are shown as ids: the token lacks \(kind.scope) (HTTP 403)",
                    "        hint: ask the tenant's administrator to grant \(kind.scope) to this API client",
                ])
            } catch where error.kind == .notFound && kind.isBatched {
                OutputFormat.printLines(["note    names: \(kind.rawValue)s are shown as ids: the tenant has no \(kind.path) endpoint (HTTP 404)"])
            } catch {
                OutputFormat.printLines(["note    names: reading \(kind.rawValue)s failed: \(UntrustedText.sanitize(error.message))"])
            }
        }
        if !named.isEmpty { step("names", .success("\(named.joined(separator: ", ")) are shown by name")) }
    }

    private func credentialKind(_ settings: Settings) -> String {
        switch settings.tokenSource {
        case .environment?: "a bearer token from ENGAGE_TOKEN"
        case .file(let path)?: "a bearer token from \(path)"
        case .command?: "a bearer token from tokenCommand"
        case .clientCredentials(let clientID, _, _)?: "OAuth2 client credentials of \(clientID)"
        case nil: connection.demo ? "the sandbox's demo token" : "none"
        }
    }

    private func hint(for error: EngageError) -> String {
        switch error.kind {
        case .unauthorized: "check the token, or the client id and secret, and that they belong to this enterprise"
        case .forbidden: "ask the tenant's administrator to grant this API client access to appointments"
        case .timeout, .transport: "check the network, a proxy or firewall, and the base URL's host name"
        case .notFound: "check the enterprise in the base URL"
        case .invalidConfiguration: "check the token command or files named in the configuration"
        default: "try again; if it persists, give the correlation id to support"
        }
    }
}
