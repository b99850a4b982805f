import EngageAPI
import EngageSandbox
import Foundation
import Testing
import TriageCore

/// Names in the commands' output, against a sandbox over loopback: tables by name, `--json`
/// unchanged, `--json --names` for scripts, and ids where the token may not read a kind.
@Suite("Names in the commands", .timeLimit(.minutes(2)))
struct NamesCommandLineTests {
    private static let token = "names-cli-token-77"

    private func withTenant(_ configuration: SandboxConfiguration = SandboxConfiguration(token: token),
                            _ body: (SandboxServer, [String: String]) async throws -> Void) async throws {
        try await SandboxServer.withRunning(configuration) { sandbox in
            let state = FileManager.default.temporaryDirectory.appendingPathComponent("engage-names-\(UUID().uuidString)")
            try await body(sandbox, CommandRunner.environment([
                "ENGAGE_BASE_URL": sandbox.baseURL.absoluteString, "ENGAGE_TOKEN": Self.token,
                "XDG_STATE_HOME": state.path, "XDG_CACHE_HOME": state.appendingPathComponent("cache").path,
            ]))
        }
    }

    private func pending(_ sandbox: SandboxServer) -> [Appointment] {
        sandbox.tenant.appointments.filter { $0.status == .incomingRequest }
    }

    @Test func theListTableNamesCustomersSubjectsOfficesAndEmployees() async throws {
        try await withTenant { sandbox, environment in
            let result = try await CommandRunner.triage(["list"], environment: environment)
            #expect(result.status == 0, "\(result.stderr)")
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines[0].contains("CUSTOMER") && lines[0].contains("SUBJECT") && lines[0].contains("EMPLOYEE"))
            #expect(lines[1].contains("Amélie Dubois") && lines[1].contains("Mortgage advice") && lines[1].contains("Utrecht Station"))
            // Every id at most once: one request per customer, the batched kinds in batches.
            let requests = sandbox.receivedRequests.filter { !$0.path.hasSuffix("/appointments") }
            let customers = requests.filter { $0.path.contains("/customers/") }.map(\.path)
            #expect(customers.count == Set(customers).count)
            #expect(customers.count == Set(pending(sandbox).compactMap { $0.customer?.participant.id }).count)
            #expect(requests.filter { $0.path.hasSuffix("/subjects") }.count == 1)
        }
    }

    @Test func jsonStaysTheAPIsDataAndNamesAreAddedOnlyWhenAskedFor() async throws {
        try await withTenant { sandbox, environment in
            let plain = try await CommandRunner.triage(["list", "--json"], environment: environment)
            #expect(plain.status == 0)
            #expect(!plain.stdout.contains("\"names\""))
            #expect(sandbox.receivedRequests.allSatisfy { $0.path.hasSuffix("/appointments") }, "--json reads no names")
            let named = try await CommandRunner.triage(["list", "--json", "--names"], environment: environment)
            let items = try #require(try JSONSerialization.jsonObject(with: Data(named.stdout.utf8)) as? [[String: Any]])
            let first = try #require(items.first)
            #expect(first["id"] as? String == "1001" && first["status"] as? String == "INCOMING_REQUEST")
            let names = try #require(first["names"] as? [String: Any])
            #expect(names["customer"] as? String == "Amélie Dubois")
            #expect(names["subject"] as? String == "Mortgage advice")
            // Everything else is the API's own data, unchanged.
            var withoutNames = first
            withoutNames["names"] = nil
            let decoded = try EngageJSON.decoder().decode(Appointment.self, from: try JSONSerialization.data(withJSONObject: withoutNames))
            let plainFirst = try EngageJSON.decoder().decode([Appointment].self, from: Data(plain.stdout.utf8))[0]
            #expect(decoded == plainFirst)
            let refused = try await CommandRunner.triage(["list", "--names"], environment: environment)
            #expect(refused.status != 0 && refused.stderr.contains("--names goes with --json"))
        }
    }

    @Test func showNamesTheParticipantsWithTheirIds() async throws {
        try await withTenant { _, environment in
            let result = try await CommandRunner.triage(["show", "1001"], environment: environment)
            #expect(result.status == 0)
            #expect(result.stdout.contains("1. PRIMARY CUSTOMER  Amélie Dubois (53998)"))
            #expect(result.stdout.contains("Subject               Mortgage advice (306)"))
            let ids = try await CommandRunner.triage(["show", "1001", "--no-names"], environment: environment)
            #expect(ids.stdout.contains("1. PRIMARY CUSTOMER  53998\n"))
        }
    }

    @Test func aMissingScopeShowsIdsQuietlyAndDoctorSaysWhatToAskFor() async throws {
        let configuration = SandboxConfiguration(token: Self.token, missingScopes: [.customer])
        try await withTenant(configuration) { _, environment in
            let result = try await CommandRunner.triage(["list"], environment: environment)
            #expect(result.status == 0)
            #expect(result.stdout.split(separator: "\n")[1].contains("53998"))
            #expect(!result.stderr.lowercased().contains("error") && !result.stderr.contains("403"), "\(result.stderr)")
            let log = try String(contentsOfFile: environment["XDG_STATE_HOME"]! + "/engage-triage/engage-triage.log", encoding: .utf8)
            #expect(log.components(separatedBy: "Names of customers are not shown").count == 2, "one quiet line:\n\(log)")
            let doctor = try await CommandRunner.triage(["doctor"], environment: environment)
            #expect(doctor.status == 0)
            #expect(doctor.stdout.contains("note    names: customers are shown as ids: the token lacks engage:customers:readOnly"))
        }
    }
}
