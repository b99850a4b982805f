import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// `t`, `o` and `n` through the real binary in tmux at 80x24 against the sandbox: what the
/// server did, what the screen shows of it, the audit lines.
extension TriageScreenEndToEndTests {
    /// `2026-12-14` and `10:00` of `date` in UTC (the tests' TZ).
    private func dayAndTime(_ date: Date) -> (String, String) {
        let text = Timestamp.format(date)
        return (String(text.prefix(10)), String(text.dropFirst(11).prefix(5)))
    }

    /// In the `t` form: `text` typed over the focused field's, then Tab to the next.
    private func fill(_ text: String, _ tmux: TmuxSession) async throws {
        try await tmux.command("send-keys", "-t", "main", "-l", text)
        try await tmux.send("Tab")
    }

    /// Opens `t` on the selected request, proposes `slot` and answers the question.
    @discardableResult
    private func propose(_ slot: (start: Date, end: Date), for id: String, in tmux: TmuxSession) async throws -> String {
        try await tmux.send("t")
        try await tmux.waitFor("Propose another time")
        let (day, time) = dayAndTime(slot.start)
        try await fill(day, tmux)
        try await fill(time, tmux)
        try await fill(String(Int(slot.end.timeIntervalSince(slot.start) / 60)), tmux)
        let form = try await tmux.waitFor("New       ")
        try await tmux.send("Enter")
        try await tmux.waitFor("Reschedule to ")
        try await tmux.send("y")
        return form
    }

    @Test func rescheduleIntoAFreeSlotAndIntoABusyOneAt80x24() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(token: Self.token)) { sandbox in
            let target = Self.shownPending(sandbox)[0]
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("engage-e2e-writes-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: state) }
            let tmux = try await TmuxSession.start(width: 80, height: 24, environment: environment(sandbox, state: state))
            try await tmux.run(Self.binary)
            try await tmux.waitFor("loaded")
            let free = try #require(SandboxSlots.slot(for: target.id, in: sandbox, free: true))
            try await propose(free, for: target.id, in: tmux)
            try await tmux.waitFor("Rescheduled \(target.id) · ")
            #expect(sandbox.tenant.appointment(id: target.id)?.start == free.start)
            #expect(sandbox.tenant.appointment(id: target.id)?.end == free.end)

            // The row moved in the start order; the cursor stayed on it.
            let busy = try #require(SandboxSlots.slot(for: target.id, in: sandbox, free: false))
            try await propose(busy, for: target.id, in: tmux)
            let refused = try await tmux.waitFor("No colleague is free at that time.")
            #expect(refused.contains("APPOINTMENT_NO_AVAILABILITY"), "\(refused)")
            #expect(sandbox.tenant.appointment(id: target.id)?.start == free.start, "nothing changed")
            // `t` again opens what was typed.
            try await tmux.send("Escape", "t")
            try await tmux.waitFor("Start     \(dayAndTime(busy.start).1)")
            try await tmux.send("Escape", "y", "q")
            try await tmux.waitForTheShell()
            let records = try AuditTrail.records(inStateHome: state)
            #expect(records.map { $0["outcome"] ?? "" } == ["sent", "rescheduled", "sent", "rejected"])
            #expect(records.allSatisfy { $0["action"] == "reschedule" })
        }
    }

    @Test func reassignToAColleagueAndTheParticipantsPaneNamesThemAt80x24() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(token: Self.token)) { sandbox in
            let target = Self.shownPending(sandbox)[0]
            let holder = target.primaryEmployee?.participant.id
            let colleague = try #require(SandboxDirectory.employeeIDs.compactMap { SandboxDirectory.employee(id: $0, languages: [.en]) }
                .first { $0.id != holder && $0.status == .active && SandboxDirectory.roles(of: $0.id).contains("AGENT") && $0.id != "7013" })
            let name = try #require(colleague.displayName?.text)
            let tmux = try await TmuxSession.start(width: 80, height: 24, environment: environment(sandbox))
            try await tmux.run(Self.binary)
            try await tmux.waitFor("loaded")
            try await tmux.send("o")
            try await tmux.waitFor("Hand \(target.id)")
            try await tmux.send("/")
            try await tmux.command("send-keys", "-t", "main", "-l", colleague.id)
            try await tmux.waitFor("/\(colleague.id)_")
            // As a user would: Enter once the colleagues are read (the picker says "Reading the
            // colleagues…" until then, and an Enter on an empty picker picks no one).
            try await tmux.waitFor("│ \(name) ")
            try await tmux.send("Enter", "Enter")
            try await tmux.waitFor("Message for the customer")
            try await tmux.command("send-keys", "-t", "main", "-l", "We will call you")
            try await tmux.send("Enter")
            try await tmux.waitFor("Hand to \(name)")
            try await tmux.send("y")
            try await tmux.waitFor("Reassigned \(target.id) · ")
            #expect(sandbox.tenant.appointment(id: target.id)?.primaryEmployee?.participant.id == colleague.id)
            try await tmux.send("Escape", "Enter", "2")
            try await tmux.waitFor("PRIMARY EMPLOYEE  \(name) (\(colleague.id))")
        }
    }

    @Test func aNoteWrittenThroughTheEditorAt80x24() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(token: Self.token)) { sandbox in
            let target = Self.shownPending(sandbox)[0]
            let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("engage-e2e-editor-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: scratch) }
            // An editor that adds a line and says where the file was and what it was handed open.
            let editor = scratch.appendingPathComponent("editor.sh")
            try """
                #!/bin/sh
                echo "$1" > '\(scratch.path)/path'
                ls -l /proc/$$/fd > '\(scratch.path)/descriptors'
                printf 'Called back, will confirm Monday.\\n' >> "$1"
                """.write(to: editor, atomically: true, encoding: .utf8)
            chmod(editor.path, 0o700)
            var environment = environment(sandbox)
            environment["EDITOR"] = editor.path
            let tmux = try await TmuxSession.start(width: 80, height: 24, environment: environment)
            try await tmux.run(Self.binary)
            try await tmux.waitFor("loaded")
            try await tmux.send("n")
            try await tmux.waitFor("Save the note: \(target.id) · ")
            try await tmux.send("y")
            try await tmux.waitFor("Note saved on \(target.id) · ")
            let note = (target.internalNotes ?? "") + "Called back, will confirm Monday."
            #expect(sandbox.tenant.appointment(id: target.id)?.internalNotes == note)
            let path = try String(contentsOf: scratch.appendingPathComponent("path"), encoding: .utf8)
                .trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!FileManager.default.fileExists(atPath: path), "the temporary file is gone")
            // None of the app's connections, event queues or pipes.
            let descriptors = try String(contentsOf: scratch.appendingPathComponent("descriptors"), encoding: .utf8)
            #expect(!["socket:", "pipe:", "anon_inode:"].contains { descriptors.contains($0) }, "\(descriptors)")
            // The screen came back whole and works.
            try await tmux.send("Escape", "Enter", "1")
            try await tmux.waitFor("Called back, will confirm")
            try await tmux.send("q")
            try await tmux.waitForTheShell()
        }
    }
}
