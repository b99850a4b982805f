import EngageAPI
import EngageSandbox
import Foundation
import Testing
import TriageCore

/// `reschedule`, `reassign` and `note` through the real binary against a sandbox: what the
/// server did, the exit statuses of accept, the audit lines, an editor round trip, and no write
/// sent twice when its connection is reset.
@Suite("Write commands", .timeLimit(.minutes(3)))
struct WriteCommandsTests {
    /// A sandbox, the environment pointing at it, and the state folder the audit goes to.
    private func withTenant(_ body: (SandboxServer, [String: String], URL) async throws -> Void) async throws {
        let state = FileManager.default.temporaryDirectory.appendingPathComponent("engage-writes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: state) }
        try await SandboxServer.withRunning { sandbox in
            try await body(sandbox, CommandRunner.environment([
                "ENGAGE_BASE_URL": sandbox.baseURL.absoluteString, "ENGAGE_TOKEN": SandboxConfiguration.demoToken,
                "XDG_STATE_HOME": state.path,
            ]), state)
        }
    }

    /// `2026-12-14T10:00`-style local (UTC: the runner's TZ) text of `date`.
    private func local(_ date: Date) -> String { String(Timestamp.format(date).prefix(16)) }

    private func slot(for id: String, in sandbox: SandboxServer, free: Bool) throws -> (start: Date, end: Date) {
        try #require(SandboxSlots.slot(for: id, in: sandbox, free: free))
    }

    @Test func rescheduleIntoAFreeSlotAndIntoABusyOneWithTheirAuditLines() async throws {
        try await withTenant { sandbox, environment, state in
            let free = try slot(for: "1001", in: sandbox, free: true)
            let moved = try await CommandRunner.triage(
                ["reschedule", "1001", "--start", local(free.start), "--end", local(free.end), "--message-for-customer", "See you"],
                environment: environment)
            #expect(moved.status == 0, "\(moved.stderr)")
            #expect(moved.stdout.hasPrefix("Rescheduled 1001: "), "\(moved.stdout)")
            let now = try #require(sandbox.tenant.appointment(id: "1001"))
            #expect(now.start == free.start && now.end == free.end && now.messageForCustomer == "See you")

            let busy = try slot(for: "1001", in: sandbox, free: false)
            let refused = try await CommandRunner.triage(
                ["reschedule", "1001", "--start", local(busy.start) + "Z", "--end", local(busy.end) + "+00:00"], environment: environment)
            #expect(refused.status == 4)
            #expect(refused.stderr.contains("No colleague is free at that time.") && refused.stderr.contains("APPOINTMENT_NO_AVAILABILITY"))
            #expect(sandbox.tenant.appointment(id: "1001")?.start == free.start, "nothing changed")

            let records = try AuditTrail.records(inStateHome: state)
            #expect(records.map { $0["outcome"] ?? "" } == ["sent", "rescheduled", "sent", "rejected"])
            #expect(records.allSatisfy { $0["action"] == "reschedule" && $0["appointmentId"] == "1001" })
            #expect(records[0]["change"] == "\(Timestamp.format(free.start))/\(Timestamp.format(free.end))")
            #expect(records[3]["code"] == "APPOINTMENT_NO_AVAILABILITY")
            #expect(records[0]["correlationId"] == records[1]["correlationId"] && records[2]["correlationId"] == records[3]["correlationId"])
            #expect(!records.contains { $0.values.contains { $0.contains("See you") } }, "no message for the customer on disk")
        }
    }

    @Test func aWriteWhoseAuditLineCannotBeWrittenIsNotSentAndSaysWhy() async throws {
        try await withTenant { sandbox, environment, state in
            // A file where the state folder should be.
            let blocker = state.appendingPathComponent("engage-triage")
            try FileManager.default.createDirectory(at: state, withIntermediateDirectories: true)
            try Data().write(to: blocker)
            let result = try await CommandRunner.triage(["accept", "1001"], environment: environment)
            #expect(result.status == 1, "\(result.stderr)")
            #expect(result.stderr.contains(
                "Not sent: the audit trail cannot be written (\(blocker.path): File exists)"), "\(result.stderr)")
            #expect(!sandbox.receivedRequests.contains { $0.method == "POST" })
            #expect(sandbox.tenant.appointment(id: "1001")?.status == .incomingRequest)
            // A file the trail cannot be appended to: a folder in its place.
            try FileManager.default.removeItem(at: blocker)
            try FileManager.default.createDirectory(at: blocker.appendingPathComponent("audit.jsonl"), withIntermediateDirectories: true)
            let again = try await CommandRunner.triage(["accept", "1001"], environment: environment)
            #expect(again.status == 1 && again.stderr.contains(
                "Not sent: the audit trail cannot be written (\(blocker.path)/audit.jsonl: Is a directory)"), "\(again.stderr)")
            #expect(!sandbox.receivedRequests.contains { $0.method == "POST" })
        }
    }

    @Test func anAcceptThatReachesNoServerIsNotSentAndSaysSo() async throws {
        try await withTenant { _, environment, state in
            // Port 1 on loopback: nothing listens there, so every connection is refused.
            let result = try await CommandRunner.triage(
                ["accept", "1001"], environment: environment.merging(["ENGAGE_BASE_URL": "http://127.0.0.1:1/enterprises/acme"]) { $1 })
            #expect(result.status == 8, "network, not 10 (outcome unknown): \(result.stderr)")
            #expect(result.stderr.contains("Not sent: Could not reach the server: the connection was refused."), "\(result.stderr)")
            let records = try AuditTrail.records(inStateHome: state)
            #expect(records.map { $0["outcome"] ?? "" } == ["sent", "not-sent"])
            #expect(records[0]["correlationId"] == records[1]["correlationId"])
        }
    }

    @Test func timesThatCannotBeSentAreRefusedBeforeAnythingLeaves() async throws {
        try await withTenant { sandbox, environment, _ in
            for (start, end) in [("2026-12-14T10:00", "2026-12-14T09:00"), ("2020-01-06T10:00", "2020-01-06T11:00"),
                                 ("14/12/2026 10:00", "2026-12-14T11:00"), ("2026-03-29T02:30", "2026-03-29T03:30")] {
                let result = try await CommandRunner.triage(
                    ["reschedule", "1001", "--start", start, "--end", end],
                    environment: environment.merging(["TZ": "Europe/Amsterdam"]) { $1 })
                #expect(result.status == 2, "\(start)–\(end): \(result.stderr)")
                #expect(result.stderr.contains("Not sent: "), "\(result.stderr)")
            }
            #expect(!sandbox.receivedRequests.contains { $0.method == "POST" })
        }
    }

    @Test func reassignToAColleagueAndToOneWhoIsNotThere() async throws {
        try await withTenant { sandbox, environment, state in
            let before = try #require(sandbox.tenant.appointment(id: "1001")?.primaryEmployee?.participant.id)
            let colleague = before == "7002" ? "7003" : "7002"
            let moved = try await CommandRunner.triage(["reassign", "1001", "--employee", colleague, "--json"], environment: environment)
            #expect(moved.status == 0, "\(moved.stderr)")
            let answer = try EngageJSON.decoder().decode(Appointment.self, from: Data(moved.stdout.utf8))
            #expect(answer.primaryEmployee?.participant.id == colleague)
            #expect(sandbox.tenant.appointment(id: "1001")?.primaryEmployee?.participant.id == colleague)
            let unknown = try await CommandRunner.triage(["reassign", "1001", "--employee", "99999"], environment: environment)
            #expect(unknown.status == 4 && unknown.stderr.contains("APPOINTMENT_PRIMARY_EMPLOYEE_MISSING"))
            let same = try await CommandRunner.triage(["reassign", "1001", "--employee", colleague], environment: environment)
            #expect(same.status == 4 && same.stderr.contains("That colleague takes part in it already."), "\(same.stderr)")
            let records = try AuditTrail.records(inStateHome: state)
            #expect(records.map { $0["outcome"] ?? "" } == ["sent", "reassigned", "sent", "rejected", "sent", "rejected"])
            #expect(records[0]["action"] == "reassign" && records[0]["change"] == "employee \(colleague)")
        }
    }

    @Test func noteThroughTheEditorAppendSetAndAnUnchangedNoteSendsNothing() async throws {
        try await withTenant { sandbox, environment, state in
            let scratch = state.appendingPathComponent("editor")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            // The editor records the file's path and mode, then adds a line, as a user would.
            let editor = scratch.appendingPathComponent("editor.sh")
            try """
                #!/bin/sh
                echo "$1" > '\(scratch.path)/path'
                stat -c %a "$1" > '\(scratch.path)/mode'
                stat -c %a "$(dirname "$1")" > '\(scratch.path)/folder-mode'
                printf 'Called back, will confirm Monday.\\n' >> "$1"
                """.write(to: editor, atomically: true, encoding: .utf8)
            chmod(editor.path, 0o700)
            let before = sandbox.tenant.appointment(id: "1001")?.internalNotes ?? ""
            let edited = try await CommandRunner.triage(
                ["note", "1001", "--edit"], environment: environment.merging(["EDITOR": "/bin/sh '\(editor.path)'", "VISUAL": ""]) { $1 })
            #expect(edited.status == 0, "\(edited.stderr)")
            #expect(edited.stdout.hasPrefix("Note saved on 1001: "))
            #expect(sandbox.tenant.appointment(id: "1001")?.internalNotes == before + "Called back, will confirm Monday.")
            let path = try String(contentsOf: scratch.appendingPathComponent("path"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(try String(contentsOf: scratch.appendingPathComponent("mode"), encoding: .utf8).hasPrefix("600"))
            #expect(try String(contentsOf: scratch.appendingPathComponent("folder-mode"), encoding: .utf8).hasPrefix("700"))
            #expect(!FileManager.default.fileExists(atPath: path) && !FileManager.default.fileExists(atPath: (path as NSString).deletingLastPathComponent),
                    "the temporary file and its folder are gone")

            let patches = { sandbox.receivedRequests.filter { $0.method == "PATCH" }.count }
            let unchanged = try await CommandRunner.triage(["note", "1001", "--edit"], environment: environment.merging(["EDITOR": "true"]) { $1 })
            #expect(unchanged.status == 0 && unchanged.stderr.contains("nothing sent: the note of 1001 is unchanged."))
            #expect(patches() == 1, "an unchanged note sends nothing")
            let failing = try await CommandRunner.triage(["note", "1001", "--edit"], environment: environment.merging(["EDITOR": "false"]) { $1 })
            #expect(failing.status == 1 && failing.stderr.contains("ended with status 1; nothing was saved"), "\(failing.stderr)")

            let appended = try await CommandRunner.triage(["note", "1001", "--append", "Second line"], environment: environment)
            #expect(appended.status == 0)
            #expect(sandbox.tenant.appointment(id: "1001")?.internalNotes?.hasSuffix("Monday.\nSecond line") == true)
            let cleared = try await CommandRunner.triage(["note", "1001", "--set", ""], environment: environment)
            #expect(cleared.status == 0 && sandbox.tenant.appointment(id: "1001")?.internalNotes == nil)
            let neither = try await CommandRunner.triage(["note", "1001"], environment: environment)
            #expect(neither.status == 2 && neither.stderr.contains("give one of --set TEXT, --append TEXT or --edit"))
            let records = try AuditTrail.records(inStateHome: state)
            #expect(records.filter { $0["outcome"] == "noted" }.count == 3 && records.allSatisfy { $0["action"] == "note" })
            #expect(!records.contains { $0.values.contains { $0.contains("Called back") } }, "the note's text is never on disk")
        }
    }

    @Test(arguments: ["reschedule", "reassign", "update"])
    func aWriteWhoseConnectionIsResetIsNotSentAgain(endpoint: String) async throws {
        try await withTenant { sandbox, environment, state in
            let kind = try #require(SandboxEndpoint(rawValue: endpoint))
            sandbox.faults.script(kind, [.connectionReset])
            let free = try slot(for: "1001", in: sandbox, free: true)
            let arguments: [String] = switch kind {
            case .reschedule: ["reschedule", "1001", "--start", local(free.start), "--end", local(free.end)]
            case .reassign: ["reassign", "1001", "--employee", sandbox.tenant.appointment(id: "1001")?.primaryEmployee?.participant.id == "7002" ? "7003" : "7002"]
            default: ["note", "1001", "--set", "Reset on the way"]
            }
            let result = try await CommandRunner.triage(arguments, environment: environment)
            let method = kind == .update ? "PATCH" : "POST"
            let sent = sandbox.receivedRequests.filter { $0.method == method && !$0.path.hasSuffix("/accept") }
            #expect(sent.count == 1, "\(endpoint) was sent \(sent.count) times")
            // The reset came before the server acted: the re-read shows it not done.
            #expect(result.status == 10, "\(result.stderr)")
            #expect(result.stderr.contains("may not have gone through") && result.stderr.contains("The server now says"))
            #expect(try AuditTrail.records(inStateHome: state).last?["outcome"] == "unknown")
        }
    }
}
