import EngageAPI
import Foundation
import SpawnSupport

/// Edits a text in the user's editor, as git and aerc do: `$VISUAL`, else `$EDITOR` (run by
/// `/bin/sh`, so `code --wait` or `vim -u NONE` work), on a temporary file only the user can
/// read (0600, in a 0700 folder under `$XDG_RUNTIME_DIR` — memory, where the system has it —
/// or the temporary folder), removed afterwards whatever happens. Ctrl-C is the editor's while
/// it runs.
struct ExternalEditor {
    /// The shell command that starts the editor.
    var command: String
    var environment: [String: String]

    /// The editor the environment names, if any.
    init?(environment: [String: String]) {
        guard let command = [environment["VISUAL"], environment["EDITOR"]].compactMap({ $0 })
            .first(where: { !PlainText.trimmed($0).isEmpty }) else { return nil }
        self.command = command
        self.environment = environment
    }

    /// Why an edit gave no text.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// The note of request `id` as the editor left it (one final newline, which editors add,
    /// taken off). The file is `note-<id>.txt`, the id kept to letters, digits, `-` and `_`
    /// (an id comes from the server: it never picks the path).
    func editNote(_ text: String, ofRequest id: String) throws(Failure) -> String {
        let folder = try makeFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let safeID = String(id.unicodeScalars.filter { $0.isASCII && (Character($0).isLetter || Character($0).isNumber || $0 == "-" || $0 == "_") }
            .prefix(64).map(Character.init))
        let path = folder + "/note-" + safeID + ".txt"
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL, 0o600)
        guard descriptor >= 0 else { throw Failure(description: "the temporary file could not be made (\(String(cString: strerror(errno))))") }
        let bytes = Array(text.utf8)
        let written = bytes.isEmpty ? 0 : write(descriptor, bytes, bytes.count)
        close(descriptor)
        guard written == bytes.count else { throw Failure(description: "the temporary file could not be written") }
        let status = try runEditor(on: path)
        guard status == 0 else {
            throw Failure(description: "the editor (\(command)) ended with status \(status); nothing was saved")
        }
        guard let data = FileManager.default.contents(atPath: path), let edited = String(data: data, encoding: .utf8) else {
            throw Failure(description: "the edited file could not be read as UTF-8 text")
        }
        return edited.hasSuffix("\n") ? String(edited.dropLast()) : edited
    }

    private func makeFolder() throws(Failure) -> String {
        let base = environment["XDG_RUNTIME_DIR"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? environment["TMPDIR"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? "/tmp"
        var template = Array((base + "/engage-triage-note.XXXXXX").utf8CString)
        guard mkdtemp(&template) != nil else {
            throw Failure(description: "no temporary folder could be made in \(base) (\(String(cString: strerror(errno))))")
        }
        return String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Runs the editor in the foreground and waits for it; SIGINT and SIGQUIT (Ctrl-C, Ctrl-\)
    /// go to the editor alone meanwhile.
    private func runEditor(on path: String) throws(Failure) -> Int32 {
        var ignore = sigaction()
        ignore.__sigaction_handler.sa_handler = SIG_IGN
        var previousInterrupt = sigaction(), previousQuit = sigaction()
        sigaction(SIGINT, &ignore, &previousInterrupt)
        sigaction(SIGQUIT, &ignore, &previousQuit)
        defer {
            sigaction(SIGINT, &previousInterrupt, nil)
            sigaction(SIGQUIT, &previousQuit, nil)
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        let pid: pid_t
        do {
            pid = try CleanSpawn.start(["/bin/sh", "-c", command + " \"$1\"", "sh", path], environment: environment, actions: &actions)
        } catch {
            throw Failure(description: "the editor (\(command)) could not be started: \(error)")
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        // WIFEXITED / WEXITSTATUS, which Swift does not import.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
