import Foundation
import Testing
import TriageCore

/// Compares a screen, as text, with `Snapshots/<name>.txt`. A missing snapshot is written and the
/// test fails once, so a new snapshot is always looked at; `RECORD_SNAPSHOTS=1` rewrites them all.
func assertSnapshot(_ screen: Screen, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Snapshots")
    let file = folder.appendingPathComponent("\(name).txt")
    let actual = screen.text + "\n"
    let record = ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1"
    guard !record, let expected = try? String(contentsOf: file, encoding: .utf8) else {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try actual.write(to: file, atomically: true, encoding: .utf8)
        Issue.record("Recorded snapshot \(name).txt; check it and run again.", sourceLocation: sourceLocation)
        return
    }
    #expect(actual == expected, "screen differs from Snapshots/\(name).txt:\n\(actual)", sourceLocation: sourceLocation)
}
