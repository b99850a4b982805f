import Foundation
import Testing

/// A real terminal for end-to-end tests: a private tmux server running a shell, driven with
/// send-keys and read with capture-pane. Waits poll the pane until the text appears (with a
/// deadline) instead of sleeping.
final class TmuxSession {
    private let socket = "engage-e2e-\(UUID().uuidString.prefix(8))"
    private let environment: [String: String]

    init(width: Int, height: Int, environment: [String: String]) throws {
        self.environment = environment
        // The first command starts the tmux server, which would hold an output pipe open for ever.
        try tmux(captureOutput: false, ["-f", "/dev/null", "new-session", "-d", "-s", "main", "-x", "\(width)", "-y", "\(height)",
                  "bash --norc --noprofile"])
        // The shell's first prompt, within a second or so; later waits do not block a thread.
        let started = ContinuousClock.now
        while try !capture().contains("bash-") {
            guard ContinuousClock.now - started < .seconds(20) else { throw TimedOut() }
            usleep(20_000)
        }
    }

    deinit {
        // The server's pid, killed directly: `kill-server` was seen to leave servers running.
        if let pid = serverPID { kill(pid, SIGTERM) }
        _ = try? tmux(["kill-server"])
    }

    private var serverPID: pid_t? {
        (try? display("#{pid}")).flatMap { pid_t($0) }
    }

    /// Types text and named keys (`Enter`, `Escape`, `C-c`, …) into the pane.
    func send(_ keys: String...) throws {
        try tmux(["send-keys", "-t", "main"] + keys)
    }

    /// Types a command line and presses Enter.
    func run(_ commandLine: String) throws {
        try tmux(["send-keys", "-t", "main", "-l", commandLine])
        try send("Enter")
    }

    func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", "main"])
    }

    /// tmux's own view of the pane, e.g. `#{pane_title}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", "-t", "main", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Any tmux command on this session's server, e.g. `set-option -g set-clipboard on`, `show-buffer`.
    @discardableResult
    func command(_ arguments: String...) throws -> String {
        try tmux(arguments)
    }

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
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
        let started = ContinuousClock.now
        var screen = ""
        while ContinuousClock.now - started < timeout {
            screen = try capture()
            if condition(screen) { return screen }
            try await Task.sleep(for: .milliseconds(50))
        }
        Issue.record("timed out waiting for \(what); the pane shows:\n\(screen)", sourceLocation: sourceLocation)
        throw TimedOut()
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation) async throws -> String {
        try await waitUntil("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Runs one tmux command. The first one starts the server, which would hold an output pipe
    /// open for ever, so its output goes to /dev/null.
    @discardableResult
    private func tmux(captureOutput: Bool = true, _ arguments: [String]) throws -> String {
        let command = ["tmux", "-L", socket] + arguments
        guard captureOutput else {
            _ = try Subprocess(command, environment: environment).wait(deadline: .seconds(20))
            return ""
        }
        return try Subprocess.output(command, environment: environment)
    }
}
