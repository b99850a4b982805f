import ArgumentParser
import EngageAPI
import EngageSandbox
import Foundation

/// Where the commands talk to: the built-in sandbox (`--demo`) or a tenant given by
/// `--base-url`/`ENGAGE_BASE_URL` and `--token-file`/`ENGAGE_TOKEN` (flags win over the environment).
struct ConnectionOptions: ParsableArguments {
    @Flag(help: "Use a built-in sandbox tenant with demo data (started in-process on a loopback port).")
    var demo = false

    @Option(help: ArgumentHelp(
        "The tenant's API base URL, up to /enterprises/<enterprise> (default: $ENGAGE_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("A file whose content is the bearer token (default: $ENGAGE_TOKEN).", valueName: "path"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("Accept-Language sent to the server (default: $ENGAGE_LANGUAGE or 'en *').", valueName: "tag"))
    var language: String?

    @Option(help: ArgumentHelp("Seconds to wait for each answer.", valueName: "seconds"))
    var timeout: Double = 30

    /// The Accept-Language in effect.
    var acceptLanguage: String {
        language ?? ProcessInfo.processInfo.environment["ENGAGE_LANGUAGE"] ?? "en *"
    }

    /// The first language of `acceptLanguage` that the API knows, for ordering translations.
    var preferredLanguage: Language {
        let tags = acceptLanguage.split(whereSeparator: { ", ;-".contains($0) }).map { $0.lowercased() }
        return tags.lazy.map { Language(rawValue: $0) }.first(where: \.isDocumented) ?? .en
    }

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    /// Runs `body` with a client for the chosen tenant; with `--demo` the sandbox lives as long as `body`.
    func withClient<Result>(_ body: (EngageClient) async throws -> Result) async throws -> Result {
        guard demo else { return try await body(try makeClient(baseURL: try resolvedBaseURL(), token: try resolvedToken())) }
        return try await SandboxServer.withRunning { sandbox in
            try await body(sandbox.makeClient(acceptLanguage: acceptLanguage, requestTimeout: requestTimeout))
        }
    }

    private var requestTimeout: Duration { .milliseconds(Int(timeout * 1000)) }

    private func makeClient(baseURL: URL, token: BearerToken) throws -> EngageClient {
        do {
            let configuration = try EngageClientConfiguration(
                baseURL: baseURL, tokenProvider: StaticTokenProvider(token), acceptLanguage: acceptLanguage,
                requestTimeout: requestTimeout)
            return EngageClient(configuration: configuration)
        } catch {
            throw usageFailure(error.message)
        }
    }

    private func resolvedBaseURL() throws -> URL {
        let environment = ProcessInfo.processInfo.environment
        guard let text = baseURL ?? environment["ENGAGE_BASE_URL"], !text.isEmpty else {
            throw usageFailure("No tenant given: pass --demo, or --base-url (or set ENGAGE_BASE_URL) to "
                + "https://api.<environment>.pexipengage.com/enterprises/<enterprise>.")
        }
        guard let url = URL(string: text), url.host != nil else {
            throw usageFailure("The base URL is not a URL: \(text)")
        }
        return url
    }

    private func resolvedToken() throws -> BearerToken {
        if let tokenFile {
            guard let data = FileManager.default.contents(atPath: tokenFile),
                  let text = String(data: data, encoding: .utf8)
            else { throw usageFailure("Cannot read the token file \(tokenFile).") }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw usageFailure("The token file \(tokenFile) is empty.") }
            return BearerToken(token)
        }
        guard let token = ProcessInfo.processInfo.environment["ENGAGE_TOKEN"]?
            .trimmingCharacters(in: .whitespacesAndNewlines), !token.isEmpty
        else { throw usageFailure("No API token: set ENGAGE_TOKEN or pass --token-file.") }
        return BearerToken(token)
    }

    private func usageFailure(_ message: String) -> ExitCode {
        Diagnostics.report(message, error: nil)
        return ExitStatus.usage.exitCode
    }
}
