import ArgumentParser
import EngageAPI
import Foundation
import TriageCore

/// `engage-triage` (or `engage-triage tui`): the full-screen triage screen.
struct TUICommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tui",
        abstract: "Open the triage screen (the default command).",
        discussion: "Keys: ↑/↓ or j/k move, Enter opens the details, a accepts, r reloads, ? lists every key, q quits.")

    @OptionGroup var connection: ConnectionOptions

    @Flag(help: "Disable accepting: look, do not touch.")
    var readOnly = false

    @Flag(name: .customLong("no-confirm"), help: "Accept at once, without asking y/N (for triage at speed).")
    var noConfirm = false

    @Option(help: ArgumentHelp("Colours: auto, 256, 8 or none (NO_COLOR is honoured by auto).", valueName: "mode"))
    var colors: String?

    func validate() throws {
        if let colors, !["auto", "256", "8", "none"].contains(colors) {
            throw ValidationError("--colors must be auto, 256, 8 or none.")
        }
    }

    /// The standard keymap with the configuration's `keyBindings` over it.
    private func keymap(_ settings: Settings) throws -> Keymap {
        do {
            return try Keymap.standard.overriding(settings.keyBindings)
        } catch {
            Diagnostics.report("\(connection.configPath): \(error.message)", error: nil)
            throw ExitStatus.usage.exitCode
        }
    }

    func run() async throws {
        let settings = try connection.settings()
        let options = AppOptions(
            tenantName: connection.demo ? "demo" : settings.baseURL?.lastPathComponent ?? "engage",
            confirmBeforeAccept: !noConfirm && settings.confirmBeforeAccept,
            readOnly: readOnly || settings.readOnly,
            preferredLanguage: settings.preferredLanguage)
        let colorPreference = colors ?? settings.colors
        let audit = AuditLog(enterprise: connection.enterpriseName(settings))
        let keymap = try keymap(settings)
        try await connection.withClient(settings) { client in
            let state = AppState(options: options, size: Size(width: 80, height: 24), keymap: keymap)
            let failure: String? = await withCheckedContinuation { continuation in
                // The screen loop blocks on input, so it gets a thread of its own, away from the
                // cooperative pool that runs the network effects.
                let thread = Thread {
                    do {
                        try TriageRuntime(state: state, client: client, colorPreference: colorPreference, audit: audit).run()
                        continuation.resume(returning: nil)
                    } catch {
                        continuation.resume(returning: "\(error)")
                    }
                }
                thread.name = "engage-triage.screen"
                thread.start()
            }
            if let failure {
                Diagnostics.report(failure, error: nil)
                throw ExitStatus.usage.exitCode
            }
        }
    }
}
