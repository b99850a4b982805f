import Foundation
import Testing
@testable import engage_triage

/// The editor's temporary file: its name cannot be steered by a hostile request id.
@Suite("External editor", .timeLimit(.minutes(1)))
struct ExternalEditorTests {
    @Test func aHostileIdStaysInsideTheTemporaryFolder() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("engage-editor-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let record = scratch.appendingPathComponent("path").path
        let editor = try #require(ExternalEditor(environment: [
            "EDITOR": "echo \"$1\" > '\(record)'; printf 'edited' > ", "TMPDIR": scratch.path, "PATH": "/usr/bin:/bin",
        ]))
        let text = try editor.editNote("before", ofRequest: "../../etc/evil\u{1B}[31m")
        #expect(text == "edited")
        let path = try String(contentsOfFile: record, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(URL(fileURLWithPath: path).lastPathComponent == "note-etcevil31m.txt", "\(path)")
        #expect(URL(fileURLWithPath: path).deletingLastPathComponent().deletingLastPathComponent().path == scratch.path,
                "the file sits in a folder of its own under the temporary folder: \(path)")
    }
}
