import Foundation

/// `$XDG_STATE_HOME/engage-triage/` (`~/.local/state/engage-triage/`): where the log and the audit
/// trail are kept, created on first use with permissions for the user only.
enum StateDirectory {
    static func url(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL {
        let base = environment["XDG_STATE_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? (environment["HOME"] ?? NSHomeDirectory()) + "/.local/state"
        return URL(fileURLWithPath: base).appendingPathComponent("engage-triage")
    }

    /// Opens `name` in the state directory for appending (created 0600 if missing).
    static func openForAppending(_ name: String, environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int32 {
        let folder = url(environment: environment)
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let descriptor = open(folder.appendingPathComponent(name).path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        return descriptor
    }
}
