@testable import engage_triage
import Foundation
import Testing
import TriageCore

@Suite("Configuration file and precedence", .timeLimit(.minutes(2)))
struct ConfigurationTests {
    private func parse(_ json: String) throws(ConfigFile.Problem) -> ConfigFile {
        try ConfigFile.parse(Data(json.utf8), path: "/etc/x/config.json")
    }

    private func problem(_ json: String) -> String? {
        do {
            _ = try parse(json)
            return nil
        } catch {
            return error.message
        }
    }

    @Test func theExampleFileIsValidAndUsesEveryKey() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("config.example.json")
        let data = try Data(contentsOf: url)
        let file = try ConfigFile.parse(data, path: url.path)
        #expect(file.environment != nil && file.enterprise != nil && file.clientId != nil && file.clientSecretFile != nil)
        #expect(file.language != nil && file.pageSize != nil && file.requestTimeoutSeconds != nil && file.logLevel != nil)
        // Every key is there, in use or as a "//key" comment, and every action has its keys.
        let keys = Set((try JSONSerialization.jsonObject(with: data) as? [String: Any])?.keys.map {
            $0.hasPrefix("//") ? String($0.dropFirst(2)) : $0
        } ?? [])
        #expect(keys.isSuperset(of: ConfigFile.keys.map(\.name)))
        #expect(Set(file.keyBindings?.keys.map { $0 } ?? []) == Set(Command.allCases.map(\.name)))
        #expect(try Keymap.standard.overriding(file.keyBindings ?? [:]) == Keymap.standard)
    }

    @Test func brokenFilesNameTheFileTheKeyAndWhatWasExpected() {
        #expect(problem("{ \"baseURL\": ") == "/etc/x/config.json is not valid JSON: Unexpected end of file during JSON parse.")
        #expect(problem("{\n  \"pageSize\": 25,, }") == "/etc/x/config.json is not valid JSON: Invalid value at line 2, column 18.")
        #expect(problem("[1, 2]") == "/etc/x/config.json must hold one JSON object ({ \"key\": value, ... }).")
        #expect(problem(#"{"colour": "auto"}"#)?.hasPrefix("/etc/x/config.json: unknown key \"colour\". Known keys: baseURL,") == true)
        #expect(problem(#"{"pageSize": "25"}"#)
            == "/etc/x/config.json: \"pageSize\" should be a whole number from 1 to 100, found \"25\".")
        #expect(problem(#"{"pageSize": 2.5}"#)?.contains("\"pageSize\" should be a whole number") == true)
        #expect(problem(#"{"requestTimeoutSeconds": true}"#)?.contains("\"requestTimeoutSeconds\" should be a number of seconds above 0") == true)
        #expect(problem(#"{"language": ""}"#)?.contains("\"language\" should be a text") == true)
        #expect(problem(#"{"baseURL": "not a url"}"#)?.contains("\"baseURL\" should be an https URL") == true)
        #expect(problem(#"{"baseURL": "http://api.pexipengage.com/enterprises/acme"}"#)?.contains("must use https") == true)
    }

    @Test func flagsBeatEnvironmentBeatFileBeatDefaults() throws {
        let file = try parse(#"{"baseURL": "https://file.example/enterprises/a", "language": "nl", "requestTimeoutSeconds": 9, "pageSize": 50, "tokenFile": "/file/token"}"#)
        let environment = ["ENGAGE_BASE_URL": "https://env.example/enterprises/a", "ENGAGE_LANGUAGE": "el", "ENGAGE_TIMEOUT": "7"]
        let flags = Settings.Flags(baseURL: "https://flag.example/enterprises/a", tokenFile: "/flag/token", language: "ja", timeoutSeconds: 3)

        let all = try Settings.resolve(flags: flags, environment: environment, file: file, filePath: "f")
        #expect(all.baseURL?.host == "flag.example" && all.language == "ja" && all.requestTimeout == .seconds(3))
        #expect(all.tokenSource == .file("/flag/token"))

        let noFlags = try Settings.resolve(flags: .init(), environment: environment.merging(["ENGAGE_TOKEN": "t"]) { $1 }, file: file, filePath: "f")
        #expect(noFlags.baseURL?.host == "env.example" && noFlags.language == "el" && noFlags.requestTimeout == .seconds(7))
        #expect(noFlags.tokenSource == .environment && noFlags.pageSize == 50)

        let fileOnly = try Settings.resolve(flags: .init(), environment: [:], file: file, filePath: "f")
        #expect(fileOnly.baseURL?.host == "file.example" && fileOnly.language == "nl" && fileOnly.requestTimeout == .seconds(9))
        #expect(fileOnly.tokenSource == .file("/file/token"))

        let defaults = try Settings.resolve(flags: .init(), environment: [:], file: nil, filePath: "f")
        #expect(defaults.baseURL == nil && defaults.tokenSource == nil)
        #expect(defaults.language == "en *" && defaults.pageSize == 25 && defaults.requestTimeout == .seconds(30))
    }

    @Test func environmentAndEnterpriseMakeTheDocumentedURL() throws {
        let file = try parse(#"{"environment": "development", "enterprise": "acme"}"#)
        let settings = try Settings.resolve(flags: .init(), environment: [:], file: file, filePath: "f")
        #expect(settings.baseURL?.absoluteString == "https://api.development.pexipengage.com/enterprises/acme")
        let production = try Settings.resolve(flags: .init(), environment: ["ENGAGE_ENTERPRISE": "globex"], file: nil, filePath: "f")
        #expect(production.baseURL?.absoluteString == "https://api.pexipengage.com/enterprises/globex")
    }

    @Test func defaultPathFollowsXDG() {
        #expect(ConfigFile.defaultPath(environment: ["XDG_CONFIG_HOME": "/x", "HOME": "/h"]) == "/x/engage-triage/config.json")
        #expect(ConfigFile.defaultPath(environment: ["HOME": "/h"]) == "/h/.config/engage-triage/config.json")
    }
}

extension ConfigurationTests {
    @Test func credentialKeysAndTheirErrors() {
        #expect(problem(#"{"tokenURL": "http://auth.example.com/token"}"#)?.contains("\"tokenURL\" The base URL must use https") == true)
        #expect(problem(#"{"logLevel": "loud"}"#)?.contains("\"logLevel\" should be one of \"trace\"") == true)
        #expect(problem(#"{"keyBindings": ["a"]}"#)?.contains("\"keyBindings\" should be an object") == true)
        #expect(problem(#"{"keyBindings": {"accept": "a"}}"#) == "/etc/x/config.json: \"keyBindings.accept\" should be a list of keys, e.g. [\"a\"].")
        #expect(problem(#"{"confirmBeforeAccept": "yes"}"#)?.contains("\"confirmBeforeAccept\" should be true or false") == true)
        #expect(problem(#"{"colors": "16"}"#)?.contains("\"colors\" should be one of") == true)
    }

    @Test func theListsOrderAndTheRefreshFromTheFileAndTheirErrors() throws {
        let defaults = try Settings.resolve(flags: .init(), environment: [:], file: nil, filePath: "f")
        #expect(defaults.sortOrder == TriageCore.SortOrder(.start) && defaults.refreshSeconds == 60)
        let file = try parse(#"{"sort": "customer", "sortReverse": true, "refreshSeconds": 0}"#)
        let settings = try Settings.resolve(flags: .init(), environment: [:], file: file, filePath: "f")
        #expect(settings.sortOrder == TriageCore.SortOrder(.customer, ascending: false) && settings.refreshSeconds == 0)
        #expect(problem(#"{"sort": "wating"}"#)?.contains("\"sort\" should be the list's order at start: one of \"start\"") == true)
        #expect(problem(#"{"refreshSeconds": -1}"#)?.contains("\"refreshSeconds\" should be a whole number of seconds") == true)
        #expect(problem(#"{"refreshSeconds": 1.5}"#)?.contains("\"refreshSeconds\" should be a whole number of seconds") == true)
        #expect(problem(#"{"sortReverse": "yes"}"#)?.contains("\"sortReverse\" should be true or false") == true)
    }

    @Test func credentialPrecedenceFlagThenEnvironmentThenFile() throws {
        let file = try parse(#"{"tokenFile": "/f/token", "tokenCommand": "pass engage", "clientId": "c", "clientSecretFile": "/f/secret"}"#)
        func source(_ environment: [String: String], flags: Settings.Flags = .init()) throws -> Settings.TokenSource? {
            try Settings.resolve(flags: flags, environment: environment, file: file, filePath: "f").tokenSource
        }
        #expect(try source(["ENGAGE_TOKEN": "t"], flags: .init(tokenFile: "/flag")) == .file("/flag"))
        #expect(try source(["ENGAGE_TOKEN": "t", "ENGAGE_TOKEN_COMMAND": "x"]) == .environment)
        #expect(try source(["ENGAGE_TOKEN_COMMAND": "x"]) == .command("x"))
        #expect(try source(["ENGAGE_CLIENT_ID": "e", "ENGAGE_CLIENT_SECRET": "s"])
            == .clientCredentials(clientID: "e", secret: .environment, tokenURL: nil))
        #expect(try source([:]) == .file("/f/token"))
        let clientOnly = try parse(#"{"clientId": "c", "clientSecretFile": "/f/secret", "tokenURL": "https://auth.example.com/t"}"#)
        #expect(try Settings.resolve(flags: .init(), environment: [:], file: clientOnly, filePath: "f").tokenSource
            == .clientCredentials(clientID: "c", secret: .file("/f/secret"), tokenURL: URL(string: "https://auth.example.com/t")))
        #expect(throws: ConfigFile.Problem.self) {
            try Settings.resolve(flags: .init(), environment: [:], file: try parse(#"{"clientId": "c"}"#), filePath: "f")
        }
    }

    @Test func theTokenURLFollowsTheBaseURL() throws {
        func derived(_ baseURL: String) throws -> String? {
            try Settings.resolve(flags: .init(baseURL: baseURL), environment: [:], file: nil, filePath: "f").derivedTokenURL?.absoluteString
        }
        #expect(try derived("https://api.development.pexipengage.com/enterprises/acme")
            == "https://auth.development.pexipengage.com/realms/acme/protocol/openid-connect/token")
        #expect(try derived("https://api.pexipengage.com/enterprises/acme")
            == "https://auth.pexipengage.com/realms/acme/protocol/openid-connect/token")
        #expect(try derived("http://127.0.0.1:8787/enterprises/acme")
            == "http://127.0.0.1:8787/realms/acme/protocol/openid-connect/token")
    }
}

