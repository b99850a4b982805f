import EngageAPI
import EngageSandbox
import Foundation
import Testing
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The sandbox as any HTTP client sees it: raw requests over loopback, raw JSON back.
@Suite("The sandbox over HTTP", .timeLimit(.minutes(2)))
struct SandboxHTTPTests {
    private func get(
        _ sandbox: SandboxServer, _ pathAndQuery: String, token: String? = SandboxConfiguration.demoToken,
        method: String = "GET", language: String? = nil
    ) async throws -> (status: Int, json: Any, headers: [AnyHashable: Any]) {
        var request = URLRequest(url: URL(string: sandbox.baseURL.absoluteString + pathAndQuery)!)
        request.httpMethod = method
        if let token { request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization") }
        if let language { request.setValue(language, forHTTPHeaderField: "Accept-Language") }
        request.setValue("a4f0048e-c983-11ed-afa1-0242ac120002", forHTTPHeaderField: "X-Correlation-Id")
        let (body, response) = try await URLSession.shared.data(for: request)
        let http = try #require(response as? HTTPURLResponse)
        return (http.statusCode, try JSONSerialization.jsonObject(with: body), http.allHeaderFields)
    }

    @Test func everyAppointmentItSendsMatchesTheDocumentedSchemaExactly() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(appointmentCount: 120)) { sandbox in
            var schema = DocumentedSchema()
            var offset = 0
            var total = Int.max
            while offset < total {
                let page = try await get(sandbox, "/appointments?offset=\(offset)&limit=50", language: "el")
                let object = try #require(page.json as? [String: Any])
                #expect(Set(object.keys) == ["data", "meta"])
                let meta = try #require(object["meta"] as? [String: Int])
                #expect(Set(meta.keys) == ["offset", "limit", "totalCount"])
                total = try #require(meta["totalCount"])
                for (index, appointment) in (object["data"] as? [Any] ?? []).enumerated() {
                    schema.checkAppointment(appointment, at: "data[\(offset + index)]")
                }
                offset += 50
            }
            #expect(total == 120)
            let accepted = try await get(sandbox, "/appointments/1001/_actions/accept", method: "POST")
            #expect(accepted.status == 200)
            schema.checkAppointment((accepted.json as? [String: Any])?["data"], at: "accept.data")
            #expect(schema.violations == [])
        }
    }

    @Test func errorsUseTheDocumentedEnvelope() async throws {
        try await SandboxServer.withRunning { sandbox in
            let missing = try await get(sandbox, "/appointments/nope")
            #expect(missing.status == 404)
            let notFound = try #require((missing.json as? [String: [[String: Any]]])?["errors"]?.first)
            #expect(Set(notFound.keys) == ["message", "code", "type", "statusCode"])
            #expect(notFound["statusCode"] as? String == "404")

            _ = try await get(sandbox, "/appointments/1001/_actions/accept", method: "POST")
            let again = try await get(sandbox, "/appointments/1001/_actions/accept", method: "POST")
            #expect(again.status == 422)
            let invalid = try #require((again.json as? [String: [[String: Any]]])?["errors"]?.first)
            #expect(Set(invalid.keys) == ["message", "code", "type", "statusCode", "arguments"])
            #expect(invalid["code"] as? String == "APPOINTMENT_STATUS_INVALID")
            #expect(invalid["statusCode"] as? String == "422")
            #expect((invalid["arguments"] as? [String: [String]])?["allowedStates"] == ["INCOMING_REQUEST"])
        }
    }

    @Test func aBearerTokenIsRequired() async throws {
        try await SandboxServer.withRunning { sandbox in
            let status1 = try await get(sandbox, "/appointments", token: nil).status
            #expect(status1 == 401)
            let status2 = try await get(sandbox, "/appointments", token: "guess").status
            #expect(status2 == 401)
            let status3 = try await get(sandbox, "/appointments").status
            #expect(status3 == 200)
        }
    }

    @Test func arrayFiltersNeedTheBracketSyntax() async throws {
        try await SandboxServer.withRunning { sandbox in
            let status4 = try await get(sandbox, "/appointments?status=INCOMING_REQUEST").status
            #expect(status4 == 400)
            let status5 = try await get(sandbox, "/appointments?office-id=12").status
            #expect(status5 == 400)
            let status6 = try await get(sandbox, "/appointments?status%5B%5D=NOT_A_STATUS").status
            #expect(status6 == 400)
            let bracketed = try await get(sandbox, "/appointments?status%5B%5D=INCOMING_REQUEST&office-id%5B%5D=12&limit=100")
            #expect(bracketed.status == 200)
            let items = try #require((bracketed.json as? [String: Any])?["data"] as? [[String: Any]])
            #expect(!items.isEmpty)
            #expect(items.allSatisfy { $0["status"] as? String == "INCOMING_REQUEST" })
            #expect(items.allSatisfy { ($0["office"] as? [String: String])?["id"] == "12" })
        }
    }

    @Test func paginationSlicesAndCounts() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(appointmentCount: 30)) { sandbox in
            let page = try await get(sandbox, "/appointments?offset=25&limit=10")
            let object = try #require(page.json as? [String: Any])
            #expect((object["data"] as? [Any])?.count == 5)
            #expect(object["meta"] as? [String: Int] == ["offset": 25, "limit": 10, "totalCount": 30])
            let status7 = try await get(sandbox, "/appointments?limit=0").status
            #expect(status7 == 400)
            let status8 = try await get(sandbox, "/appointments?offset=-1").status
            #expect(status8 == 400)
        }
    }

    @Test func echoesTheCorrelationIdAndAnswersJSON() async throws {
        try await SandboxServer.withRunning { sandbox in
            let response = try await get(sandbox, "/appointments/1001")
            #expect(response.headers["X-Correlation-Id"] as? String == "a4f0048e-c983-11ed-afa1-0242ac120002")
            #expect((response.headers["Content-Type"] as? String)?.hasPrefix("application/json") == true)
        }
    }

    @Test func otherEnterprisesAndPathsAreNotFound() async throws {
        try await SandboxServer.withRunning { sandbox in
            let status9 = try await get(sandbox, "/widgets").status
            #expect(status9 == 404)
            let status10 = try await get(sandbox, "/appointments/1001/_actions/accept").status
            #expect(status10 == 404)  // GET, not POST
        }
    }

    @Test func stateChangesPersistForTheLifeOfTheServer() async throws {
        try await SandboxServer.withRunning { sandbox in
            let status11 = try await get(sandbox, "/appointments/1001/_actions/accept", method: "POST").status
            #expect(status11 == 200)
            let shown = try await get(sandbox, "/appointments/1001")
            #expect(((shown.json as? [String: Any])?["data"] as? [String: Any])?["status"] as? String == "ACCEPTED")
            let pending = try await get(sandbox, "/appointments?id%5B%5D=1001&status%5B%5D=INCOMING_REQUEST")
            #expect(((pending.json as? [String: Any])?["data"] as? [Any])?.isEmpty == true)
        }
    }
}

extension SandboxHTTPTests {
    @Test func stoppingClosesOpenConnectionsToo() async throws {
        let sandbox = try await SandboxServer.start()
        sandbox.faults.script(.show, [.hang])
        let client = sandbox.makeClient(requestTimeout: .seconds(20), retryPolicy: .none)
        let started = ContinuousClock.now
        async let hung: EngageResponse<Appointment> = client.appointment(id: "1001")
        while sandbox.receivedRequests.isEmpty { try await Task.sleep(for: .milliseconds(10)) }
        try await sandbox.stop()
        do {
            _ = try await hung
            Issue.record("a stopped sandbox must not answer")
        } catch let error as EngageError {
            #expect(error.kind == .transport)
        }
        #expect(ContinuousClock.now - started < .seconds(10), "the hung request ends with the sandbox")
    }
}
