import Foundation

/// Runs the real executables built next to this test bundle, as a user's shell would.
struct CommandRunner {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
        var all: String { stdout + stderr }
    }

    /// The folder holding `engage-triage` and `engage-sandbox` (`swift test` builds them because this
    /// test target depends on them).
    static let productsFolder: URL = {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.appendingPathComponent("engage-triage").path) }
            ?? candidates[0]
    }()

    /// A home of the test run's own, so no test reads or writes the developer's configuration or logs.
    static let scratchHome: URL = {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engage-home-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }()

    /// A clean environment: no ENGAGE_* from the developer's shell leaks into a test.
    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TZ": "UTC", "LANG": "C.UTF-8",
            "HOME": scratchHome.path, "XDG_STATE_HOME": scratchHome.appendingPathComponent("state").path,
        ]
        environment.merge(extra) { $1 }
        return environment
    }

    /// Starts `executable` with output going to temporary files (no pipe can fill up and block it).
    static func launch(_ executable: String, _ arguments: [String], environment: [String: String]) throws
        -> (process: Subprocess, stdout: URL, stderr: URL)
    {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("engage-cli-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let stdout = folder.appendingPathComponent("stdout")
        let stderr = folder.appendingPathComponent("stderr")
        let process = try Subprocess(
            [productsFolder.appendingPathComponent(executable).path] + arguments, environment: environment,
            stdout: stdout.path, stderr: stderr.path)
        return (process, stdout, stderr)
    }

    /// Runs `engage-triage` with `arguments` to completion (killed after `deadline`).
    static func triage(_ arguments: [String], environment: [String: String] = environment(), deadline: Duration = .seconds(60))
        async throws -> Result
    {
        let (process, stdout, stderr) = try launch("engage-triage", arguments, environment: environment)
        let status = await process.exitStatus(deadline: deadline)
        return Result(
            status: status,
            stdout: (try? String(contentsOf: stdout, encoding: .utf8)) ?? "",
            stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "")
    }
}
