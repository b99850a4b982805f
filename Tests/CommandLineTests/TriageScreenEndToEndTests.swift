import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// The real `engage-triage` binary in a real terminal (tmux) against the sandbox over loopback.
@Suite("Triage screen end to end", .serialized)
struct TriageScreenEndToEndTests {
    private static let token = "e2e-secret-token-77"
    private static let binary = CommandRunner.productsFolder.appendingPathComponent("engage-triage").path

    private func environment(_ sandbox: SandboxServer, state: URL? = nil) -> [String: String] {
        var environment = CommandRunner.environment([
            "ENGAGE_BASE_URL": sandbox.baseURL.absoluteString, "ENGAGE_TOKEN": Self.token,
            "TERM": "xterm-256color",
        ])
        if let state { environment["XDG_STATE_HOME"] = state.path }
        return environment
    }

    /// Presses `a`, waits for the question naming `id`, answers `y`.
    private func confirmAccept(_ id: String, in tmux: TmuxSession) throws {
        try tmux.send("a")
        try tmux.waitFor("Accept \(id) ·")
        try tmux.send("y")
    }

    @Test func triageARequestFromOpenToQuit() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(token: Self.token)) { sandbox in
            let pending = sandbox.tenant.appointments.filter { $0.status == .incomingRequest }
            let first = pending[0]
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("engage-e2e-state-\(UUID().uuidString)")
            let tmux = try TmuxSession(width: 120, height: 40, environment: environment(sandbox, state: state))
            try tmux.run(Self.binary)
            try tmux.waitFor("\(pending.count) loaded")
            try tmux.waitFor("│ \(first.id) · INCOMING")

            // Move, and the detail follows the selection; the hostile note cannot retitle the pane.
            try tmux.send("j")
            try tmux.waitFor("│ \(pending[1].id) · INCOMING")
            #expect(!(try tmux.display("#{pane_title}")).contains("pwned"))
            try tmux.send("k")
            try tmux.waitFor("│ \(first.id) · INCOMING")

            // Open the details and walk the sections.
            try tmux.send("Enter", "2")
            try tmux.waitFor("1. PRIMARY CUSTOMER")
            try tmux.send("3")
            try tmux.waitFor("Geolocation")
            try tmux.send("4")
            try tmux.waitFor("SUBJECT_QUESTIONNAIRE · form 20")
            try tmux.send("Escape")

            // Accept: confirm, see the server's answer.
            try confirmAccept(first.id, in: tmux)
            let accepted = try tmux.waitFor("Accepted \(first.id) ·")
            #expect(accepted.contains("status ACCEPTED") && accepted.contains("correlation "))
            #expect(accepted.split(separator: "\n")[2].contains("ACCEPTED"), "the row's badge reads ACCEPTED")
            #expect(sandbox.tenant.appointment(id: first.id)?.status == .accepted)
            try tmux.send("2")
            try tmux.waitFor("1. PRIMARY CUSTOMER  \(first.appointmentParticipants[0].participant.id)")

            // Accept it again: the server refuses, the banner says why.
            try confirmAccept(first.id, in: tmux)
            let refused = try tmux.waitFor("APPOINTMENT_STATUS_INVALID")
            #expect(refused.contains("Already handled: this request is no longer pending (status ACCEPTED)."))
            try tmux.send("Escape")
            try tmux.waitUntil("the banner to go") { !$0.contains("APPOINTMENT_STATUS_INVALID") }
            #expect(sandbox.receivedRequests.filter { $0.method == "POST" }.count == 2)
            let audit = try String(contentsOf: state.appendingPathComponent("engage-triage/audit.jsonl"), encoding: .utf8)
            #expect(audit.split(separator: "\n").map { $0.contains("\"outcome\":\"accepted\"") } == [true, false])
            #expect(audit.contains("\"outcome\":\"rejected\"") && audit.contains("APPOINTMENT_STATUS_INVALID"))

            // Resize: the panes stack at 80x24 and sit side by side again at 120x40.
            try tmux.resize(width: 80, height: 24)
            try tmux.waitUntil("the 80x24 layout") { $0.contains("CREATED BY") && !$0.contains("│ 1 Overview") }
            try tmux.resize(width: 120, height: 40)
            try tmux.waitFor("│ 1 Overview")

            // Quit, and the shell works as before.
            try tmux.send("q")
            try tmux.waitUntil("the shell prompt") { !$0.contains("pending requests") && $0.contains("bash-") }
            try tmux.run("echo after-quit-$((40 + 2))")
            try tmux.waitFor("after-quit-42")
            let all = try tmux.capture()
            #expect(!all.contains(Self.token))
        }
    }

    @Test(arguments: [("C-c", 0), ("TERM", 0), ("HUP", 0), ("SEGV", 139)])
    func signalsRestoreTheTerminal(ending: String, exitStatus: Int) async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(token: Self.token)) { sandbox in
            let tmux = try TmuxSession(width: 100, height: 30, environment: environment(sandbox))
            try tmux.run(Self.binary + "; echo exit-status-$?")
            try tmux.waitFor("loaded")
            if ending == "C-c" {
                try tmux.send("C-c")
            } else {
                let shell = try tmux.display("#{pane_pid}")
                _ = try Subprocess(["pkill", "-\(ending)", "-P", shell, "engage-triage"], environment: CommandRunner.environment())
                    .wait(deadline: .seconds(10))
            }
            try tmux.waitFor("exit-status-\(exitStatus)")
            try tmux.run("echo typed-after")
            let screen = try tmux.waitFor("typed-after\n")
            #expect(!screen.contains("pending requests"), "the alternate screen is gone")
        }
    }

    @Test func demoOpensWithoutAnyConfiguration() async throws {
        let tmux = try TmuxSession(width: 80, height: 24, environment: CommandRunner.environment(["TERM": "xterm-256color"]))
        try tmux.run(Self.binary + " --demo --read-only")
        let screen = try tmux.waitFor("loaded")
        #expect(screen.contains("engage-triage · demo · pending requests"))
        #expect(screen.contains("read-only"))
        try tmux.send("a")
        try tmux.waitFor("Read-only: accepting is disabled")
        try tmux.send("q")
        try tmux.waitUntil("the shell prompt") { !$0.contains("pending requests") }
    }
}
