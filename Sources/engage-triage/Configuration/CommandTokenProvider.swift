import EngageAPI
import Foundation

/// A token printed by a command (`tokenCommand`), for password managers and CLIs of identity
/// providers, as git's credential helpers and aerc's `source-cred-cmd` do. The command runs
/// through `/bin/sh -c`, once; after a 401 it runs again for a fresh token.
actor CommandTokenProvider: TokenProvider {
    private let command: String
    private let timeout: Duration
    private var cached: BearerToken?

    init(command: String, timeout: Duration = .seconds(30)) {
        self.command = command
        self.timeout = timeout
    }

    func token() async throws(EngageError) -> BearerToken {
        if let cached { return cached }
        let token = try await run()
        cached = token
        return token
    }

    func invalidate(_ token: BearerToken) async -> Bool {
        if cached == token { cached = nil }
        return true
    }

    private func run() async throws(EngageError) -> BearerToken {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("engage-token-\(UUID().uuidString)")
        // A failure here shows as the FileHandle error below.
        _ = FileManager.default.createFile(atPath: output.path, contents: nil, attributes: [.posixPermissions: 0o600])
        defer { try? FileManager.default.removeItem(at: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        process.standardInput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        do {
            process.standardOutput = try FileHandle(forWritingTo: output)
            try process.run()
        } catch {
            throw EngageError(kind: .invalidConfiguration, detail: "The token command could not be started: \(error)")
        }
        let started = ContinuousClock.now
        while process.isRunning {
            if ContinuousClock.now - started > timeout {
                process.terminate()
                throw EngageError(kind: .invalidConfiguration, detail: "The token command did not finish within \(timeout).")
            }
            try? await Task.sleep(for: .milliseconds(10))
        }
        guard process.terminationStatus == 0 else {
            throw EngageError(
                kind: .invalidConfiguration, detail: "The token command exited with status \(process.terminationStatus).")
        }
        let text = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
        let token = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !token.isEmpty else { throw EngageError(kind: .invalidConfiguration, detail: "The token command printed nothing.") }
        return BearerToken(token)
    }
}
