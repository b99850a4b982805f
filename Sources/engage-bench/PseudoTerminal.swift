import Foundation
import SpawnSupport
import Synchronization

/// A program running in a pseudo-terminal of a given size, with every byte it writes recorded
/// (with its arrival time), so the benchmarks see exactly what an SSH user's terminal receives.
final class PseudoTerminal {
    let pid: pid_t
    private let master: Int32
    /// What arrived so far, shared with the reading thread.
    private final class Recording: Sendable {
        let state = Mutex<(bytes: [UInt8], stamps: [(ContinuousClock.Instant, Int)])>(([], []))
        func withLock<Result>(_ body: (inout (bytes: [UInt8], stamps: [(ContinuousClock.Instant, Int)])) -> Result) -> Result {
            state.withLock { body(&$0) }
        }
    }

    private let received = Recording()
    private let reader: Thread

    init(_ executable: String, _ arguments: [String], environment: [String: String], width: Int, height: Int) throws {
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.ENODEV) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for target in [STDIN_FILENO, STDOUT_FILENO, STDERR_FILENO] { posix_spawn_file_actions_adddup2(&actions, slave, target) }
        posix_spawn_file_actions_addclose(&actions, master)
        posix_spawn_file_actions_addclose(&actions, slave)
        defer { close(slave) }
        do {
            pid = try CleanSpawn.start([executable] + arguments, environment: environment, actions: &actions)
        } catch {
            close(master)
            throw error
        }
        self.master = master
        let received = received
        let output = master
        reader = Thread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(output, &buffer, buffer.count)
                if count < 0 && errno == EINTR { continue }
                if count <= 0 { break }
                let now = ContinuousClock.now
                received.withLock { state in
                    state.bytes.append(contentsOf: buffer[0..<count])
                    state.stamps.append((now, count))
                }
            }
        }
        reader.start()
    }

    /// Types bytes as the user's keyboard would.
    func send(_ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
    }

    var byteCount: Int { received.withLock { $0.bytes.count } }
    var text: String { received.withLock { String(decoding: $0.bytes, as: UTF8.self) } }

    /// The time the first byte arrived that made the output contain `marker`.
    func firstArrival(containing marker: String) -> ContinuousClock.Instant? {
        received.withLock { state in
            var total = 0
            let needle = Array(marker.utf8)
            for (instant, count) in state.stamps {
                total += count
                if state.bytes[0..<total].firstRange(of: needle) != nil { return instant }
            }
            return nil
        }
    }

    /// Waits until the output contains `marker` (or `timeout` passes).
    @discardableResult
    func wait(for marker: String, timeout: Duration = .seconds(60)) -> Bool {
        let started = ContinuousClock.now
        while ContinuousClock.now - started < timeout {
            if text.contains(marker) { return true }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return false
    }

    /// Waits until no byte arrived for `quiet`, then returns how many arrived since `mark`.
    func settle(after mark: Int, quiet: Duration = .milliseconds(250), timeout: Duration = .seconds(10)) -> Int {
        let started = ContinuousClock.now
        var last = byteCount
        var lastChange = ContinuousClock.now
        while ContinuousClock.now - started < timeout {
            Thread.sleep(forTimeInterval: 0.01)
            let now = byteCount
            if now != last {
                last = now
                lastChange = .now
            } else if ContinuousClock.now - lastChange >= quiet {
                break
            }
        }
        return byteCount - mark
    }

    /// CPU time (user + system) the process has used, in clock ticks.
    var cpuTicks: Int {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        return (Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)
    }

    /// Peak resident memory (VmHWM) in kB.
    var peakResidentKilobytes: Int {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") })
        else { return 0 }
        return Int(line.split(separator: " ").dropFirst().first ?? "") ?? 0
    }

    /// Ends the program (SIGTERM, then SIGKILL after 5 s) and reaps it.
    func terminate() {
        kill(pid, SIGTERM)
        var status: Int32 = 0
        let started = ContinuousClock.now
        while waitpid(pid, &status, WNOHANG) == 0 {
            if ContinuousClock.now - started > .seconds(5) {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                break
            }
            usleep(5_000)
        }
        close(master)
    }
}
