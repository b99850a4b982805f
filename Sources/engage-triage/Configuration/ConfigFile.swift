import EngageAPI
import TriageCore
import Foundation

/// The settings `config.json` can hold (documented in `config.example.json` and the README).
///
/// Read strictly: an unknown key, a wrong type or a bad value stops the program with a message
/// naming the file, the key and what was expected, so a typo never silently falls back to a default.
struct ConfigFile: Equatable {
    var baseURL: String?
    var environment: String?
    var enterprise: String?
    var tokenFile: String?
    var tokenCommand: String?
    var clientId: String?
    var clientSecret: String?
    var clientSecretFile: String?
    var tokenURL: String?
    var caFile: String?
    var keyBindings: [String: [String]]?
    var logLevel: String?
    var language: String?
    var pageSize: Int?
    var requestTimeoutSeconds: Double?
    var confirmBeforeAccept: Bool?
    var readOnly: Bool?
    var colors: String?
    var sort: String?
    var sortReverse: Bool?
    var refreshSeconds: Int?

    /// What went wrong with a configuration, in a sentence that names the file and the key.
    struct Problem: Error, Equatable {
        var message: String
    }

    /// Every key, with what it expects (used in messages and kept in step with config.example.json).
    static let keys: [(name: String, expects: String)] = [
        ("baseURL", "an https URL up to /enterprises/<enterprise>"),
        ("environment", "a text such as \"development\" or \"production\""),
        ("enterprise", "a text, the enterprise in the API path"),
        ("tokenFile", "a path to a file holding the bearer token"),
        ("tokenCommand", "a shell command that prints the bearer token (e.g. from a password manager)"),
        ("clientId", "the OAuth2 client id of the API client"),
        ("clientSecret", "the OAuth2 client secret (better: clientSecretFile)"),
        ("clientSecretFile", "a path to a file holding the OAuth2 client secret"),
        ("tokenURL", "the OAuth2 token endpoint, an https URL"),
        ("caFile", "a path to a PEM file of CA certificates to trust besides the system's"),
        ("language", "a text, the Accept-Language such as \"en *\""),
        ("pageSize", "a whole number from 1 to 100"),
        ("requestTimeoutSeconds", "a number of seconds above 0"),
        ("confirmBeforeAccept", "true or false"),
        ("readOnly", "true or false"),
        ("colors", "one of \"auto\", \"256\", \"8\", \"none\""),
        ("sort", "the list's order at start: one of " + SortOrder.Key.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")),
        ("sortReverse", "true or false (the sort the other way round)"),
        ("refreshSeconds", "a whole number of seconds from 0 (never) to 86400; the list is re-read that often"),
        ("keyBindings", "an object from action names to lists of keys, e.g. {\"accept\": [\"a\", \"Ctrl-A\"]}"),
        ("logLevel", "one of \"trace\", \"debug\", \"info\", \"notice\", \"warning\", \"error\", \"critical\""),
    ]

    /// `$XDG_CONFIG_HOME/engage-triage/config.json`, else `~/.config/engage-triage/config.json`.
    static func defaultPath(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? UserAccount.home) + "/.config"
        return base + "/engage-triage/config.json"
    }

    /// Reads `path`; a missing file is `nil` unless `required` (a path the user named).
    static func load(path: String, required: Bool) throws(Problem) -> ConfigFile? {
        guard let data = FileManager.default.contents(atPath: path) else {
            if required || FileManager.default.fileExists(atPath: path) {
                throw Problem(message: "Cannot read the configuration file \(path).")
            }
            return nil
        }
        return try parse(data, path: path)
    }

