/// The command-line spelling of fault plans: `accept=reset,ok,500` and `list=0.2:500,503`.
extension SandboxFaults {
    /// A fault specification that does not parse, with a message saying what was expected.
    public struct SpecificationError: Error, Sendable {
        public var message: String
    }

    /// Parses `ENDPOINT=F1,F2,...` (a fault or `ok` each).
    public static func parseScript(_ spec: String) throws(SpecificationError) -> (SandboxEndpoint, [Fault?]) {
        let (endpoint, list) = try splitEndpoint(spec)
        let faults = try list.split(separator: ",").map { item throws(SpecificationError) -> Fault? in
            item.lowercased() == "ok" ? nil : try fault(String(item))
        }
        guard !faults.isEmpty else { throw SpecificationError(message: "'\(spec)' names no fault.") }
        return (endpoint, faults)
    }

    /// Parses `ENDPOINT=RATE:F1,F2` with RATE between 0 and 1.
    public static func parseRate(_ spec: String) throws(SpecificationError) -> (SandboxEndpoint, Double, [Fault]) {
        let (endpoint, rest) = try splitEndpoint(spec)
        let parts = rest.split(separator: ":", maxSplits: 1)
        guard parts.count == 2, let rate = Double(parts[0]), (0...1).contains(rate) else {
            throw SpecificationError(message: "'\(spec)' should read ENDPOINT=RATE:FAULT,... with RATE from 0 to 1.")
        }
        let faults = try parts[1].split(separator: ",").map { item throws(SpecificationError) in try fault(String(item)) }
        return (endpoint, rate, faults)
    }

    /// Parses `ENDPOINT=MILLISECONDS`, e.g. `accept=3000`.
    public static func parseLatency(_ spec: String) throws(SpecificationError) -> (SandboxEndpoint, Duration) {
        let (endpoint, rest) = try splitEndpoint(spec)
        guard let milliseconds = Int(rest), (0...600_000).contains(milliseconds) else {
            throw SpecificationError(message: "'\(spec)' should read ENDPOINT=MILLISECONDS with 0 to 600000 milliseconds.")
        }
        return (endpoint, .milliseconds(milliseconds))
    }

    private static func splitEndpoint(_ spec: String) throws(SpecificationError) -> (SandboxEndpoint, String) {
        let parts = spec.split(separator: "=", maxSplits: 1)
        guard parts.count == 2, let endpoint = SandboxEndpoint(rawValue: parts[0].lowercased()) else {
            let names = SandboxEndpoint.allCases.map { $0.rawValue + "=" }.joined(separator: ", ")
            throw SpecificationError(message: "'\(spec)' should start with one of \(names).")
        }
        return (endpoint, String(parts[1]))
    }

    private static func fault(_ text: String) throws(SpecificationError) -> Fault {
        guard let fault = Fault(spec: text) else {
            throw SpecificationError(
                message: "Unknown fault '\(text)': use an HTTP status (401, 403, 404, 429, 500, 503), malformed, truncated, reset or hang.")
        }
        return fault
    }
}
