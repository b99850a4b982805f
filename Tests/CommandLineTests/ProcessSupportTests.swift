@testable import engage_triage
import Foundation
import SpawnSupport
import Testing

/// What the program uses instead of Foundation's `Thread`, `NSUserName()` and
/// `NSHomeDirectory()`, held against them; what a program it starts inherits.
@Suite("Threads and the user account without Foundation", .timeLimit(.minutes(1)))
struct ProcessSupportTests {
    @Test func aDetachedThreadRunsTheWorkUnderItsName() async {
        let caller = pthread_self()
        let seen: (name: String, thread: pthread_t) = await withCheckedContinuation { continuation in
            DetachedThread.start(name: "engage-triage.screen") {
                let name = (try? String(contentsOfFile: "/proc/thread-self/comm", encoding: .utf8)) ?? ""
                continuation.resume(returning: (name.trimmingCharacters(in: .newlines), pthread_self()))
            }
        }
        #expect(seen.name == "engage-triage.s", "Linux keeps 15 bytes")
        #expect(pthread_equal(seen.thread, caller) == 0, "on a thread of its own")
    }

    @Test func aSpawnedProgramGetsNoneOfOurOpenFiles() async throws {
        // A pipe opened without close-on-exec, as libraries open some of theirs.
        var ends: [Int32] = [-1, -1]
        try #require(pipe(&ends) == 0)
        defer { ends.forEach { close($0) } }
        var status = stat()
        try #require(fstat(ends[0], &status) == 0)
        let listing = FileManager.default.temporaryDirectory.appendingPathComponent("engage-fds-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: listing) }
        let child = try Subprocess(["/bin/sh", "-c", "ls -l /proc/$$/fd"], environment: [:], stdout: listing.path)
        #expect(await child.exitStatus() == 0)
        let seen = try String(contentsOf: listing, encoding: .utf8)
        #expect(seen.contains("/dev/null"), "the listing: \(seen)")
        #expect(!seen.contains("pipe:[\(status.st_ino)]"), "the child inherited our pipe: \(seen)")
    }

    @Test func theUserAccountIsWhatFoundationReads() {
        #expect(UserAccount.name == NSUserName())
        #expect(UserAccount.home == NSHomeDirectory())
    }
}
