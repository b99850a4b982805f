import ArgumentParser
import EngageAPI
import Foundation
import Logging
import SpawnSupport
import TriageCore
import TriageRuntime

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

    @Option(help: ArgumentHelp("The list's order at start: start, waiting, customer, subject, office or server "
        + "(s and S change it on the screen).", valueName: "key"))
    var sort: String?

    @Option(help: ArgumentHelp("Re-read the pending requests every SECONDS in the background (default 60, "
        + "refreshSeconds in the config); 0 turns it off.", valueName: "seconds"))
    var refresh: Int?

    func validate() throws {
        if let colors, !["auto", "256", "8", "none"].contains(colors) {
            throw ValidationError("--colors must be auto, 256, 8 or none.")
        }
        if let sort, SortOrder.Key(rawValue: sort) == nil {
            throw ValidationError("--sort must be one of " + SortOrder.Key.allCases.map(\.rawValue).joined(separator: ", ") + ".")
        }
        if let refresh, !(0...Settings.maxRefreshSeconds).contains(refresh) {
            throw ValidationError("--refresh must be a whole number of seconds from 0 (off) to \(Settings.maxRefreshSeconds).")
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
            preferredLanguage: settings.preferredLanguage,
            sortOrder: sort.flatMap(SortOrder.Key.init(rawValue:)).map { SortOrder($0, ascending: settings.sortOrder.ascending) }
                ?? settings.sortOrder,
            refreshSeconds: refresh ?? settings.refreshSeconds,
            hasExternalEditor: ExternalEditor(environment: ProcessEnvironment.current) != nil)
        let colorPreference = colors ?? settings.colors
        let audit = AuditLog(enterprise: connection.enterpriseName(settings))
        let keymap = try keymap(settings)
        var cache = NameCache(tenant: connection.demo ? "demo" : settings.baseURL?.absoluteString ?? "engage", language: settings.language)
        let cached = cache.load()
        let ending: Result<TriageScreen.Ending, any Error> = try await connection.withClient(settings) { client in
            var initial = AppState(options: options, size: Size(width: 80, height: 24), keymap: keymap)
            initial.names = NameBook(cached: cached)
            let state = initial
            return await withCheckedContinuation { continuation in
                // The screen loop blocks on input, so it gets a thread of its own, away from the
                // cooperative pool that runs the network effects.
                DetachedThread.start(name: "engage-triage.screen") {
                    continuation.resume(returning: Result {
                        try TriageScreen(
                            state: state, service: client, journal: audit, colorPreference: colorPreference,
                            requestTimeout: settings.requestTimeout
                        ).run()
                    })
                }
            }
        }
        switch ending {
        case .success(let ending):
            // The terminal is restored: one line per accept that was on its way at the end.
            OutputFormat.printLinesIgnoringErrors(ending.reports.map { $0.line(sanitize: { UntrustedText.sanitize($0) }) })
            do {
                try cache.save(ending.names)
            } catch {
                Logger(label: "engage-triage.names").warning("The names could not be kept for the next session: \(error)")
            }
        case .failure(let error):
            Diagnostics.report("\(error)", error: nil)
            throw ExitStatus.usage.exitCode
        }
    }
}
