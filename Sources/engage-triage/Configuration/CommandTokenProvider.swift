import EngageAPI
import Foundation
import SpawnSupport

/// A token printed by a command (`tokenCommand`), for password managers and CLIs of identity
/// providers, as git's credential helpers and aerc's `source-cred-cmd` do. The command runs
/// through `/bin/sh -c`, once; after a 401 it runs again for a fresh token.
actor CommandTokenProvider: TokenProvider {
    private let command: String
    private let timeout: Duration
    private var cached: BearerToken?

    init(command: String, timeout: Duration = .seconds(30)) {
        self.command = command
        self.timeout = timeout
    }

    func token() async throws(EngageError) -> BearerToken {
        if let cached { return cached }
        let token = try await run()
        cached = token
        return token
    }

    func invalidate(_ token: BearerToken) async -> Bool {
        if cached == token { cached = nil }
        return true
    }

    /// The most a token command may print.
    static let maxOutputBytes = 64 * 1024

    /// Runs the command in a process group of its own, its output read through a pipe (never a
    /// file another user could open), at most `maxOutputBytes`; past the timeout the whole group
    /// (the command and whatever it started) is killed.
    private func run() async throws(EngageError) -> BearerToken {
        let (command, timeout) = (command, timeout)
        let result: Result<String, EngageError> = await withCheckedContinuation { continuation in
            // Blocking reads and waits: on a thread of their own, off the cooperative pool.
            DetachedThread.start(name: "token-command") { continuation.resume(returning: Self.output(of: command, timeout: timeout)) }
        }
        let token = PlainText.trimmed(try result.get())
        guard !token.isEmpty else { throw EngageError(kind: .invalidConfiguration, detail: "The token command printed nothing.") }
        return BearerToken(token)
    }

    private static func output(of command: String, timeout: Duration) -> Result<String, EngageError> {
        func failure(_ detail: String) -> Result<String, EngageError> { .failure(EngageError(kind: .invalidConfiguration, detail: detail)) }
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return failure("The token command could not be started: no pipe.") }
        // Not inherited by anything else this process starts (the child gets its copy as stdout).
        for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, ends[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let pid: pid_t
        do {
            pid = try CleanSpawn.start(["/bin/sh", "-c", command], environment: ProcessEnvironment.current,
                                       actions: &actions, ownProcessGroup: true)
        } catch {
            close(ends[0])
            close(ends[1])
            return failure("The token command could not be started: \(error)")
        }
        close(ends[1])
        defer { close(ends[0]) }
        let deadline = ContinuousClock.now + timeout
        var output: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4_096)
        func endGroup() {
            kill(-pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
        while true {
            let left = deadline - .now
            guard left > .zero else {
                endGroup()
                return failure("The token command did not finish within \(timeout).")
            }
            var descriptor = pollfd(fd: ends[0], events: Int16(POLLIN), revents: 0)
            let milliseconds = Int32(clamping: left.components.seconds * 1_000 + left.components.attoseconds / 1_000_000_000_000_000 + 1)
            guard poll(&descriptor, 1, milliseconds) > 0 else { continue }
            let count = read(ends[0], &buffer, buffer.count)
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { break }
            output += buffer[0..<count]
            guard output.count <= maxOutputBytes else {
                endGroup()
                return failure("The token command printed more than \(maxOutputBytes / 1024) KB; a token is one line.")
            }
        }
        // The output is complete; the command has this long left to exit.
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            guard ContinuousClock.now < deadline else {
                endGroup()
                return failure("The token command did not finish within \(timeout).")
            }
            usleep(5_000)
        }
        let exited = status & 0x7F == 0
        let code = (status >> 8) & 0xFF
        guard exited, code == 0 else {
            return failure("The token command exited with status \(exited ? code : 128 + (status & 0x7F)).")
        }
        return .success(String(decoding: output, as: UTF8.self))
    }
}
