import EngageAPI
import EngageSandbox
import Foundation
import SpawnSupport

/// Whole `show --json` and `accept --json` processes against the sandbox, next to curl doing the
/// same request, alternating runs: over plain http and over https (the sandbox serving the test
/// certificate, which both trust through a CA file).
enum ProcessBenchmarks {
    static func compareWithCurl(runs: Int) async throws {
        Report.section("Whole processes against the sandbox vs curl (alternating, \(runs) runs each, median wall time)")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/curl") else {
            Report.figure("curl", "not installed; skipped")
            return
        }
        try await compare(runs: runs, tls: nil)
        guard let certificate = Fixtures.testCertificate else {
            Report.figure("https", "the test certificate (Tests/EngageAPITests/TLS) is not here; skipped")
            return
        }
        try await compare(runs: runs, tls: certificate)
    }

    private static func compare(runs: Int, tls: Fixtures.TestCertificate?) async throws {
        var configuration = SandboxConfiguration(appointmentCount: max(200, runs * 4))
        configuration.tls = tls.map { ($0.certificatePEM, $0.privateKeyPEM) }
        try await SandboxServer.withRunning(configuration) { sandbox in
            let token = sandbox.configuration.token
            var settings = ["ENGAGE_BASE_URL": sandbox.baseURL.absoluteString, "ENGAGE_TOKEN": token]
            var trust: [String] = []
            if let tls {
                settings["ENGAGE_CA_FILE"] = tls.certificatePath
                trust = ["--cacert", tls.certificatePath]
            }
            let environment = Fixtures.environment(settings)
            let scheme = tls == nil ? "http" : "https"
            var pending = sandbox.tenant.appointments.filter { $0.status == .incomingRequest }.map(\.id).makeIterator()
            func curl(_ method: String, _ path: String) -> [String] {
                ["/usr/bin/curl", "-sS", "-X", method] + trust
                    + ["-H", "Authorization: Bearer \(token)", "-H", "Accept-Language: en *",
                       "-H", "X-Correlation-Id: \(UUID().uuidString.lowercased())", sandbox.baseURL.absoluteString + path]
            }
            let cases: [(String, () -> ([String], [String]))] = [
                ("show ID --json", { ([Fixtures.triageBinary, "show", "1001", "--json"], curl("GET", "/appointments/1001")) }),
                ("accept ID --json", {
                    let ours = pending.next() ?? "1001"
                    let theirs = pending.next() ?? "1001"
                    return ([Fixtures.triageBinary, "accept", ours, "--json"], curl("POST", "/appointments/\(theirs)/_actions/accept"))
                }),
            ]
            for (name, next) in cases {
                var ours: [Double] = []
                var theirs: [Double] = []
                for _ in 0..<runs {
                    let (triage, curlCommand) = next()
                    ours.append(try time(triage, environment: environment))
                    theirs.append(try time(curlCommand, environment: environment))
                }
                let ratio = Report.percentile(ours, 0.5) / max(0.001, Report.percentile(theirs, 0.5))
                Report.figure("\(name) over \(scheme)", "\(Report.format(Report.percentile(ours, 0.5), 1)) ms vs curl "
                    + "\(Report.format(Report.percentile(theirs, 0.5), 1)) ms = \(Report.format(ratio))x",
                              target: "<= 1.5x", met: ratio <= 1.5)
            }
        }
    }

    /// Wall time of one process run to exit, output discarded.
    private static func time(_ command: [String], environment: [String: String]) throws -> Double {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        let started = ContinuousClock.now
        let pid = try CleanSpawn.start(command, environment: environment, actions: &actions)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return Report.milliseconds(ContinuousClock.now - started)
    }
}
