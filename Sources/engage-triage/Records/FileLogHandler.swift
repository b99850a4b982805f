import EngageAPI
import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends one line per message to `engage-triage.log` in the state
/// directory: never to the terminal, which the screen owns.
struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger of the process.
    final class Sink: Sendable {
        private let descriptor: Mutex<Int32>

        init(descriptor: Int32) { self.descriptor = Mutex(descriptor) }

        func write(_ line: String) {
            descriptor.withLock { descriptor in
                var bytes = Array(line.utf8)
                bytes.append(0x0A)
                _ = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
            }
        }
    }

    let label: String
    let sink: Sink
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let merged = metadata.merging(event.metadata ?? [:]) { $1 }
        let details = merged.isEmpty ? "" : " " + merged.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        sink.write("\(Timestamp.format(Date())) \(event.level) \(label): \(event.message)\(details)")
    }

    private static let bootstrapped = Mutex(false)

    /// Sends every logger of the process to the log file at `level`; logging stays off (no-op)
    /// when the file cannot be opened, so a read-only home never stops the tool.
    static func bootstrap(level: Logger.Level) {
        // swift-log allows one bootstrap per process.
        guard bootstrapped.withLock({ done in defer { done = true }; return !done }) else { return }
        guard let descriptor = try? StateDirectory.openForAppending("engage-triage.log") else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        let sink = Sink(descriptor: descriptor)
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink, logLevel: level) }
    }
}
