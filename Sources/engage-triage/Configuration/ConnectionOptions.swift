import ArgumentParser
import EngageAPI
import EngageSandbox
import Foundation
import Logging

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

    @Option(parsing: .unconditional, help: ArgumentHelp("Seconds to wait for each answer (default: 30).", valueName: "seconds"))
    var timeout: Double?

    @Flag(help: "Log at debug level to $XDG_STATE_HOME/engage-triage/engage-triage.log.")
    var debug = false

    func validate() throws {
        if let timeout, let problem = Settings.timeoutProblem(timeout) { throw ValidationError("--timeout \(timeout): \(problem).") }
    }

    /// The configuration file in effect.
    var configPath: String {
        let environment = ProcessEnvironment.current
        return config ?? environment["ENGAGE_CONFIG"] ?? ConfigFile.defaultPath(environment: environment)
    }

    /// The merged settings; a configuration problem is reported and exits with status 2. Starts
    /// the log file and warns about secret files that others can read.
    func settings() throws -> Settings {
        let environment = ProcessEnvironment.current
        let path = configPath
        let settings: Settings
        let file: ConfigFile?
        do {
            file = try ConfigFile.load(path: path, required: config != nil || environment["ENGAGE_CONFIG"] != nil)
            settings = try Settings.resolve(
                flags: Settings.Flags(baseURL: baseURL, tokenFile: tokenFile, language: language, timeoutSeconds: timeout),
                environment: environment, file: file, filePath: path)
        } catch {
            throw usageFailure(error.message)
        }
        if case .command(let command)? = settings.tokenSource, command == file?.tokenCommand,
           let problem = FilePermissions.commandProblem(configuration: path) {
            throw usageFailure(problem)
        }
        FileLogHandler.bootstrap(level: debug ? .debug : Logger.Level(rawValue: settings.logLevel) ?? .info)
        for warning in FilePermissions.warnings(for: (settings.clientSecretInFile != nil ? [path] : []) + settings.secretFiles) {
            Diagnostics.note("engage-triage: warning: \(warning)")
        }
        return settings
    }

    /// Runs `body` with a client for the chosen tenant; with `--demo` the sandbox lives as long as `body`.
    func withClient<Result>(_ settings: Settings, _ body: (EngageClient) async throws -> Result) async throws -> Result {
        if demo {
            return try await SandboxServer.withRunning { sandbox in
                var configuration = sandbox.clientConfiguration(
                    acceptLanguage: settings.language, pageSize: settings.pageSize, requestTimeout: settings.requestTimeout)
                configuration.logger = Self.apiLogger
                return try await body(EngageClient(configuration: configuration))
            }
        }
        guard let baseURL = settings.baseURL else {
            throw usageFailure("No tenant given: pass --demo, or set ENGAGE_BASE_URL (or --base-url, or baseURL in the "
                + "configuration) to https://api.<environment>.pexipengage.com/enterprises/<enterprise>.")
        }
        do {
            let configuration = try EngageClientConfiguration(
                baseURL: baseURL, tokenProvider: try settings.tokenProvider(environment: ProcessEnvironment.current),
                acceptLanguage: settings.language,
                pageSize: settings.pageSize, requestTimeout: settings.requestTimeout,
                certificateAuthoritiesFile: settings.caFile, logger: Self.apiLogger)
            return try await body(EngageClient(configuration: configuration))
        } catch let problem as ConfigFile.Problem {
            throw usageFailure(problem.message)
        } catch let error as EngageError where error.kind == .invalidConfiguration {
            throw usageFailure(error.message)
        }
    }

    /// The logger of every API request (to the log file, set up by `settings()`).
    static var apiLogger: Logger { Logger(label: "engage-triage.api") }

    /// The enterprise, for the audit trail: the base URL's last segment, or "demo".
    func enterpriseName(_ settings: Settings) -> String {
        demo ? "demo" : settings.baseURL?.lastPathComponent ?? "unknown"
    }

    private func usageFailure(_ message: String) -> ExitCode {
        Diagnostics.report(message, error: nil)
        return ExitStatus.usage.exitCode
    }
}
