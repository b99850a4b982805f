import ArgumentParser
import EngageAPI
import Foundation
import TriageCore

/// `engage-triage note ID (--set TEXT | --append TEXT | --edit)`: change a request's internal
/// note, once; an unchanged note sends nothing.
struct NoteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "Change the internal note of a request (sent once, never retried blindly).",
        discussion: """
            --set replaces the note (--set "" clears it), --append adds a line to it, --edit opens \
            it in $VISUAL or $EDITOR (a temporary file only you can read, removed afterwards). When \
            the note comes out unchanged nothing is sent (exit 0). The exit statuses are those of accept.
            """)

    @OptionGroup var connection: ConnectionOptions
    @OptionGroup var target: WriteTarget

    @Option(help: "The new note (replaces the old one).")
    var set: String?

    @Option(help: "A line to add at the end of the note.")
    var append: String?

    @Flag(help: "Edit the note in $VISUAL or $EDITOR.")
    var edit = false

    func validate() throws {
        let given = [set != nil, append != nil, edit].filter { $0 }.count
        guard given == 1 else { throw ValidationError("Not sent: give one of --set TEXT, --append TEXT or --edit.") }
        if edit, ExternalEditor(environment: ProcessEnvironment.current) == nil {
            throw ValidationError("Not sent: --edit needs an editor: set VISUAL or EDITOR (e.g. EDITOR=nano).")
        }
    }

    func run() async throws {
        let settings = try connection.settings()
        let id = target.id
        try await WriteCommandRun(connection: connection, settings: settings, json: target.json).run(id, kind: .note) { service in
            if let set { return Self.write(set, over: nil, id: id) }
            let current = try await service.appointment(id: id).value.internalNotes ?? ""
            let text: String
            if let append {
                text = current.isEmpty ? append : current + "\n" + append
            } else {
                do throws(ExternalEditor.Failure) {
                    text = try ExternalEditor(environment: ProcessEnvironment.current)!.editNote(current, ofRequest: id)
                } catch {
                    Diagnostics.note("engage-triage: not sent: \(error.description).")
                    throw ExitStatus.failure.exitCode
                }
            }
            return Self.write(text, over: current, id: id)
        }
    }

    /// The write for `text`, or nil (said so) when it is the note the request has.
    private static func write(_ text: String, over current: String?, id: String) -> AppointmentWrite? {
        if let current, current == text {
            Diagnostics.note(UntrustedText.sanitize("engage-triage: nothing sent: the note of \(id) is unchanged."))
            return nil
        }
        return .internalNotes(InternalNotesUpdate(internalNotes: text.isEmpty ? nil : text))
    }
}
