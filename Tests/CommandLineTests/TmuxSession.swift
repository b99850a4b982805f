import Foundation
import Testing

/// A real terminal for end-to-end tests: a private tmux server running a shell, driven with
/// send-keys and read with capture-pane. Waits poll the pane until the text appears (with a
/// deadline) instead of sleeping.
final class TmuxSession {
    private let socket = "engage-e2e-\(UUID().uuidString.prefix(8))"
    private let environment: [String: String]

    private init(environment: [String: String]) {
        self.environment = environment
    }

    /// A new tmux server with one `width`x`height` window running bash, once its first prompt
    /// shows. Waits without holding a thread of the cooperative pool: with two cores it has two,
    /// and end-to-end tests starting shells at once had stalled every other suite for 14 s.
    static func start(width: Int, height: Int, environment: [String: String]) async throws -> TmuxSession {
        let session = TmuxSession(environment: environment)
        // The first command starts the tmux server, which would hold an output pipe open for ever.
        try await session.startServer(["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)",
                                       "-y", "\(height)", "bash --norc --noprofile"])
        let started = ContinuousClock.now
        while try await !session.capture().contains("bash-") {
            guard ContinuousClock.now - started < .seconds(20) else { throw TimedOut() }
            try await Task.sleep(for: .milliseconds(20))
        }
        return session
    }

    deinit {
        // The server's pid, killed directly: `kill-server` was seen to leave servers running.
        // (A deinit cannot wait asynchronously; these two are quick.)
        let command = ["tmux", "-L", socket]
        let pid = (try? Subprocess.blockingOutput(command + ["display-message", "-p", "-t", "main", "#{pid}"], environment: environment))
            .flatMap { pid_t($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        if let pid { kill(pid, SIGTERM) }
        _ = try? Subprocess.blockingOutput(command + ["kill-server"], environment: environment)
    }

    /// Types text and named keys (`Enter`, `Escape`, `C-c`, …) into the pane.
    func send(_ keys: String...) async throws {
        try await tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Types a command line and presses Enter.
    func run(_ commandLine: String) async throws {
        try await tmux(["send-keys", "-t", "main", "-l", commandLine])
        try await send("Enter")
    }

    func capture() async throws -> String {
        try await tmux(["capture-pane", "-p", "-t", "main"])
    }

    /// tmux's own view of the pane, e.g. `#{pane_title}`.
    func display(_ format: String) async throws -> String {
        try await tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Any tmux command on this session's server, e.g. `set-option -g set-clipboard on`, `show-buffer`.
    @discardableResult
    func command(_ arguments: String...) async throws -> String {
        try await tmux(arguments)
    }

    func resize(width: Int, height: Int) async throws {
        try await tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Thrown after a wait timed out (the issue with the screen is already recorded), ending the test.
    struct TimedOut: Error {}

    /// Polls the pane until `condition` holds; records an issue with the last screen and throws if
    /// it never does. Sleeps between polls without holding a thread of the cooperative pool.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (String) -> Bool
    ) async throws -> String {
        try await poll(what, timeout: timeout, sourceLocation: sourceLocation) { condition($0) }
    }

    /// Waits until the program started with `run` has exited and the shell is in the foreground
    /// again, with `condition` holding on the pane. The screen alone cannot tell: the shell's
    /// prompt is back as soon as the program leaves the alternate screen, while it may still be
    /// writing its files.
    @discardableResult
    func waitForTheShell(
        sourceLocation: SourceLocation = #_sourceLocation, _ condition: (String) -> Bool = { _ in true }
    ) async throws -> String {
        try await poll("the program to exit", timeout: .seconds(20), sourceLocation: sourceLocation) { screen in
            guard condition(screen) else { return false }
            return try await display("#{pane_current_command}") == "bash"
        }
    }

    /// Captures the pane until `done` holds for it, with a deadline.
    private func poll(
        _ what: String, timeout: Duration, sourceLocation: SourceLocation, _ done: (String) async throws -> Bool
    ) async throws -> String {
        let started = ContinuousClock.now
        var screen = ""
        while ContinuousClock.now - started < timeout {
            screen = try await capture()
            if try await done(screen) { return screen }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting for \(what); the pane shows:\n\(screen)", sourceLocation: sourceLocation)
        throw TimedOut()
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// The first tmux command, which starts the server: the server would hold an output pipe
    /// open for ever, so its output goes to /dev/null.
    private func startServer(_ arguments: [String]) async throws {
        _ = try await Subprocess(["tmux", "-L", socket] + arguments, environment: environment).exitStatus(deadline: .seconds(20))
    }

    /// Runs one tmux command and returns what it printed.
    @discardableResult
    private func tmux(_ arguments: [String]) async throws -> String {
        try await Subprocess.output(["tmux", "-L", socket] + arguments, environment: environment)
    }
}
