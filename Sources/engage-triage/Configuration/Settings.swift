import EngageAPI
import Foundation

/// The connection settings in effect, merged from flags, `ENGAGE_*` variables, the config file and
/// defaults, in that order of precedence.
struct Settings: Equatable {
    /// Where the token comes from; read only when a request needs it.
    enum TokenSource: Equatable {
        case environment
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

        let tokenSource: TokenSource?
        if let path = flags.tokenFile {
            tokenSource = .file(path)
        } else if env("ENGAGE_TOKEN") != nil {
            tokenSource = .environment
        } else if let path = env("ENGAGE_TOKEN_FILE") ?? file?.tokenFile {
            tokenSource = .file(path)
        } else {
            tokenSource = nil
        }

        let timeout = flags.timeoutSeconds
            ?? env("ENGAGE_TIMEOUT").flatMap(Double.init) ?? file?.requestTimeoutSeconds ?? defaultTimeoutSeconds
        guard timeout > 0 else { throw ConfigFile.Problem(message: "The request timeout must be above 0 seconds.") }
        return Settings(
            baseURL: baseURL, tokenSource: tokenSource,
            language: flags.language ?? env("ENGAGE_LANGUAGE") ?? file?.language ?? defaultLanguage,
            pageSize: file?.pageSize ?? defaultPageSize,
            requestTimeout: .milliseconds(Int((timeout * 1000).rounded())),
            confirmBeforeAccept: file?.confirmBeforeAccept ?? true,
            readOnly: file?.readOnly ?? false,
            colors: file?.colors)
    }

    /// The bearer token, read from its source now.
    func token(environment: [String: String]) throws(ConfigFile.Problem) -> BearerToken {
        switch tokenSource {
        case nil:
            throw ConfigFile.Problem(message: "No API token: set ENGAGE_TOKEN, or pass --token-file, or set tokenFile in the configuration.")
        case .environment:
            return BearerToken(environment["ENGAGE_TOKEN", default: ""].trimmingCharacters(in: .whitespacesAndNewlines))
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
                throw ConfigFile.Problem(message: "Cannot read the token file \(path).")
            }
            let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !token.isEmpty else { throw ConfigFile.Problem(message: "The token file \(path) is empty.") }
            return BearerToken(token)
        }
    }

    /// The first language of `language` that the API knows, for ordering translations.
    var preferredLanguage: Language {
        let tags = language.split(whereSeparator: { ", ;-".contains($0) }).map { $0.lowercased() }
        return tags.lazy.map { Language(rawValue: $0) }.first(where: \.isDocumented) ?? .en
    }
}
