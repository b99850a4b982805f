@testable import EngageSandbox
import Testing

@Suite("Fault plans", .timeLimit(.minutes(2)))
struct FaultPlanTests {
    @Test func parsesScriptsAndRates() throws {
        let (endpoint, faults) = try SandboxFaults.parseScript("accept=reset,ok,500,hang,truncated,malformed,429")
        #expect(endpoint == .accept)
        #expect(faults == [.connectionReset, nil, .status(500), .hang, .truncatedBody, .malformedJSON, .status(429)])
        let (rateEndpoint, rate, rateFaults) = try SandboxFaults.parseRate("list=0.25:503,reset")
        #expect(rateEndpoint == .list && rate == 0.25 && rateFaults == [.status(503), .connectionReset])
    }

    @Test(arguments: ["accept", "nowhere=500", "list=", "list=200", "show=teapot", "list=1.5:500", "list=0.5"])
    func rejectsBadSpecifications(spec: String) {
        #expect(throws: SandboxFaults.SpecificationError.self) {
            _ = try SandboxFaults.parseScript(spec)
            _ = try SandboxFaults.parseRate(spec)
        }
    }

    @Test func scriptsAreConsumedInOrderPerEndpoint() {
        let faults = SandboxFaults(seed: 1)
        faults.script(.accept, [.status(503), nil, .hang])
        #expect(faults.next(for: .list).fault == nil)
        #expect(faults.next(for: .accept).fault == .status(503))
        #expect(faults.next(for: .accept).fault == nil)
        #expect(faults.next(for: .accept).fault == .hang)
        #expect(faults.next(for: .accept).fault == nil)
    }

    @Test func ratesAreDeterministicUnderTheSeedAndRoughlyRight() {
        func draws(seed: UInt64) -> [Fault?] {
            let faults = SandboxFaults(seed: seed)
            faults.setRate(.list, rate: 0.3, faults: [.status(500), .status(503)])
            return (0..<1_000).map { _ in faults.next(for: .list).fault }
        }
        let first = draws(seed: 5)
        #expect(first == draws(seed: 5))
        #expect(first != draws(seed: 6))
        let failures = first.compactMap { $0 }.count
        #expect((220...380).contains(failures))
        #expect(Set(first.compactMap { $0 }) == [.status(500), .status(503)])
    }

    @Test func latencyAppliesAndClearResets() {
        let faults = SandboxFaults(seed: 1)
        faults.setLatency(.milliseconds(250))
        faults.script(.show, [.status(500)])
        #expect(faults.next(for: nil).latency == .milliseconds(250))
        faults.clear()
        #expect(faults.next(for: .show) == (nil, .zero))
    }
}
