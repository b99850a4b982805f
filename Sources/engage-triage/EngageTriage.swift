import ArgumentParser
import EngageAPI
import Foundation

/// `engage-triage`: triage the pending appointment requests of a Pexip Engage tenant.
@main
struct EngageTriage: AsyncParsableCommand {
    /// The release, for `--version` and bug reports.
    static let version = "0.10.0"

    static let configuration = CommandConfiguration(
        commandName: "engage-triage",
        abstract: "Triage the pending appointment requests of a Pexip Engage tenant.",
        discussion: """
            Without a command it opens the triage screen. Talks to the tenant at $ENGAGE_BASE_URL with the token in $ENGAGE_TOKEN, or to a built-in \
            sandbox with --demo. Exit statuses: 0 ok, 2 usage or configuration, 3 not found, \
            4 refused by the server (e.g. already accepted), 5 not signed in or not allowed, \
            6 rate limited, 7 server failure, 8 network or timeout, 9 unreadable answer, \
            10 outcome of a write (accept, reschedule, reassign, note) unknown, 1 anything else.
            """,
        version: version,
        subcommands: [
            TUICommand.self, ListCommand.self, ShowCommand.self, AcceptCommand.self, RescheduleCommand.self,
            ReassignCommand.self, NoteCommand.self, DoctorCommand.self,
        ],
        defaultSubcommand: TUICommand.self
    )

    /// Runs the command; usage errors exit with 2 (not ArgumentParser's 64), as documented.
    static func main() async {
        // While the arguments and the configuration are read, the network stack starts.
        EngageClient.warmUp()
        do {
            await run(try parseAsRoot())
        } catch {
            exit(becauseOf: error)
        }
    }

    /// Runs `command` and ends the process where it finished: returning to `main` would hand the
    /// end to the main actor, which starts a thread for it (0.3 ms of a 12 ms `show`).
    private nonisolated static func run(_ command: any ParsableCommand) async -> Never {
        do {
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                var command = command
                try command.run()
            }
        } catch {
            exit(becauseOf: error)
        }
        Foundation.exit(0)
    }

    private static func exit(becauseOf error: any Error) -> Never {
        if exitCode(for: error) == .validationFailure {
            Diagnostics.note(fullMessage(for: error))
            Foundation.exit(ExitStatus.usage.rawValue)
        }
        exit(withError: error)
    }
}
