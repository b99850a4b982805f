import EngageAPI
import EngageSandbox
import Foundation
import TriageCore
import TriageRuntime

/// A journal that keeps nothing: the benchmarks accept nothing.
struct NoJournal: WriteJournal {
    func record(_ entry: WriteJournalEntry) throws {}
}

/// The data the benchmarks use: the sandbox's seeded tenant, as the app would load it.
enum Fixtures {
    static let utc = Zone.utc

    static func appointments(_ count: Int) -> [Appointment] {
        SandboxSeeder(seed: 1, count: count, referenceDate: SandboxSeeder.today()).appointments()
    }

    /// The size of a seeded tenant with at least `pending` pending requests (the screen lists the
    /// pending ones; about three in four of the seeded tenant are), and the exact pending count.
    static func tenant(withPending pending: Int) -> (size: Int, pending: [Appointment]) {
        var size = pending * 4 / 3 + 100
        while true {
            let found = appointments(size).filter { $0.status == .incomingRequest }
            if found.count >= pending { return (size, found) }
            size += max(100, (pending - found.count) * 2)
        }
    }

    /// A state with `appointments` loaded in pages of `pageSize`, as the reducer builds it, and
    /// every name it asks for answered from the sandbox's directory (in-process, at once).
    static func loadedState(_ appointments: [Appointment], size: Size, pageSize: Int = 25) -> AppState {
        var state = AppState(options: AppOptions(tenantName: "demo", timeZone: utc), size: size)
        var asked = Reducer.reduce(&state, .start)
        for offset in stride(from: 0, to: appointments.count, by: pageSize) {
            let page = AppointmentPage(
                appointments: Array(appointments[offset..<min(appointments.count, offset + pageSize)]),
                meta: PageMeta(offset: offset, limit: pageSize, totalCount: appointments.count), correlationId: "bench")
            asked += Reducer.reduce(&state, .pageLoaded(generation: state.generation, page))
        }
        asked += Reducer.reduce(&state, .loadFinished(generation: state.generation, isComplete: true))
        while let effect = asked.popLast() {
            guard case .resolveNames(let request) = effect else { continue }
            asked += Reducer.reduce(&state, .namesResolved(request, .success(SandboxDirectory.names(for: request))))
        }
        return state
    }

    /// Where `engage-triage` was built (next to this benchmark).
    static var triageBinary: String {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("engage-triage").path
    }

    /// The tests' self-signed certificate (for 127.0.0.1) and its key, read from the source tree
    /// this benchmark was built from.
    struct TestCertificate {
        var certificatePath: String
        var certificatePEM: String
        var privateKeyPEM: String
    }

    static var testCertificate: TestCertificate? {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Tests/EngageAPITests/TLS")
        let certificatePath = folder.appendingPathComponent("localhost-cert.pem").path
        guard let certificate = try? String(contentsOfFile: certificatePath, encoding: .utf8),
              let key = try? String(contentsOfFile: folder.appendingPathComponent("localhost-key.pem").path, encoding: .utf8)
        else { return nil }
        return TestCertificate(certificatePath: certificatePath, certificatePEM: certificate, privateKeyPEM: key)
    }

    static func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "TERM": "xterm-256color",
            "LANG": "C.UTF-8", "TZ": "UTC", "HOME": NSTemporaryDirectory(),
            "XDG_STATE_HOME": NSTemporaryDirectory() + "/engage-bench-state",
        ]
        environment.merge(extra) { $1 }
        return environment
    }
}
