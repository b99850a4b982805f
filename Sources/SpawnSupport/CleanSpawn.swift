import Foundation

/// Starts a program with posix_spawn and a clean signal state, for the benchmarks and the tests
/// that drive real processes. The spawning thread (a Swift concurrency or dispatch worker) blocks
/// most signals, and a child inheriting that mask ignores SIGTERM and never reaps its children
/// (seen with tmux servers and with engage-triage under the benchmark).
public enum CleanSpawn {
    /// Starts `arguments[0]` (looked up in PATH unless it is a path) with `actions` applied; with
    /// `ownProcessGroup`, in a process group of its own (whose id is its pid), so that it and
    /// every child it starts can be ended together with `kill(-pid, …)`.
    public static func start(
        _ arguments: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t,
        ownProcessGroup: Bool = false
    ) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | (ownProcessGroup ? POSIX_SPAWN_SETPGROUP : 0)))
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid = pid_t()
        let status = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard status == 0 else { throw POSIXError(POSIXErrorCode(rawValue: status) ?? .ENOENT) }
        return pid
    }
}
