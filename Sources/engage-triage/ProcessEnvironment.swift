import Foundation

/// The environment the process was started with, read once: `ProcessInfo.environment` builds a
/// new dictionary from `environ` at every call, and a `show` asked for it five times.
enum ProcessEnvironment {
    static let current = ProcessInfo.processInfo.environment
}
