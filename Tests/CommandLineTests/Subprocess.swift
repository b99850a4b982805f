import Foundation
import SpawnSupport

/// Runs a program (through `CleanSpawn`) and reaps it with waitpid. (Foundation's `Process` on
/// Linux can miss a child's exit, e.g. a tmux client that forked its server, and then waits for
/// ever; a test must never hang.)
struct Subprocess {
    let pid: pid_t

    /// Starts `arguments[0]` (looked up in PATH) with stdout and stderr sent to the given files
    /// (`nil`: /dev/null) and stdin from /dev/null.
    init(_ arguments: [String], environment: [String: String], stdout: String? = nil, stderr: String? = nil,
         stdoutDescriptor: Int32? = nil) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0)
        if let stdoutDescriptor {
            posix_spawn_file_actions_adddup2(&actions, stdoutDescriptor, STDOUT_FILENO)
            posix_spawn_file_actions_addclose(&actions, stdoutDescriptor)
        } else {
            posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        let pid = try CleanSpawn.start(arguments, environment: environment, actions: &actions)
        self.pid = pid
    }

    /// Waits for the exit status; after `deadline` the program is killed (status 137).
    func wait(deadline: Duration = .seconds(60)) -> Int32 {
        let started = ContinuousClock.now
        while true {
            if let status = poll(started: started, deadline: deadline) { return status }
            usleep(5_000)
        }
    }

    /// The same, polled without blocking a thread of the cooperative pool (which the other tests
    /// running meanwhile need).
    func exitStatus(deadline: Duration = .seconds(60)) async -> Int32 {
        let started = ContinuousClock.now
        while true {
            if let status = poll(started: started, deadline: deadline) { return status }
            try? await Task.sleep(for: .milliseconds(5))
        }
    }

    /// The exit status if the program ended (killed once past `deadline`: 137), else nil.
    private func poll(started: ContinuousClock.Instant, deadline: Duration) -> Int32? {
        var status: Int32 = 0
        guard waitpid(pid, &status, WNOHANG) == 0 else {
            // WIFEXITED / WEXITSTATUS and the signal number otherwise, as a shell reports them.
            return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        }
        guard ContinuousClock.now - started > deadline else { return nil }
        kill(pid, SIGKILL)
        waitpid(pid, &status, 0)
        return 137
    }

    /// Runs to completion and returns what it printed on stdout. The waiting happens on a thread
    /// of its own: the end-to-end tests run a tmux command every 50 ms, and each held a thread of
    /// the cooperative pool (two, on two cores) for as long as tmux took under load, which starved
    /// the timing tests running meanwhile for seconds.
    static func output(_ arguments: [String], environment: [String: String]) async throws -> String {
        try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                continuation.resume(with: Result { try blockingOutput(arguments, environment: environment) })
            }
        }
    }

    /// The same, waiting on the calling thread.
    static func blockingOutput(_ arguments: [String], environment: [String: String]) throws -> String {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { throw POSIXError(.EMFILE) }
        let process = try Subprocess(arguments, environment: environment, stdoutDescriptor: ends[1])
        close(ends[1])
        var output = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = read(ends[0], &buffer, buffer.count)
            if count > 0 {
                output.append(contentsOf: buffer[0..<count])
            } else if count < 0 && errno == EINTR {
                continue
            } else {
                break
            }
        }
        close(ends[0])
        _ = process.wait()
        return String(decoding: output, as: UTF8.self)
    }
}
