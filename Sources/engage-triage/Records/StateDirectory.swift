import Foundation

/// `$XDG_STATE_HOME/engage-triage/` (`~/.local/state/engage-triage/`): where the log and the audit
/// trail are kept, created on first use with permissions for the user only. The name cache's
/// folder is its sibling under `$XDG_CACHE_HOME` (`~/.cache/engage-triage/`).
enum StateDirectory {
    static func url(environment: [String: String] = ProcessEnvironment.current) -> URL {
        folder("XDG_STATE_HOME", default: ".local/state", environment: environment)
    }

    /// `$XDG_CACHE_HOME/engage-triage/`: what may be thrown away and fetched again.
    static func cacheURL(environment: [String: String] = ProcessEnvironment.current) -> URL {
        folder("XDG_CACHE_HOME", default: ".cache", environment: environment)
    }

    private static func folder(_ variable: String, default relative: String, environment: [String: String]) -> URL {
        let base = environment[variable].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? UserAccount.home) + "/" + relative
        return URL(fileURLWithPath: base).appendingPathComponent("engage-triage")
    }

    /// The state directory (or `folder`), created for the user only if missing.
    static func create(_ folder: URL? = nil, environment: [String: String] = ProcessEnvironment.current) throws -> URL {
        let folder = folder ?? url(environment: environment)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Opens `name` in the state directory for appending (created 0600 if missing).
    static func openForAppending(_ name: String, environment: [String: String] = ProcessEnvironment.current) throws -> Int32 {
        try openForAppending(create(environment: environment).appendingPathComponent(name))
    }

    /// Opens `file` for appending (created 0600 if missing).
    static func openForAppending(_ file: URL) throws -> Int32 {
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return descriptor
    }
}
