import EngageAPI
import Foundation

extension Settings {
    /// The token provider for the configured credential; files are read now, commands and the
    /// token endpoint when the first request needs a token.
    func tokenProvider(environment: [String: String]) throws(ConfigFile.Problem) -> any TokenProvider {
        switch tokenSource {
        case nil:
            throw ConfigFile.Problem(message: "No API credentials: set ENGAGE_TOKEN, pass --token-file, or set tokenFile, "
                + "tokenCommand or clientId in the configuration.")
        case .environment:
            return StaticTokenProvider(BearerToken(PlainText.trimmed(environment["ENGAGE_TOKEN", default: ""])))
        case .file(let path):
            return StaticTokenProvider(BearerToken(try Self.readSecret(path, what: "token file")))
        case .command(let command):
            return CommandTokenProvider(command: command, timeout: requestTimeout)
        case .clientCredentials(let clientID, let secretSource, let configuredURL):
            let secret: String = switch secretSource {
            case .environment: environment["ENGAGE_CLIENT_SECRET", default: ""]
            case .configuration: clientSecretInFile ?? ""
            case .file(let path): try Self.readSecret(path, what: "client secret file")
            }
            guard let tokenURL = configuredURL ?? derivedTokenURL else {
                throw ConfigFile.Problem(message: "No token URL: set tokenURL (or ENGAGE_TOKEN_URL), or the base URL.")
            }
            do {
                try EngageClientConfiguration.validate(baseURL: tokenURL)
            } catch {
                throw ConfigFile.Problem(message: "The token URL: \(error.detail ?? error.message)")
            }
            return OAuthTokenProvider(
                tokenURL: tokenURL, clientID: clientID, clientSecret: secret, requestTimeout: requestTimeout,
                certificateAuthoritiesFile: caFile)
        }
    }

    /// The token endpoint that belongs to the base URL: `auth.<environment>.pexipengage.com` for
    /// `api.<environment>.pexipengage.com`, the same origin for a loopback sandbox; realm = enterprise.
    var derivedTokenURL: URL? {
        guard let baseURL, let host = baseURL.host, var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)
        else { return nil }
        let enterprise = baseURL.lastPathComponent
        if host.hasPrefix("api."), host.hasSuffix("pexipengage.com") {
            components.host = "auth." + host.dropFirst("api.".count)
        }
        components.path = "/realms/\(enterprise)/protocol/openid-connect/token"
        return components.url
    }

    /// The trimmed content of a secret file; an unreadable or empty file is a configuration problem.
    static func readSecret(_ path: String, what: String) throws(ConfigFile.Problem) -> String {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw ConfigFile.Problem(message: "Cannot read the \(what) \(path).")
        }
        let secret = PlainText.trimmed(text)
        guard !secret.isEmpty else { throw ConfigFile.Problem(message: "The \(what) \(path) is empty.") }
        return secret
    }
}
