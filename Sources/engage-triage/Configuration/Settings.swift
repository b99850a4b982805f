import EngageAPI
import Foundation
import TriageCore

/// The connection settings in effect, merged from flags, `ENGAGE_*` variables, the config file and
/// defaults, in that order of precedence.
struct Settings: Equatable {
    /// Where the token comes from; read only when a request needs it.
    enum TokenSource: Equatable {
        /// `ENGAGE_TOKEN` holds the token itself.
        case environment
        /// A file holding the token.
        case file(String)
        /// A shell command printing the token (`tokenCommand`), as git and aerc take credentials.
        case command(String)
        /// OAuth2 client credentials; the secret comes from `ENGAGE_CLIENT_SECRET`, the file or a secret file.
        case clientCredentials(clientID: String, secret: SecretSource, tokenURL: URL?)
    }

    /// Where the OAuth2 client secret comes from.
    enum SecretSource: Equatable {
        case environment
        case configuration
        case file(String)
    }

    var baseURL: URL?
    var tokenSource: TokenSource?
    var language: String
    var pageSize: Int
    var requestTimeout: Duration
    /// Ask y/N before an accept (`confirmBeforeAccept`, `--no-confirm` turns it off).
    var confirmBeforeAccept = true
    /// Accepting disabled (`readOnly`, `--read-only`).
    var readOnly = false
    /// `colors`: auto, 256, 8 or none.
    var colors: String?
    /// `sort` and `sortReverse`: the list's order at start.
    var sortOrder = SortOrder()
    /// `refreshSeconds` (`--refresh`): how often the list is re-read in the background; 0 never.
    var refreshSeconds = Settings.defaultRefreshSeconds
    /// `keyBindings`: action names to key names, over the standard keymap.
    var keyBindings: [String: [String]] = [:]
    /// `logLevel` (`--debug` makes it debug).
    var logLevel = "info"
    /// `clientSecret` from the file, when the secret is kept there.
    var clientSecretInFile: String?
    /// `caFile` (`ENGAGE_CA_FILE`): CA certificates trusted besides the system's.
    var caFile: String?

    /// The values given on the command line (`nil` where a flag was not given).
    struct Flags: Equatable {
        var baseURL: String?
        var tokenFile: String?
        var language: String?
        var timeoutSeconds: Double?
    }

    static let defaultLanguage = "en *"
    static let defaultPageSize = 25
    static let defaultTimeoutSeconds = 30.0

    /// Merges the layers. `ENGAGE_TOKEN` holds a token itself; `ENGAGE_TOKEN_FILE` and
    /// `tokenFile` name a file holding one. The base URL may also be given as environment +
    /// enterprise (`ENGAGE_ENVIRONMENT`/`ENGAGE_ENTERPRISE` or the file's keys).
    static func resolve(
        flags: Flags, environment: [String: String], file: ConfigFile?, filePath: String
    ) throws(ConfigFile.Problem) -> Settings {
        func env(_ name: String) -> String? { environment[name].flatMap { $0.isEmpty ? nil : $0 } }

        var baseURL: URL?
        if let text = flags.baseURL ?? env("ENGAGE_BASE_URL") ?? file?.baseURL {
            guard let url = URL(string: text), url.host != nil else {
                throw ConfigFile.Problem(message: "The base URL is not a URL: \(text)")
            }
            baseURL = url
        } else if let enterprise = env("ENGAGE_ENTERPRISE") ?? file?.enterprise {
            let environmentName = env("ENGAGE_ENVIRONMENT") ?? file?.environment ?? "production"
            baseURL = EngageClientConfiguration.baseURL(environment: environmentName, enterprise: enterprise)
        }

        let tokenSource = try resolveTokenSource(flags: flags, env: env, file: file, filePath: filePath)

        var timeout = defaultTimeoutSeconds
        if let seconds = flags.timeoutSeconds {
            timeout = seconds
        } else if let text = env("ENGAGE_TIMEOUT") {
            guard let seconds = Double(PlainText.trimmed(text)) else {
                throw ConfigFile.Problem(message: "ENGAGE_TIMEOUT=\(text) is not a number of seconds.")
            }
            timeout = seconds
        } else if let seconds = file?.requestTimeoutSeconds {
            timeout = seconds
        }
        if let problem = timeoutProblem(timeout) {
            throw ConfigFile.Problem(message: "The request timeout \(timeout) (--timeout, ENGAGE_TIMEOUT or requestTimeoutSeconds): \(problem).")
        }
        if let baseURL, let port = baseURL.port, !(1...65_535).contains(port) {
            throw ConfigFile.Problem(message: "The base URL's port \(port) is not a port (1-65535): \(baseURL.absoluteString)")
        }
        let caFile = env("ENGAGE_CA_FILE") ?? file?.caFile
        if let caFile, !FileManager.default.isReadableFile(atPath: caFile) {
            throw ConfigFile.Problem(message: "The CA file \(caFile) (caFile, ENGAGE_CA_FILE) cannot be read.")
        }
        return Settings(
            baseURL: baseURL, tokenSource: tokenSource,
            language: flags.language ?? env("ENGAGE_LANGUAGE") ?? file?.language ?? defaultLanguage,
            pageSize: file?.pageSize ?? defaultPageSize,
            requestTimeout: .milliseconds(Int((timeout * 1000).rounded())),
            confirmBeforeAccept: file?.confirmBeforeAccept ?? true,
            readOnly: file?.readOnly ?? false,
            colors: file?.colors,
            sortOrder: SortOrder(file?.sort.flatMap(SortOrder.Key.init(rawValue:)) ?? .start, ascending: !(file?.sortReverse ?? false)),
            refreshSeconds: file?.refreshSeconds ?? defaultRefreshSeconds,
            keyBindings: file?.keyBindings ?? [:],
            logLevel: file?.logLevel ?? "info",
            clientSecretInFile: file?.clientSecret,
            caFile: caFile)
    }

