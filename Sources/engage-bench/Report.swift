import Foundation

/// Printing figures next to their targets.
enum Report {
    /// Writes one line at once (unbuffered, so a file or a pipe shows progress).
    static func line(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    static func section(_ title: String) {
        line("\n== \(title)")
    }

    /// One figure: `name  value  (target …: met/missed)`.
    static func figure(_ name: String, _ value: String, target: String? = nil, met: Bool? = nil) {
        let verdict = met.map { $0 ? "met" : "MISSED" } ?? ""
        let targetText = target.map { "  target \($0)" + (verdict.isEmpty ? "" : ": \(verdict)") } ?? ""
        line("  " + name.padding(toLength: 44, withPad: " ", startingAt: 0) + value + targetText)
    }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1000 + Double(duration.components.attoseconds) / 1e15
    }

    static func format(_ value: Double, _ digits: Int = 2) -> String {
        String(format: "%.\(digits)f", value)
    }
}
