import EngageAPI
import EngageSandbox
import Foundation
import Testing
import TriageCore

/// The real `engage-triage` binary, against its embedded demo and against a sandbox over loopback.
@Suite("engage-triage commands", .timeLimit(.minutes(2)))
struct CommandLineTests {
    private static let secret = "cli-secret-token-4f9a"

    /// Runs `body` with a sandbox whose token is `secret` and the environment pointing at it.
    private func withTenant(_ body: (SandboxServer, [String: String]) async throws -> Void) async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(token: Self.secret)) { sandbox in
            try await body(sandbox, CommandRunner.environment([
                "ENGAGE_BASE_URL": sandbox.baseURL.absoluteString, "ENGAGE_TOKEN": Self.secret,
            ]))
        }
    }

    @Test func listDemoPrintsThePendingRequestsAlignedByDisplayWidth() async throws {
        let result = try await CommandRunner.triage(
            ["list", "--demo", "--language", "ja"], environment: CommandRunner.environment(["TZ": "Asia/Tokyo"]))
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init)
        let header = try #require(lines.first)
        #expect(header.hasPrefix("ID    START"))
        let pending = SandboxSeeder(seed: 1, count: 60, referenceDate: SandboxSeeder.today()).appointments()
            .filter { $0.status == .incomingRequest }
        #expect(lines.count == pending.count + 1)
        #expect(result.stderr.contains("\(pending.count) appointments (INCOMING_REQUEST) · times in Asia/Tokyo"))
        // Start times are shown in the user's zone.
        let tokyo = TimeDisplay(timeZone: Zone(try #require(TimeZone(identifier: "Asia/Tokyo"))))
        #expect(lines[1].hasPrefix("\(pending[0].id)  \(tokyo.dateTime(try #require(pending[0].start)))"))
        #expect(lines.contains { $0.contains("東京") || $0.contains("大阪市") }, "Japanese city names with --language ja")
        // The CITY column starts at the same display column on every line, whatever came before it.
        let cityColumn = DisplayWidth.of(header[..<header.range(of: "CITY")!.lowerBound])
        for line in lines.dropFirst() where DisplayWidth.of(line) > cityColumn {
            let prefix = DisplayWidth.truncate(line, to: cityColumn, ellipsis: "")
            #expect(prefix.hasSuffix("  "), "\(line)")
        }
    }

    /// Local time comes from the C library (as `date` shows it), not from ICU: `TZ` in each of
    /// its forms, a half-hour zone and one in daylight saving time (Lord Howe in December, +11).
    @Test(arguments: [
        ("America/New_York", "America/New_York"), (":Australia/Lord_Howe", "Australia/Lord_Howe"),
        ("Asia/Kolkata", "Asia/Kolkata"), ("/usr/share/zoneinfo/Europe/Oslo", "Europe/Oslo"),
    ])
    func listShowsTimesInTheZoneTZNames(setting: String, name: String) async throws {
        let result = try await CommandRunner.triage(["list", "--demo"], environment: CommandRunner.environment(["TZ": setting]))
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("· times in \(name)"), "\(result.stderr)")
        let zone = TimeDisplay(timeZone: Zone(try #require(TimeZone(identifier: name))))
        let pending = SandboxSeeder(seed: 1, count: 60, referenceDate: SandboxSeeder.today()).appointments()
            .filter { $0.status == .incomingRequest }
        let lines = result.stdout.split(separator: "\n").dropFirst()
        #expect(lines.count == pending.count)
        var timed = 0
        for (line, appointment) in zip(lines, pending) {
            guard let start = appointment.start else { continue }  // a callback request: no time yet
            #expect(line.hasPrefix("\(appointment.id)  \(zone.dateTime(start))"), "\(line)")
            timed += 1
        }
        #expect(timed > 10)
    }

    @Test func listJSONIsTheAPIsDataOfEveryPage() async throws {
        let result = try await CommandRunner.triage(["list", "--demo", "--json"])
        #expect(result.status == 0)
        let appointments = try EngageJSON.decoder().decode([Appointment].self, from: Data(result.stdout.utf8))
        #expect(appointments.count > 25, "more than one page")
        #expect(appointments.allSatisfy { $0.status == .incomingRequest })
        let all = try await CommandRunner.triage(["list", "--demo", "--json", "--all"])
        #expect(try EngageJSON.decoder().decode([Appointment].self, from: Data(all.stdout.utf8)).count == 60)
    }

    @Test func showDemoPrintsEverySection() async throws {
        let result = try await CommandRunner.triage(["show", "1001", "--demo"])
        #expect(result.status == 0)
        for heading in ["Overview", "Participants", "Location", "Answers"] {
            #expect(result.stdout.contains("\n\(heading)\n") || result.stdout.hasPrefix("\(heading)\n"))
        }
        #expect(result.stdout.contains("  ID                    1001\n"))
        let json = try await CommandRunner.triage(["show", "1001", "--demo", "--json"])
        #expect(try EngageJSON.decoder().decode(Appointment.self, from: Data(json.stdout.utf8)).id == "1001")
    }

    @Test func hostileServerTextNeverReachesTheTerminalRaw() async throws {
        let hostile = SandboxSeeder(seed: 1, count: 60, referenceDate: SandboxSeeder.today()).appointments()
            .first { $0.internalNotes?.contains("\u{1B}") == true }
        let result = try await CommandRunner.triage(["show", try #require(hostile).id, "--demo"])
        #expect(result.stdout.contains("␛]0;pwned␇"))
        #expect(!result.stdout.contains("\u{1B}") && !result.stdout.contains("\u{07}") && !result.stdout.contains("\u{202E}"))
    }

    @Test func acceptDemoOfAnAcceptedRequestSaysAlreadyHandled() async throws {
        let result = try await CommandRunner.triage(["accept", "1002", "--demo"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("Already handled: this request is no longer pending (status ACCEPTED)."))
        #expect(result.stderr.contains("APPOINTMENT_STATUS_INVALID · HTTP 422 · correlation "))
        #expect(result.stdout.isEmpty)
    }

    @Test func acceptTwiceAgainstOneTenant() async throws {
        try await withTenant { sandbox, environment in
            let first = try await CommandRunner.triage(["accept", "1001"], environment: environment)
            #expect(first.status == 0, "\(first.stderr)")
            #expect(first.stdout.hasPrefix("Accepted 1001: "))
            #expect(first.stdout.contains("status ACCEPTED"))
            #expect(sandbox.tenant.appointment(id: "1001")?.status == .accepted)

            let second = try await CommandRunner.triage(["accept", "1001", "--json"], environment: environment)
            #expect(second.status == 4)
            #expect(second.stderr.contains("Already handled"))
            #expect(!second.all.contains(Self.secret))
        }
    }

    @Test func exitStatusesNameTheFailure() async throws {
        try await withTenant { sandbox, environment in
            func run(_ arguments: [String], _ extra: [String: String] = [:]) async throws -> CommandRunner.Result {
                let result = try await CommandRunner.triage(arguments, environment: environment.merging(extra) { $1 })
                #expect(!result.all.contains(Self.secret), "the token must never be printed")
                return result
            }
            #expect(try await run(["show", "99999"]).status == 3)
            #expect(try await run(["show", "1001"], ["ENGAGE_TOKEN": "wrong"]).status == 5)
            #expect(try await run(["show", "1001"], ["ENGAGE_TOKEN": ""]).status == 2)
            #expect(try await run(["show", "1001"], ["ENGAGE_BASE_URL": "http://example.com/enterprises/acme"]).status == 2)
            sandbox.faults.script(.show, [.status(500)])
            #expect(try await run(["show", "1001"]).status == 7)
            sandbox.faults.script(.show, [.hang])
            let timedOut = try await run(["show", "1001", "--timeout", "0.3"])
            #expect(timedOut.status == 8 && timedOut.stderr.contains("No answer from the server in time"))
            sandbox.faults.script(.show, [.malformedJSON])
            #expect(try await run(["show", "1001"]).status == 9)
            sandbox.faults.script(.accept, [.connectionReset])
            let unknown = try await run(["accept", "1001"])
            #expect(unknown.status == 10 && unknown.stderr.contains("The server now says INCOMING_REQUEST"))
            sandbox.faults.script(.accept, [.truncatedBody])
            let confirmed = try await run(["accept", "1001"])
            #expect(confirmed.status == 0 && confirmed.stdout.hasPrefix("Accepted 1001"))
            #expect(confirmed.stderr.contains("confirmed by re-reading"))
            #expect(try await run(["list", "--status", "bogus"]).status == 2)
            #expect(try await run(["frobnicate"]).status == 2)
            let before = sandbox.receivedRequests.count
            for arguments in [["accept", ".."], ["accept", "."], ["show", ""]] {
                let refused = try await run(arguments)
                #expect(refused.status == 2 && refused.stderr.contains("Not sent: an appointment id cannot be"), "\(arguments)")
            }
            #expect(sandbox.receivedRequests.count == before, "no request for those ids")
        }
    }

    @Test func numbersOutOfRangeAndBrokenValuesAreRefusedNamingThem() async throws {
        let base = ["ENGAGE_BASE_URL": "http://127.0.0.1:1/enterprises/acme", "ENGAGE_TOKEN": "t"]
        func run(_ arguments: [String], _ extra: [String: String] = [:]) async throws -> CommandRunner.Result {
            try await CommandRunner.triage(arguments, environment: CommandRunner.environment(base.merging(extra) { $1 }))
        }
        for timeout in ["inf", "1e300", "-1", "0", "nan"] {
            let refused = try await run(["show", "1001", "--timeout", timeout])
            #expect(refused.status == 2 && refused.stderr.contains("--timeout"), "\(timeout): \(refused.all)")
            #expect(!refused.stderr.contains("Fatal error") && !refused.stderr.contains("Missing value"))
        }
        for value in ["abc", "inf", "1e300"] {
            let refused = try await run(["show", "1001"], ["ENGAGE_TIMEOUT": value])
            #expect(refused.status == 2 && refused.stderr.contains(value == "abc" ? "ENGAGE_TIMEOUT=abc" : "request timeout"), "\(refused.all)")
        }
        let port = try await run(["show", "1001"], ["ENGAGE_BASE_URL": "http://127.0.0.1:70000/enterprises/acme"])
        #expect(port.status == 2 && port.stderr.contains("port 70000 is not a port"), "\(port.all)")
        let token = try await run(["show", "1001"], ["ENGAGE_TOKEN": "abc\r\nX-Evil: 1"])
        #expect(token.status == 2 && token.stderr.contains("The API token has a line break"), "\(token.all)")
        #expect(!token.all.contains("X-Evil"), "the token is never shown")
        let language = try await run(["show", "1001", "--language", "en\r\nX: y"])
        #expect(language.status == 2 && language.stderr.contains("The language"), "\(language.all)")
        let version = try await run(["--version"])
        #expect(version.status == 0 && version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)
    }

    @Test func statusesAreCompletedInTheShell() async throws {
        let script = try await CommandRunner.triage(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        for status in ["INCOMING_REQUEST", "ACCEPTED", "ALTERNATIVE_DATE_REQUESTED"] {
            #expect(script.stdout.contains(status), "--status <Tab> offers \(status)")
        }
    }

    @Test func aClosedOrFullStandardOutputIsNotACrash() async throws {
        let binary = CommandRunner.productsFolder.appendingPathComponent("engage-triage").path
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("engage-out-\(UUID().uuidString)")
        let environment = CommandRunner.environment(["XDG_STATE_HOME": state.path])
        // The reader stops after a few bytes: the rest of the JSON meets a closed pipe.
        let closed = try await Subprocess.output(
            ["bash", "-c", "\(binary) list --demo --json | head -c 10 >/dev/null; echo \"status=${PIPESTATUS[0]}\""],
            environment: environment)
        #expect(["status=0", "status=141"].contains(closed.trimmingCharacters(in: .whitespacesAndNewlines)), "\(closed)")
        let full = try await Subprocess.output(
            ["bash", "-c", "\(binary) accept 1001 --demo 2>&1 >/dev/full | cat; echo \"status=${PIPESTATUS[0]}\""],
            environment: environment)
        #expect(full.contains("the output could not be written: No space left on device"), "\(full)")
        #expect(full.contains("status=1") && !full.contains("Fatal error"), "\(full)")
        let audit = try String(contentsOf: state.appendingPathComponent("engage-triage/audit.jsonl"), encoding: .utf8)
        #expect(audit.contains("\"outcome\":\"accepted\""), "the accept done was audited before the output failed")
    }

    @Test func tokenFileIsReadAndTrimmed() async throws {
        try await withTenant { _, environment in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
            try Data("  \(Self.secret)\n".utf8).write(to: file)
            var withoutToken = environment
            withoutToken["ENGAGE_TOKEN"] = nil
            let result = try await CommandRunner.triage(["show", "1001", "--token-file", file.path], environment: withoutToken)
            #expect(result.status == 0)
            try Data("\n".utf8).write(to: file)
            let empty = try await CommandRunner.triage(["show", "1001", "--token-file", file.path], environment: withoutToken)
            #expect(empty.status == 2 && empty.stderr.contains("is empty"))
        }
    }

    @Test func sandboxExecutableServesWhatItPrints() async throws {
        let (process, stdout, _) = try CommandRunner.launch(
            "engage-sandbox", ["--port", "0", "--seed", "3", "--appointments", "12", "--token", "tok-123"],
            environment: CommandRunner.environment())
        defer {
            kill(process.pid, SIGTERM)
            _ = process.wait(deadline: .seconds(10))
        }
        var banner = ""
        let started = ContinuousClock.now
        while !banner.contains("Stop with Ctrl-C"), ContinuousClock.now - started < .seconds(30) {
            try await Task.sleep(for: .milliseconds(20))
            banner = (try? String(contentsOf: stdout, encoding: .utf8)) ?? ""
        }
        let baseURL = try #require(banner.split(separator: "\n").first?.split(separator: " ").last.map(String.init))
        #expect(baseURL.hasPrefix("http://127.0.0.1:") && baseURL.hasSuffix("/enterprises/acme"))
        #expect(banner.contains("Token: tok-123"))
        let result = try await CommandRunner.triage(
            ["list", "--all", "--json"],
            environment: CommandRunner.environment(["ENGAGE_BASE_URL": baseURL, "ENGAGE_TOKEN": "tok-123"]))
        #expect(try EngageJSON.decoder().decode([Appointment].self, from: Data(result.stdout.utf8)).count == 12)
    }
}

extension CommandLineTests {
    @Test func aBrokenConfigFileStopsWithItsNameAndKey() async throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("config-\(UUID().uuidString).json")
        try Data(#"{"pageSize": "many"}"#.utf8).write(to: file)
        let result = try await CommandRunner.triage(["list", "--config", file.path, "--demo"])
        #expect(result.status == 2)
        #expect(result.stderr == "engage-triage: \(file.path): \"pageSize\" should be a whole number from 1 to 100, found \"many\".\n")
        let missing = try await CommandRunner.triage(["list", "--config", "/nonexistent/config.json"])
        #expect(missing.status == 2 && missing.stderr.contains("Cannot read the configuration file /nonexistent/config.json"))
    }

    @Test func configFileInXDGHomeIsRead() async throws {
        try await withTenant { sandbox, environment in
            let home = FileManager.default.temporaryDirectory.appendingPathComponent("xdg-\(UUID().uuidString)")
            let folder = home.appendingPathComponent("engage-triage")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let tokenFile = folder.appendingPathComponent("token")
            try Data(Self.secret.utf8).write(to: tokenFile)
            let config = #"{"baseURL": "\#(sandbox.baseURL.absoluteString)", "tokenFile": "\#(tokenFile.path)", "pageSize": 10}"#
            try Data(config.utf8).write(to: folder.appendingPathComponent("config.json"))
            let result = try await CommandRunner.triage(
                ["list", "--json"], environment: CommandRunner.environment(["XDG_CONFIG_HOME": home.path]))
            #expect(result.status == 0, "\(result.stderr)")
            #expect(sandbox.receivedRequests.first?.queryItems.contains { $0 == ("limit", "10") } == true)
        }
    }
}