    static func parse(_ data: Data, path: String) throws(Problem) -> ConfigFile {
        var object: [String: JSONValue]
        do {
            object = try JSONDecoder().decode([String: JSONValue].self, from: data)
        } catch DecodingError.typeMismatch {
            throw Problem(message: "\(path) must hold one JSON object ({ \"key\": value, ... }).")
        } catch {
            throw Problem(message: "\(path) is not valid JSON: \(JSONSyntax.problem(in: data) ?? "unexpected structure").")
        }
        // Keys starting with "//" are comments (JSON has none): config.example.json uses them.
        object = object.filter { !$0.key.hasPrefix("//") }
        let known = Set(keys.map(\.name))
        if let unknown = object.keys.sorted().first(where: { !known.contains($0) }) {
            throw Problem(message: "\(path): unknown key \"\(unknown)\". Known keys: \(keys.map(\.name).joined(separator: ", ")).")
        }
        func fail(_ key: String) -> Problem {
            let expects = keys.first { $0.name == key }?.expects ?? "another value"
            return Problem(message: "\(path): \"\(key)\" should be \(expects), found \(object[key]?.description ?? "nothing").")
        }
        func text(_ key: String) throws(Problem) -> String? {
            switch object[key] {
            case nil: return nil
            case .string(let text) where !text.isEmpty: return text
            default: throw fail(key)
            }
        }
        func number(_ key: String) throws(Problem) -> Double? {
            switch object[key] {
            case nil: return nil
            case .number(let number): return number
            default: throw fail(key)
            }
        }
        func flag(_ key: String) throws(Problem) -> Bool? {
            switch object[key] {
            case nil: return nil
            case .bool(let value): return value
            default: throw fail(key)
            }
        }
        var file = ConfigFile()
        file.baseURL = try text("baseURL")
        file.environment = try text("environment")
        file.enterprise = try text("enterprise")
        file.tokenFile = try text("tokenFile")
        file.tokenCommand = try text("tokenCommand")
        file.clientId = try text("clientId")
        file.clientSecret = try text("clientSecret")
        file.clientSecretFile = try text("clientSecretFile")
        file.tokenURL = try text("tokenURL")
        file.caFile = try text("caFile")
        file.logLevel = try text("logLevel")
        if let level = file.logLevel, !["trace", "debug", "info", "notice", "warning", "error", "critical"].contains(level) {
            throw fail("logLevel")
        }
        if let bindings = object["keyBindings"] {
            guard case .object(let members) = bindings else { throw fail("keyBindings") }
            var parsed: [String: [String]] = [:]
            for (action, keys) in members {
                guard case .array(let items) = keys, !items.isEmpty, items.allSatisfy({ if case .string = $0 { true } else { false } })
                else { throw Problem(message: "\(path): \"keyBindings.\(action)\" should be a list of keys, e.g. [\"a\"].") }
                parsed[action] = items.flatMap(\.strings)
            }
            file.keyBindings = parsed
        }
        file.language = try text("language")
        file.confirmBeforeAccept = try flag("confirmBeforeAccept")
        file.readOnly = try flag("readOnly")
        file.colors = try text("colors")
        if let colors = file.colors, !["auto", "256", "8", "none"].contains(colors) { throw fail("colors") }
        file.sort = try text("sort")
        if let sort = file.sort, SortOrder.Key(rawValue: sort) == nil { throw fail("sort") }
        file.sortReverse = try flag("sortReverse")
        if let seconds = try number("refreshSeconds") {
            guard seconds.rounded() == seconds, (0...Settings.maxRefreshSeconds).contains(Int(exactly: seconds) ?? -1) else {
                throw fail("refreshSeconds")
            }
            file.refreshSeconds = Int(seconds)
        }
        if let size = try number("pageSize") {
            guard size.rounded() == size, (1...100).contains(size) else { throw fail("pageSize") }
            file.pageSize = Int(size)
        }
        if let seconds = try number("requestTimeoutSeconds") {
            guard seconds > 0 else { throw fail("requestTimeoutSeconds") }
            file.requestTimeoutSeconds = seconds
        }
        if let tokenURL = file.tokenURL {
            guard let url = URL(string: tokenURL), url.host != nil else { throw fail("tokenURL") }
            do {
                try EngageClientConfiguration.validate(baseURL: url)
            } catch {
                throw Problem(message: "\(path): \"tokenURL\" \(error.detail ?? "is not usable").")
            }
        }
        if let baseURL = file.baseURL {
            guard let url = URL(string: baseURL), url.host != nil else { throw fail("baseURL") }
            do {
                try EngageClientConfiguration.validate(baseURL: url)
            } catch {
                throw Problem(message: "\(path): \"baseURL\" \(error.detail ?? "is not usable").")
            }
        }
        return file
    }
}
