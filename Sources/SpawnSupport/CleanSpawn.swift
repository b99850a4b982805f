import Foundation

/// Starts a program with posix_spawn, a clean signal state and none of this program's open files:
/// `$EDITOR`, the token command, and the programs the benchmarks and tests drive. The spawning
/// thread (a Swift concurrency or dispatch worker) blocks most signals, and a child inheriting
/// that mask ignores SIGTERM and never reaps its children (seen with tmux servers and with
/// engage-triage under the benchmark).
public enum CleanSpawn {
    /// Starts `arguments[0]` (looked up in PATH unless it is a path) with `actions` applied; with
    /// `ownProcessGroup`, in a process group of its own (whose id is its pid), so that it and
    /// every child it starts can be ended together with `kill(-pid, …)`.
    public static func start(
        _ arguments: [String], environment: [String: String], actions: inout posix_spawn_file_actions_t,
        ownProcessGroup: Bool = false
    ) throws -> pid_t {
        keepDescriptorsFromChildren()
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

    /// Marks every descriptor above standard error close-on-exec, so that a child gets 0, 1, 2
    /// and what its file actions hand it, not the connections, event queues and pipes that
    /// libraries open without the flag (an editor that leaves a server behind would keep them
    /// open). The flag changes nothing for this program, which never execs itself. A descriptor
    /// another thread opens meanwhile without the flag is missed.
    private static func keepDescriptorsFromChildren() {
        guard let directory = opendir("/proc/self/fd") else { return }
        defer { closedir(directory) }
        let listing = dirfd(directory)
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            guard let descriptor = Int32(name), descriptor > STDERR_FILENO, descriptor != listing else { continue }
            let flags = fcntl(descriptor, F_GETFD)
            if flags >= 0, flags & FD_CLOEXEC == 0 { _ = fcntl(descriptor, F_SETFD, flags | FD_CLOEXEC) }
        }
    }
}
