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
        _ = try waitFor("bash-")
    }

    deinit {
        _ = try? tmux(["kill-server"])
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

    func resize(width: Int, height: Int) throws {
        try tmux(["resize-window", "-t", "main", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Thrown after a wait timed out (the issue with the screen is already recorded), ending the test.
    struct TimedOut: Error {}

    /// Polls the pane until `condition` holds; records an issue with the last screen and throws if it never does.
    @discardableResult
    func waitUntil(
        _ what: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation,
        _ condition: (String) -> Bool
    ) throws -> String {
        let started = ContinuousClock.now
        var screen = ""
        while ContinuousClock.now - started < timeout {
            screen = try capture()
            if condition(screen) { return screen }
            Thread.sleep(forTimeInterval: 0.05)
        }
        Issue.record("timed out waiting for \(what); the pane shows:\n\(screen)", sourceLocation: sourceLocation)
        throw TimedOut()
    }

    @discardableResult
    func waitFor(_ text: String, timeout: Duration = .seconds(20), sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try waitUntil("\"\(text)\"", timeout: timeout, sourceLocation: sourceLocation) { $0.contains(text) }
    }

    /// Runs one tmux command with posix_spawn and waitpid. (Foundation's `Process` on Linux never
    /// sees the tmux client exit when the client has just forked the server: it waits for ever.)
    @discardableResult
    private func tmux(captureOutput: Bool = true, _ arguments: [String]) throws -> String {
        var pipeEnds: [Int32] = [-1, -1]
        guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        if captureOutput {
            posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], STDOUT_FILENO)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0)
        }
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[0])
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
        let argv = (["tmux", "-L", socket] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let spawned = posix_spawnp(&pid, "tmux", &actions, nil, argv, envp)
        close(pipeEnds[1])
        defer { close(pipeEnds[0]) }
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .ENOENT) }
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(pipeEnds[0], &buffer, buffer.count)
            if count <= 0 { break }
            output.append(contentsOf: buffer[0..<count])
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return String(decoding: output, as: UTF8.self)
    }
}
