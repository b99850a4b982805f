import Synchronization

/// The fault plan of a running sandbox: a latency for every answer, and per endpoint a scripted
/// sequence of faults (consumed one per request) or a rate at which faults are drawn.
/// Deterministic: the draws come from a generator seeded with the sandbox's seed.
public final class SandboxFaults: Sendable {
    private struct State {
        var latency: Duration = .zero
        var endpointLatency: [SandboxEndpoint: Duration] = [:]
        var scripts: [SandboxEndpoint: [Fault?]] = [:]
        var rates: [SandboxEndpoint: (rate: Double, faults: [Fault])] = [:]
        var random: SeededGenerator
    }

    private let state: Mutex<State>

    public init(seed: UInt64) {
        state = Mutex(State(random: SeededGenerator(seed: seed ^ 0xFA17)))
    }

    /// Delays every answer (faults included) by `latency`.
    public func setLatency(_ latency: Duration) {
        state.withLock { $0.latency = latency }
    }

    /// Delays the answers of `endpoint` by `latency` instead (a slow accept, say).
    public func setLatency(_ latency: Duration, for endpoint: SandboxEndpoint) {
        state.withLock { $0.endpointLatency[endpoint] = latency }
    }

    /// The next requests to `endpoint` get these faults in order; `nil` lets one request through.
    /// Appends to any script not yet consumed.
    public func script(_ endpoint: SandboxEndpoint, _ faults: [Fault?]) {
        state.withLock { $0.scripts[endpoint, default: []] += faults }
    }

    /// Each request to `endpoint` (after any script) fails with probability `rate`, with a fault
    /// drawn from `faults`. A rate of 0 removes it.
    public func setRate(_ endpoint: SandboxEndpoint, rate: Double, faults: [Fault]) {
        state.withLock { state in
            state.rates[endpoint] = rate > 0 && !faults.isEmpty ? (min(rate, 1), faults) : nil
        }
    }

    /// Removes every fault and the latency.
    public func clear() {
        state.withLock { state in
            state.latency = .zero
            state.endpointLatency = [:]
            state.scripts = [:]
            state.rates = [:]
        }
    }

    /// Decides the fate of the next request to `endpoint`, consuming the script.
    func next(for endpoint: SandboxEndpoint?) -> (fault: Fault?, latency: Duration) {
        state.withLock { state in
            guard let endpoint else { return (nil, state.latency) }
            let latency = state.endpointLatency[endpoint] ?? state.latency
            if var script = state.scripts[endpoint], !script.isEmpty {
                let fault = script.removeFirst()
                state.scripts[endpoint] = script
                return (fault, latency)
            }
            guard let (rate, faults) = state.rates[endpoint] else { return (nil, latency) }
            let draw = Double.random(in: 0..<1, using: &state.random)
            let fault = draw < rate ? faults.randomElement(using: &state.random) : nil
            return (fault, latency)
        }
    }
}
