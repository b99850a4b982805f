import Foundation

/// `$XDG_STATE_HOME/engage-triage/` (`~/.local/state/engage-triage/`): where the log and the audit
/// trail are kept, created on first use with permissions for the user only.
enum StateDirectory {
    static func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return URL(fileURLWithPath: base).appendingPathComponent("engage-triage")
    }

    /// The state directory, created (for the user only) if missing.
    static func create(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> URL {
        let folder = url(environment: environment)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        return folder
    }

    /// Opens `name` in the state directory for appending (created 0600 if missing).
    static func openForAppending(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int32 {
        try openForAppending(create(environment: environment).appendingPathComponent(name))
    }

    /// Opens `file` for appending (created 0600 if missing).
    static func openForAppending(_ file: URL) throws -> Int32 {
        let descriptor = open(file.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return descriptor
    }
}
