import EngageAPI
import Foundation
import Logging
import Synchronization

/// A swift-log handler that appends one line per message to `engage-triage.log` in the state
/// directory: never to the terminal, which the screen owns. One record is one line (line breaks
/// and other control characters in a message are escaped), and the file is rotated by size:
/// past `maxBytes` it becomes `engage-triage.log.1` (the older ones `.2`, `.3`; the oldest goes).
struct FileLogHandler: LogHandler {
    /// The open log file, shared by every logger of the process.
    final class Sink: Sendable {
        private struct File {
            var descriptor: Int32
            var size: Int
        }

        private let file: Mutex<File?>
        private let folder: URL
        private let name: String
        let maxBytes: Int
        let keep: Int

        init(folder: URL, name: String = "engage-triage.log", maxBytes: Int = 5 * 1_048_576, keep: Int = 3) {
            self.folder = folder
            self.name = name
            self.maxBytes = maxBytes
            self.keep = keep
            file = Mutex(Self.open(folder.appendingPathComponent(name)))
        }

        /// Whether the log file could be opened.
        var isOpen: Bool { file.withLock { $0 != nil } }

        private static func open(_ url: URL) -> File? {
            guard let descriptor = try? StateDirectory.openForAppending(url) else { return nil }
            var status = stat()
            return File(descriptor: descriptor, size: fstat(descriptor, &status) == 0 ? Int(status.st_size) : 0)
        }

        func write(_ line: String) {
            var bytes = Array(Self.escaped(line).utf8)
            bytes.append(0x0A)
            file.withLock { file in
                if let current = file, current.size > 0, current.size + bytes.count > maxBytes {
                    close(current.descriptor)
                    rotate()
                    file = Self.open(folder.appendingPathComponent(name))
                }
                guard let descriptor = file?.descriptor else { return }
                let written = bytes.withUnsafeBytes { Foundation.write(descriptor, $0.baseAddress, $0.count) }
                file?.size += max(0, written)
            }
        }

        /// `.2` → `.3`, `.1` → `.2`, the log → `.1`.
        private func rotate() {
            let base = folder.appendingPathComponent(name).path
            for index in stride(from: keep - 1, through: 1, by: -1) {
                rename("\(base).\(index)", "\(base).\(index + 1)")
            }
            rename(base, "\(base).1")
        }

        /// The line with every control character written out (`\n`, `\r`, `\t`, `\u{1B}`), so that
        /// one record stays one line whatever a message holds.
        static func escaped(_ line: String) -> String {
            guard line.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else { return line }
            var result = ""
            for scalar in line.unicodeScalars {
                switch scalar {
                case "\n": result += "\\n"
                case "\r": result += "\\r"
                case "\t": result += "\\t"
                case _ where scalar.value < 0x20 || scalar.value == 0x7F: result += "\\u{\(String(scalar.value, radix: 16))}"
                default: result.unicodeScalars.append(scalar)
                }
            }
            return result
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
        let sink = Sink(folder: (try? StateDirectory.create()) ?? StateDirectory.url())
        guard sink.isOpen else {
            LoggingSystem.bootstrap { _ in SwiftLogNoOpLogHandler() }
            return
        }
        LoggingSystem.bootstrap { label in FileLogHandler(label: label, sink: sink, logLevel: level) }
    }
}
