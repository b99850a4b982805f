import ArgumentParser
import EngageAPI
import EngageSandbox
import Foundation

/// `engage-sandbox`: a stand-in Engage tenant on loopback, for demos, tests and scripts.
@main
struct EngageSandboxCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "engage-sandbox",
        abstract: "Serve a stand-in Pexip Engage tenant with seeded demo data on 127.0.0.1.",
        discussion: """
            Faults: --fault ENDPOINT=F1,F2,... scripts the next answers of an endpoint in order; \
            --fault-rate ENDPOINT=RATE:F1,F2 makes RATE (0-1) of its answers fail with one of the faults. \
            ENDPOINT is list, show, accept, token, subjects, offices, employees or customers; a fault is an HTTP status (401, 403, 404, 429, 500, 503), \
            malformed, truncated, reset or hang, and ok lets one answer through.
            """)

    @Option(help: "Port to listen on (0 picks a free one).")
    var port: Int = 8787

    @Option(help: "The bearer token to require (default: \(SandboxConfiguration.demoToken)).")
    var token: String?

    @Option(help: "The OAuth2 client id the token endpoint accepts.")
    var clientId: String = SandboxConfiguration.demoClientID

    @Option(help: "The OAuth2 client secret the token endpoint accepts.")
    var clientSecret: String = SandboxConfiguration.demoClientSecret

    @Option(name: .customLong("token-lifetime"), help: "Seconds an issued access token lives (expires_in).")
    var tokenLifetime: Int = 300

    @Option(help: "Seed of the data and of the fault draws.")
    var seed: UInt64 = 1

    @Option(help: "How many appointments the tenant has.")
    var appointments: Int = 60

    @Option(help: "The enterprise in the path /enterprises/<enterprise>.")
    var enterprise: String = "acme"

    @Option(name: .customLong("latency-ms"), help: "Delay every answer by this many milliseconds.")
    var latencyMilliseconds: Int = 0

    @Option(name: .customLong("latency"), help: ArgumentHelp(
        "Delay one endpoint's answers instead, e.g. accept=3000 (milliseconds; repeatable).", valueName: "spec"))
    var endpointLatencies: [String] = []

    @Option(name: .customLong("fault"), help: ArgumentHelp("Scripted faults, e.g. accept=reset,ok,500.", valueName: "spec"))
    var scriptedFaults: [String] = []

    @Option(name: .customLong("fault-rate"), help: ArgumentHelp("Random faults, e.g. list=0.2:500,503.", valueName: "spec"))
    var faultRates: [String] = []

    @Option(name: .customLong("tls-cert"), help: ArgumentHelp("Serve https with this certificate (PEM; with --tls-key).", valueName: "file"))
    var tlsCertificate: String?

    @Option(name: .customLong("tls-key"), help: ArgumentHelp("The private key (PEM) of --tls-cert.", valueName: "file"))
    var tlsKey: String?

    @Option(name: .customLong("missing-scope"), help: ArgumentHelp(
        "Answer 403 for one kind of names, as for a token without its scope: subjects, offices, employees or "
            + "customers (repeatable).", valueName: "kind"))
    var missingScopes: [String] = []

    @Option(name: .customLong("missing-endpoint"), help: ArgumentHelp(
        "Answer 404 for one kind of names, as a tenant without the endpoint (repeatable).", valueName: "kind"))
    var missingEndpoints: [String] = []

    @Option(help: ArgumentHelp(
        "Every SECONDS a new pending request arrives, and every second time a colleague accepts the oldest one.",
        valueName: "seconds"))
    var churn: Double?

    /// `customers` (or `customer`) as a kind of names.
    private static func kinds(_ names: [String], option: String) throws -> Set<NameKind> {
        Set(try names.map { name in
            guard let kind = NameKind.allCases.first(where: { [$0.rawValue, $0.rawValue + "s"].contains(name.lowercased()) })
            else { throw ValidationError("--\(option) takes subjects, offices, employees or customers, not '\(name)'.") }
            return kind
        })
    }

    func validate() throws {
        _ = try Self.kinds(missingScopes, option: "missing-scope")
        _ = try Self.kinds(missingEndpoints, option: "missing-endpoint")
        guard (tlsCertificate == nil) == (tlsKey == nil) else { throw ValidationError("--tls-cert and --tls-key go together.") }
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be 0-65535.") }
        guard appointments >= 0 else { throw ValidationError("--appointments must be 0 or more.") }
        guard latencyMilliseconds >= 0 else { throw ValidationError("--latency-ms must be 0 or more.") }
        guard tokenLifetime > 0 else { throw ValidationError("--token-lifetime must be above 0.") }
        if let churn, !(churn >= 0.05 && churn <= 86_400) { throw ValidationError("--churn must be 0.05 to 86400 seconds.") }
        for spec in scriptedFaults {
            _ = try parse(SandboxFaults.parseScript, spec)
        }
        for spec in endpointLatencies {
            _ = try parse(SandboxFaults.parseLatency, spec)
        }
        for spec in faultRates {
            _ = try parse(SandboxFaults.parseRate, spec)
        }
    }

    func run() async throws {
        var tls: (certificateChainPEM: String, privateKeyPEM: String)?
        if let tlsCertificate, let tlsKey {
            do {
                tls = (try String(contentsOfFile: tlsCertificate, encoding: .utf8), try String(contentsOfFile: tlsKey, encoding: .utf8))
            } catch {
                throw ValidationError("Cannot read --tls-cert or --tls-key: \(error.localizedDescription)")
            }
        }
        let server = try await SandboxServer.start(SandboxConfiguration(
            port: port, enterprise: enterprise, token: token ?? SandboxConfiguration.demoToken, seed: seed,
            appointmentCount: appointments, clientID: clientId, clientSecret: clientSecret,
            tokenLifetime: .seconds(tokenLifetime), tls: tls,
            missingScopes: try Self.kinds(missingScopes, option: "missing-scope"),
            absentEndpoints: try Self.kinds(missingEndpoints, option: "missing-endpoint")))
        server.faults.setLatency(.milliseconds(latencyMilliseconds))
        if let churn { server.startChurn(every: .milliseconds(Int64(churn * 1000))) }
        for spec in endpointLatencies {
            let (endpoint, latency) = try parse(SandboxFaults.parseLatency, spec)
            server.faults.setLatency(latency, for: endpoint)
        }
        for spec in scriptedFaults {
            let (endpoint, faults) = try parse(SandboxFaults.parseScript, spec)
            server.faults.script(endpoint, faults)
        }
        for spec in faultRates {
            let (endpoint, rate, faults) = try parse(SandboxFaults.parseRate, spec)
            server.faults.setRate(endpoint, rate: rate, faults: faults)
        }
        let banner = """
            Engage sandbox serving \(server.baseURL.absoluteString)
            Token: \(server.configuration.token)
            OAuth2: client \(server.configuration.clientID), secret \(server.configuration.clientSecret), token URL \(server.tokenURL.absoluteString)

              export ENGAGE_BASE_URL=\(server.baseURL.absoluteString)
              export ENGAGE_TOKEN=\(server.configuration.token)

            \(server.tenant.appointments.count) appointments, seed \(seed). Stop with Ctrl-C.

            """
        // Written unbuffered, so a script reading the pipe sees the URL at once.
        FileHandle.standardOutput.write(Data(banner.utf8))
        try await server.waitUntilStopped()
    }

    private func parse<T>(_ parser: (String) throws(SandboxFaults.SpecificationError) -> T, _ spec: String) throws -> T {
        do {
            return try parser(spec)
        } catch {
            throw ValidationError(error.message)
        }
    }
}
