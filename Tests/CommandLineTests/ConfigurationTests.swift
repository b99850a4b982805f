@testable import engage_triage
import Foundation
import Testing

@Suite("Configuration file and precedence")
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
        #expect(file.baseURL != nil && file.environment != nil && file.enterprise != nil && file.tokenFile != nil)
        #expect(file.language != nil && file.pageSize != nil && file.requestTimeoutSeconds != nil)
        let keys = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        #expect(Set(keys?.keys ?? [:].keys) == Set(ConfigFile.keys.map(\.name)))
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
