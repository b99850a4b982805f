import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// Credentials (OAuth2, token command, files), the log and the audit trail, through the real binary.
@Suite("Credentials, log and audit trail", .timeLimit(.minutes(2)))
struct CredentialsAndRecordsTests {
    private static let clientSecret = "cli-client-secret-9d2e"

    /// A sandbox with its own client secret and a fresh state folder for the binary's log and audit.
    private func withTenant(
        _ body: (SandboxServer, [String: String], URL) async throws -> Void
    ) async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("engage-state-\(UUID().uuidString)")
        try await SandboxServer.withRunning(SandboxConfiguration(clientSecret: Self.clientSecret)) { sandbox in
            try await body(sandbox, CommandRunner.environment([
                "ENGAGE_BASE_URL": sandbox.baseURL.absoluteString, "XDG_STATE_HOME": state.path,
            ]), state.appendingPathComponent("engage-triage"))
        }
    }

    @Test func clientCredentialsFromTheEnvironmentSignInAndTheSecretsStayHidden() async throws {
        try await withTenant { sandbox, environment, stateFolder in
            let oauth = environment.merging([
                "ENGAGE_CLIENT_ID": SandboxConfiguration.demoClientID, "ENGAGE_CLIENT_SECRET": Self.clientSecret,
            ]) { $1 }
            let listed = try await CommandRunner.triage(["list", "--json", "--debug"], environment: oauth)
            #expect(listed.status == 0, "\(listed.stderr)")
            #expect(sandbox.tokens.issuedCount == 1, "one token for every page")
            let accepted = try await CommandRunner.triage(["accept", "1001"], environment: oauth)
            #expect(accepted.status == 0)

            let issuedToken = try #require(sandbox.receivedRequests.last?.headers["authorization"]).dropFirst("Bearer ".count)
            let log = try String(contentsOf: stateFolder.appendingPathComponent("engage-triage.log"), encoding: .utf8)
            let audit = try String(contentsOf: stateFolder.appendingPathComponent("audit.jsonl"), encoding: .utf8)
            for text in [listed.all, accepted.all, log, audit] {
                #expect(!text.contains(Self.clientSecret) && !text.contains(issuedToken))
            }
            // Every request is in the log with method, path, status, duration and correlation id.
            let acceptLine = try #require(log.split(separator: "\n").first { $0.contains("POST /appointments/1001/_actions/accept") })
            #expect(acceptLine.contains("→ 200 in ") && acceptLine.contains(" ms") && acceptLine.contains("correlation-id="))
            #expect(log.contains("GET /appointments → 200"))
        }
    }

    @Test func wrongClientSecretIsANamedSignInFailure() async throws {
        try await withTenant { _, environment, _ in
            let result = try await CommandRunner.triage(["list"], environment: environment.merging([
                "ENGAGE_CLIENT_ID": SandboxConfiguration.demoClientID, "ENGAGE_CLIENT_SECRET": "not-it",
            ]) { $1 })
            #expect(result.status == 5)
            #expect(result.stderr.contains("the token endpoint refused the client credentials of sandbox-client"))
            #expect(!result.all.contains("not-it"))
        }
    }

    @Test func aClientIdWithoutSecretIsAConfigurationError() async throws {
        try await withTenant { _, environment, _ in
            let result = try await CommandRunner.triage(
                ["list"], environment: environment.merging(["ENGAGE_CLIENT_ID": "someone"]) { $1 })
            #expect(result.status == 2)
            #expect(result.stderr.contains("The client id someone has no secret"))
        }
    }

    @Test func tokenCommandPrintsTheToken() async throws {
        try await withTenant { sandbox, environment, _ in
            let ok = try await CommandRunner.triage(["show", "1001"], environment: environment.merging([
                "ENGAGE_TOKEN_COMMAND": "printf '%s\\n' \(sandbox.configuration.token)",
            ]) { $1 })
            #expect(ok.status == 0, "\(ok.stderr)")
            let failing = try await CommandRunner.triage(["show", "1001"], environment: environment.merging([
                "ENGAGE_TOKEN_COMMAND": "exit 3",
            ]) { $1 })
            #expect(failing.status == 2 && failing.stderr.contains("The token command exited with status 3."))
        }
    }

    @Test func tokenCommandOutputGoesThroughAPipeIsBoundedAndATimeoutEndsItsChildrenToo() async throws {
        try await withTenant { sandbox, environment, _ in
            // No temporary file that another local user could open: TMPDIR stays empty.
            let temporary = FileManager.default.temporaryDirectory.appendingPathComponent("engage-tmp-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
            let ok = try await CommandRunner.triage(["show", "1001"], environment: environment.merging([
                "ENGAGE_TOKEN_COMMAND": "printf '%s\\n' \(sandbox.configuration.token)", "TMPDIR": temporary.path,
            ]) { $1 })
            #expect(ok.status == 0, "\(ok.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)

            let endless = try await CommandRunner.triage(["show", "1001"], environment: environment.merging([
                "ENGAGE_TOKEN_COMMAND": "yes",
            ]) { $1 }, deadline: .seconds(20))
            #expect(endless.status == 2 && endless.stderr.contains("The token command printed more than 64 KB"), "\(endless.all)")

            let pidFile = temporary.appendingPathComponent("child.pid")
            let slow = try await CommandRunner.triage(["show", "1001", "--timeout", "1"], environment: environment.merging([
                "ENGAGE_TOKEN_COMMAND": "sleep 60 & echo $! > \(pidFile.path); wait",
            ]) { $1 }, deadline: .seconds(20))
            #expect(slow.status == 2 && slow.stderr.contains("The token command did not finish within"), "\(slow.all)")
            let child = try #require(Int32(String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
            let deadline = ContinuousClock.now + .seconds(5)
            while Self.isRunning(child), ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
            #expect(!Self.isRunning(child), "the command's own child is ended with it")
        }
    }

    @Test func aTokenCommandInAConfigurationOthersCanChangeIsRefused() async throws {
        try await withTenant { sandbox, environment, _ in
            let config = FileManager.default.temporaryDirectory.appendingPathComponent("engage-config-\(UUID().uuidString).json")
            try Data(#"{"tokenCommand": "printf '%s' \#(sandbox.configuration.token)"}"#.utf8).write(to: config)
            for mode in [0o666, 0o620] {
                try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: config.path)
                let refused = try await CommandRunner.triage(["show", "1001", "--config", config.path], environment: environment)
                #expect(refused.status == 2, "\(refused.all)")
                #expect(refused.stderr.contains("\(config.path) holds a tokenCommand but others can change it"))
                #expect(refused.stderr.contains("run chmod 600 \(config.path)"))
            }
            #expect(!sandbox.receivedRequests.contains { $0.path.contains("/appointments") }, "nothing was run or sent")
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: config.path)
            let ok = try await CommandRunner.triage(["show", "1001", "--config", config.path], environment: environment)
            #expect(ok.status == 0, "\(ok.all)")
        }
    }

    /// Whether `pid` is a live process (not gone, not a zombie waiting for its parent).
    private static func isRunning(_ pid: Int32) -> Bool {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let state = stat.split(separator: ")").last?.split(separator: " ").first
        else { return false }
        return state != "Z"
    }

    @Test func secretFilesReadableByOthersGetAWarning() async throws {
        try await withTenant { sandbox, environment, _ in
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("token-\(UUID().uuidString)")
            try Data(sandbox.configuration.token.utf8).write(to: file)
            try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: file.path)
            let loose = try await CommandRunner.triage(["show", "1001", "--token-file", file.path], environment: environment)
            #expect(loose.status == 0)
            #expect(loose.stderr.contains("warning: \(file.path) can be read by others (mode 644); run chmod 600"))
            try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
            let tight = try await CommandRunner.triage(["show", "1001", "--token-file", file.path], environment: environment)
            #expect(!tight.stderr.contains("warning"))
        }
    }

    @Test func everyAcceptAttemptIsAuditedAccepteRejectedOrUnknown() async throws {
        try await withTenant { sandbox, environment, stateFolder in
            let withToken = environment.merging(["ENGAGE_TOKEN": sandbox.configuration.token, "USER": "triage-tester"]) { $1 }
            _ = try await CommandRunner.triage(["accept", "1001"], environment: withToken)
            _ = try await CommandRunner.triage(["accept", "1001"], environment: withToken)
            sandbox.faults.script(.accept, [.connectionReset])
            _ = try await CommandRunner.triage(["accept", "1009"], environment: withToken)
            let all = try AuditTrail.records(inStateHome: stateFolder.deletingLastPathComponent())
            // Each accept: its intent before it left, then its outcome, with the same correlation id.
            let intents = all.filter { $0["outcome"] == "sent" }
            let records = all.filter { $0["outcome"] != "sent" }
            #expect(intents.map { $0["appointmentId"] } == ["1001", "1001", "1009"])
            #expect(intents.map { $0["correlationId"] } == records.map { $0["correlationId"] })
            #expect(all.map { $0["outcome"] == "sent" } == [true, false, true, false, true, false])
            #expect(records.count == 3)
            #expect(records.map { $0["outcome"] } == ["accepted", "rejected", "unknown"])
            #expect(records.map { $0["appointmentId"] } == ["1001", "1001", "1009"])
            #expect(records[1]["code"] == "APPOINTMENT_STATUS_INVALID" && records[1]["status"] == "ACCEPTED")
            #expect(records[2]["status"] == "INCOMING_REQUEST")
            #expect(records.allSatisfy { $0["user"] == "triage-tester" && $0["enterprise"] == "acme" })
            #expect(records.allSatisfy { UUID(uuidString: $0["correlationId"] ?? "") != nil })
            #expect(records.allSatisfy { Timestamp.parse($0["time"] ?? "") != nil })
        }
    }

    @Test func doctorChecksEveryStep() async throws {
        try await withTenant { sandbox, environment, _ in
            let good = try await CommandRunner.triage(
                ["doctor"], environment: environment.merging(["ENGAGE_TOKEN": sandbox.configuration.token]) { $1 })
            #expect(good.status == 0, "\(good.all)")
            for step in ["configuration", "tenant", "credentials", "connection", "read"] {
                #expect(good.stdout.contains("ok      \(step):"))
            }
            let bad = try await CommandRunner.triage(["doctor"], environment: environment.merging(["ENGAGE_TOKEN": "nope"]) { $1 })
            #expect(bad.status == 5)
            #expect(bad.stdout.contains("failed  connection: Not signed in"))
            #expect(bad.stdout.contains("hint: check the token"))
        }
    }

    @Test func doctorNamesTheProxyAndWhyItFailed() async throws {
        // Nothing listens on port 1: the proxy refuses every connection.
        let result = try await CommandRunner.triage(["doctor"], environment: CommandRunner.environment([
            "ENGAGE_BASE_URL": "https://engage.example.test/enterprises/acme", "ENGAGE_TOKEN": "t",
            "https_proxy": "http://me:secret@127.0.0.1:1",
        ]))
        #expect(result.status == 8, "\(result.all)")
        #expect(result.stdout.contains("ok      tenant: https://engage.example.test/enterprises/acme (through the proxy 127.0.0.1:1)"))
        #expect(result.stdout.contains("failed  connection: Could not reach the server: the connection was refused."))
        #expect(!result.all.contains("secret"))
    }
}
