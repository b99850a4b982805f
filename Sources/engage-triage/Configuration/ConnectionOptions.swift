import ArgumentParser
import EngageAPI
import EngageSandbox
import Foundation

/// Where the commands talk to: the built-in sandbox (`--demo`) or a tenant, configured by flags,
/// `ENGAGE_*` environment variables and `config.json`, in that order of precedence.
struct ConnectionOptions: ParsableArguments {
    @Flag(help: "Use a built-in sandbox tenant with demo data (started in-process on a loopback port).")
    var demo = false

    @Option(help: ArgumentHelp(
        "The configuration file (default: $XDG_CONFIG_HOME/engage-triage/config.json).", valueName: "path"))
    var config: String?

    @Option(help: ArgumentHelp(
        "The tenant's API base URL, up to /enterprises/<enterprise> (default: $ENGAGE_BASE_URL).", valueName: "url"))
    var baseURL: String?

    @Option(help: ArgumentHelp("A file whose content is the bearer token (default: $ENGAGE_TOKEN).", valueName: "path"))
    var tokenFile: String?

    @Option(help: ArgumentHelp("Accept-Language sent to the server (default: $ENGAGE_LANGUAGE or 'en *').", valueName: "tag"))
    var language: String?

    @Option(help: ArgumentHelp("Seconds to wait for each answer (default: 30).", valueName: "seconds"))
    var timeout: Double?

    func validate() throws {
        if let timeout, timeout <= 0 { throw ValidationError("--timeout must be a positive number of seconds.") }
    }

    /// The merged settings; a configuration problem is reported and exits with status 2.
    func settings() throws -> Settings {
        let environment = ProcessInfo.processInfo.environment
        let path = config ?? environment["ENGAGE_CONFIG"] ?? ConfigFile.defaultPath(environment: environment)
        do {
            let file = try ConfigFile.load(path: path, required: config != nil || environment["ENGAGE_CONFIG"] != nil)
            return try Settings.resolve(
                flags: Settings.Flags(baseURL: baseURL, tokenFile: tokenFile, language: language, timeoutSeconds: timeout),
                environment: environment, file: file, filePath: path)
        } catch {
            throw usageFailure(error.message)
        }
    }

    /// Runs `body` with a client for the chosen tenant; with `--demo` the sandbox lives as long as `body`.
    func withClient<Result>(_ settings: Settings, _ body: (EngageClient) async throws -> Result) async throws -> Result {
        if demo {
            return try await SandboxServer.withRunning { sandbox in
                try await body(sandbox.makeClient(
                    acceptLanguage: settings.language, pageSize: settings.pageSize, requestTimeout: settings.requestTimeout))
            }
        }
        guard let baseURL = settings.baseURL else {
            throw usageFailure("No tenant given: pass --demo, or set ENGAGE_BASE_URL (or --base-url, or baseURL in the "
                + "configuration) to https://api.<environment>.pexipengage.com/enterprises/<enterprise>.")
        }
        do {
            let token = try settings.token(environment: ProcessInfo.processInfo.environment)
            let configuration = try EngageClientConfiguration(
                baseURL: baseURL, tokenProvider: StaticTokenProvider(token), acceptLanguage: settings.language,
                pageSize: settings.pageSize, requestTimeout: settings.requestTimeout)
            return try await body(EngageClient(configuration: configuration))
        } catch let problem as ConfigFile.Problem {
            throw usageFailure(problem.message)
        } catch let error as EngageError where error.kind == .invalidConfiguration {
            throw usageFailure(error.message)
        }
    }

    private func usageFailure(_ message: String) -> ExitCode {
        Diagnostics.report(message, error: nil)
        return ExitStatus.usage.exitCode
    }
}