    static let defaultRefreshSeconds = 60
    /// The longest wait between refreshes: a day.
    static let maxRefreshSeconds = 86_400

    /// The longest request timeout: a day (a larger number is a typo, and `inf` cannot be waited for).
    static let maxTimeoutSeconds = 86_400.0

    /// Why `seconds` cannot be a request timeout, or nil.
    static func timeoutProblem(_ seconds: Double) -> String? {
        guard seconds.isFinite, seconds > 0 else { return "it must be a positive number of seconds" }
        guard seconds <= maxTimeoutSeconds else { return "it must be at most \(Int(maxTimeoutSeconds)) seconds (a day)" }
        return nil
    }

    /// The first credential given, layer by layer: the flag, then the environment
    /// (`ENGAGE_TOKEN`, `ENGAGE_TOKEN_FILE`, `ENGAGE_TOKEN_COMMAND`, `ENGAGE_CLIENT_ID`), then the
    /// file (`tokenFile`, `tokenCommand`, `clientId`).
    private static func resolveTokenSource(
        flags: Flags, env: (String) -> String?, file: ConfigFile?, filePath: String
    ) throws(ConfigFile.Problem) -> TokenSource? {
        let tokenURL = try (env("ENGAGE_TOKEN_URL") ?? file?.tokenURL).map { text throws(ConfigFile.Problem) -> URL in
            guard let url = URL(string: text), url.host != nil else {
                throw ConfigFile.Problem(message: "The token URL is not a URL: \(text)")
            }
            if let port = url.port, !(1...65_535).contains(port) {
                throw ConfigFile.Problem(message: "The token URL's port \(port) is not a port (1-65535): \(text)")
            }
            return url
        }
        func secret(for clientID: String) throws(ConfigFile.Problem) -> TokenSource {
            if env("ENGAGE_CLIENT_SECRET") != nil { return .clientCredentials(clientID: clientID, secret: .environment, tokenURL: tokenURL) }
            if let path = env("ENGAGE_CLIENT_SECRET_FILE") ?? file?.clientSecretFile {
                return .clientCredentials(clientID: clientID, secret: .file(path), tokenURL: tokenURL)
            }
            if file?.clientSecret != nil { return .clientCredentials(clientID: clientID, secret: .configuration, tokenURL: tokenURL) }
            throw ConfigFile.Problem(message: "The client id \(clientID) has no secret: set ENGAGE_CLIENT_SECRET, "
                + "ENGAGE_CLIENT_SECRET_FILE, or clientSecretFile in \(filePath).")
        }
        if let path = flags.tokenFile { return .file(path) }
        if env("ENGAGE_TOKEN") != nil { return .environment }
        if let path = env("ENGAGE_TOKEN_FILE") { return .file(path) }
        if let command = env("ENGAGE_TOKEN_COMMAND") { return .command(command) }
        if let clientID = env("ENGAGE_CLIENT_ID") { return try secret(for: clientID) }
        if let path = file?.tokenFile { return .file(path) }
        if let command = file?.tokenCommand { return .command(command) }
        if let clientID = file?.clientId { return try secret(for: clientID) }
        return nil
    }

    /// The first language of `language` that the API knows, for ordering translations.
    var preferredLanguage: Language {
        let tags = language.split(whereSeparator: { ", ;-".contains($0) }).map { $0.lowercased() }
        return tags.lazy.map { Language(rawValue: $0) }.first(where: \.isDocumented) ?? .en
    }
}
