import EngageAPI
import EngageSandbox
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The endpoints that name subjects, offices, employees and customers, as any HTTP client sees them.
@Suite("The sandbox's names over HTTP", .timeLimit(.minutes(2)))
struct SandboxNamesTests {
    private func get(_ sandbox: SandboxServer, _ pathAndQuery: String, language: String? = nil) async throws
        -> (status: Int, json: [String: Any])
    {
        var request = URLRequest(url: URL(string: sandbox.baseURL.absoluteString + pathAndQuery)!)
        request.setValue("Bearer \(SandboxConfiguration.demoToken)", forHTTPHeaderField: "Authorization")
        if let language { request.setValue(language, forHTTPHeaderField: "Accept-Language") }
        let (body, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any]))
    }

    @Test func everyNameItSendsMatchesTheDocumentedSchemaExactly() async throws {
        try await SandboxServer.withRunning { sandbox in
            var schema = DocumentedSchema()
            for (path, language) in [("/subjects?limit=100", "en"), ("/subjects?limit=100", "ja"), ("/offices?limit=100", "el")] {
                let page = try await get(sandbox, path, language: language)
                #expect(page.status == 200)
                for (index, item) in (page.json["data"] as? [Any] ?? []).enumerated() { schema.checkNamed(item, at: "\(path)[\(index)]") }
            }
            let employees = try await get(sandbox, "/employees?limit=100")
            let employeeItems = employees.json["data"] as? [Any] ?? []
            #expect(employeeItems.count == 41)
            for (index, item) in employeeItems.enumerated() { schema.checkEmployee(item, at: "employees[\(index)]") }
            for id in sandbox.tenant.appointments.compactMap(\.customer?.participant.id) {
                schema.checkCustomer(try await get(sandbox, "/customers/\(id)").json["data"], at: "customers/\(id)")
            }
            #expect(schema.violations.isEmpty, "\(schema.violations.prefix(10))")
        }
    }

    @Test func namesFollowAcceptLanguageAndAreNullWhereThereIsNoTranslation() async throws {
        try await SandboxServer.withRunning { sandbox in
            let japanese = try await get(sandbox, "/subjects?id[]=306&id[]=308", language: "ja")
            let items = try #require(japanese.json["data"] as? [[String: Any]])
            #expect(items.count == 2)
            #expect((items[0]["name"] as? [String: Any])?["value"] as? String == "住宅ローンのご相談")
            #expect(items[1]["name"] is NSNull, "308 has no Japanese name")
            let greek = try await get(sandbox, "/offices/15", language: "el, en;q=0.5")
            #expect(((greek.json["data"] as? [String: Any])?["name"] as? [String: Any])?["value"] as? String == "Αθήνα Σύνταγμα")
        }
    }

    @Test func theBracketSyntaxIsRequiredAndPagesFollowOffsetAndLimit() async throws {
        try await SandboxServer.withRunning { sandbox in
            #expect(try await get(sandbox, "/subjects?id=306").status == 400)
            #expect(try await get(sandbox, "/employees?status=ACTIVE").status == 400)
            #expect(try await get(sandbox, "/employees?status[]=SLEEPING").status == 400)
            #expect(try await get(sandbox, "/employees?available-role=AGENT").status == 400)
            #expect(try await get(sandbox, "/employees?available-role[]=CHEF").status == 400)
            #expect(try await get(sandbox, "/subjects?limit=0").status == 400)
            let page = try await get(sandbox, "/employees?offset=40&limit=5")
            #expect((page.json["data"] as? [Any])?.count == 1)
            #expect((page.json["meta"] as? [String: Any])?["totalCount"] as? Int == 41)
            let active = try await get(sandbox, "/employees?status[]=ACTIVE&limit=100")
            let statuses = (active.json["data"] as? [[String: Any]] ?? []).compactMap { $0["status"] as? String }
            #expect(!statuses.isEmpty && statuses.allSatisfy { $0 == "ACTIVE" })
            #expect(try await get(sandbox, "/customers").status == 404, "no list endpoint for customers")
            #expect(try await get(sandbox, "/customers/123").status == 404)
        }
    }

    @Test func aMissingScopeIsA403AndAMissingEndpointA404PerKind() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(missingScopes: [.customer], absentEndpoints: [.office])) { sandbox in
            let forbidden = try await get(sandbox, "/customers/53998")
            #expect(forbidden.status == 403)
            #expect(((forbidden.json["errors"] as? [[String: Any]])?.first?["message"] as? String)?.contains("engage:customers:readOnly") == true)
            #expect(try await get(sandbox, "/offices?id[]=12").status == 404)
            #expect(try await get(sandbox, "/subjects?id[]=306").status == 200)
        }
    }

    @Test func faultsCanBeAimedAtOneKindOfNames() async throws {
        try await SandboxServer.withRunning { sandbox in
            sandbox.faults.script(.customers, [.status(503)])
            let statuses = [
                try await get(sandbox, "/customers/53998").status, try await get(sandbox, "/customers/53998").status,
                try await get(sandbox, "/subjects?id[]=306").status,
            ]
            #expect(statuses == [503, 200, 200])
        }
    }
}
