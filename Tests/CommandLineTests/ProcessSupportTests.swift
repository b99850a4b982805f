@testable import engage_triage
import Foundation
import SpawnSupport
import Testing

/// What the program uses instead of Foundation's `Thread`, `NSUserName()` and
/// `NSHomeDirectory()`, held against them.
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

    @Test func theUserAccountIsWhatFoundationReads() {
        #expect(UserAccount.name == NSUserName())
        #expect(UserAccount.home == NSHomeDirectory())
    }
}