@Suite("Log file", .timeLimit(.minutes(1)))
struct LogFileTests {
    @Test func oneRecordIsOneLineAndTheFileIsRotatedBySizeKeepingThree() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engage-log-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let sink = FileLogHandler.Sink(folder: folder, maxBytes: 200, keep: 3)
        sink.write("a message\nwith a second line\r and \u{1B}[31m colour")
        let first = try String(contentsOf: folder.appendingPathComponent("engage-triage.log"), encoding: .utf8)
        #expect(first == "a message\\nwith a second line\\r and \\u{1b}[31m colour\n")
        for index in 0..<40 { sink.write("record \(index) " + String(repeating: "x", count: 40)) }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names == ["engage-triage.log", "engage-triage.log.1", "engage-triage.log.2", "engage-triage.log.3"])
        for name in names {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(text.utf8.count <= 200, "\(name) stays within the size")
        }
        let newest = try String(contentsOf: folder.appendingPathComponent("engage-triage.log"), encoding: .utf8)
        #expect(newest.contains("record 39 "))
    }
}

@Suite("Key binding conflicts", .timeLimit(.minutes(2)))
struct KeyBindingConflictTests {
    @Test func aKeyBoundTwiceInOneModeStopsTheScreenWithExit2() async throws {
        let config = FileManager.default.temporaryDirectory.appendingPathComponent("engage-keys-\(UUID().uuidString).json")
        try Data(#"{"keyBindings": {"accept": ["j"]}}"#.utf8).write(to: config)
        let result = try await CommandRunner.triage(["--demo", "--config", config.path])
        #expect(result.status == 2, "\(result.all)")
        #expect(result.stderr.contains("keyBindings: the key j is bound to both moveDown and accept (in the list mode)."), "\(result.all)")
    }
}
