import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// The client against the sandbox over real loopback HTTP.
@Suite("Client endpoints against the sandbox", .timeLimit(.minutes(2)))
struct ClientEndpointTests {
    @Test func listsEveryPendingAppointmentOverSeveralPages() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(appointmentCount: 60)) { sandbox in
            let client = sandbox.makeClient(pageSize: 7)
            let appointments = try await client.allAppointments(matching: .pending)
            let expected = sandbox.tenant.appointments.filter { $0.status == .incomingRequest }
            #expect(expected.count > 21, "the seed should need several pages")
            #expect(appointments.map(\.id) == expected.map(\.id))
            // Pages overlap by one row (each starts at the last row of the one before), so that a
            // row crossing a boundary while the list moves is still read by one of them.
            let lists = sandbox.receivedRequests.filter { $0.path.hasSuffix("/appointments") }
            #expect(lists.count == (expected.count + 5) / 6)
            let offsets = lists.compactMap { request in request.queryItems.first { $0.name == "offset" }?.value }
            #expect(Set(offsets) == Set(stride(from: 0, to: expected.count, by: 6).map(String.init)))
        }
    }

    @Test func pagesArriveWithAtMostTwoInFlight() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(appointmentCount: 80)) { sandbox in
            sandbox.faults.setLatency(.milliseconds(60))
            let client = sandbox.makeClient(pageSize: 5, retryPolicy: .none)
            var pages: [AppointmentPage] = []
            for try await page in client.appointmentPages(matching: .pending) { pages.append(page) }
            #expect(pages.count > 4)
            #expect(pages.first?.meta.offset == 0, "the first page comes first, the app is usable from it")
            #expect(sandbox.peakConcurrentRequests == 2)
            #expect(Set(pages.map(\.correlationId)).count == pages.count)
        }
    }

    @Test func filtersUseTheBracketSyntaxEvenForOneValue() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient()
            let query = AppointmentQuery(statuses: [.accepted, .cancelled], meetingTypes: [.video], officeIds: ["12"])
            let page = try await client.appointmentPage(matching: query)
            #expect(page.appointments.allSatisfy {
                [.accepted, .cancelled].contains($0.status) && $0.meetingType == .video && $0.office.id == "12"
            })
            let request = try #require(sandbox.receivedRequests.last)
            let sent = request.queryItems.map { "\($0.name)=\($0.value)" }
            #expect(sent == ["meeting-type[]=VIDEO", "status[]=ACCEPTED", "status[]=CANCELLED", "office-id[]=12", "offset=0", "limit=25"])
            // Foundation percent-encodes the brackets (status%5B%5D=), which servers decode as status[]=;
            // what must never go out is the plain form the real server rejects.
            #expect(!request.query.contains("status=") && !request.query.contains("office-id="))
        }
    }

    @Test func everyRequestCarriesTokenCorrelationIdAndLanguage() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient(acceptLanguage: "ja, en;q=0.5")
            _ = try await client.appointmentPage(matching: .pending)
            let shown = try await client.appointment(id: "1001")
            _ = try await client.accept(id: "1001")
            let requests = sandbox.receivedRequests
            #expect(requests.count == 3)
            for request in requests {
                #expect(request.headers["authorization"] == "Bearer \(SandboxConfiguration.demoToken)")
                #expect(request.headers["accept-language"] == "ja, en;q=0.5")
                let correlationId = try #require(request.headers["x-correlation-id"])
                #expect(correlationId.count <= 36 && UUID(uuidString: correlationId) != nil)
            }
            #expect(Set(requests.compactMap { $0.headers["x-correlation-id"] }).count == 3)
            #expect(requests[1].headers["x-correlation-id"] == shown.correlationId)
        }
    }

    @Test func showReturnsOneAppointmentLocalisedByAcceptLanguage() async throws {
        try await SandboxServer.withRunning { sandbox in
            let withLocation = try #require(sandbox.tenant.appointments.first {
                $0.location?.translations.city.contains { $0.language == .ja } == true
            })
            let japanese = try await sandbox.makeClient(acceptLanguage: "ja").appointment(id: withLocation.id)
            #expect(japanese.value.location?.city?.language == .ja)
            let english = try await sandbox.makeClient(acceptLanguage: "en *").appointment(id: withLocation.id)
            #expect(english.value.location?.city?.language == .en)
            #expect(english.value.location?.translations == withLocation.location?.translations)
        }
    }

    @Test func acceptMovesToAcceptedAndTheSecondAcceptIsRefused() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient()
            let before = try await client.appointment(id: "1001").value
            #expect(before.status == .incomingRequest)

            let accepted = try await client.accept(id: "1001").value
            #expect(accepted.status == .accepted)
            #expect(accepted.updatedAt > before.updatedAt)
            #expect(accepted.updatedBy == SandboxTenant.apiClientReference)
            #expect(accepted.appointmentParticipants == before.appointmentParticipants)
            #expect(accepted.answers == before.answers)
            #expect(try await client.appointment(id: "1001").value.status == .accepted)

            do {
                _ = try await client.accept(id: "1001")
                Issue.record("the second accept must fail")
            } catch let error as EngageError {
                #expect(error.kind == .businessRule && error.httpStatus == 422)
                #expect(error.isStatusInvalid)
                #expect(error.code == "APPOINTMENT_STATUS_INVALID")
                #expect(error.allowedStates == ["INCOMING_REQUEST"])
                #expect(error.correlationId != nil)
                #expect(error.message.hasPrefix("Already handled: this request is no longer pending"))
            }
            #expect(sandbox.receivedRequests.filter { $0.method == "POST" }.count == 2)
        }
    }

    @Test func reconciledSecondAcceptNamesTheCurrentStatus() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient()
            guard case .done = await client.performReconciling(.accept, on: "1001") else {
                Issue.record("first accept should succeed")
                return
            }
            let second = await client.performReconciling(.accept, on: "1001")
            guard case .rejected(let error, let current) = second else {
                Issue.record("second accept should be rejected, got \(second)")
                return
            }
            #expect(error.isStatusInvalid && current?.status == .accepted)
            #expect(second.message(for: .accept) == "Already handled: this request is no longer pending (status ACCEPTED).")
        }
    }

    @Test func unknownIdIsNotFound() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient()
            for attempt in [{ try await client.appointment(id: "nope/../1001") }, { try await client.accept(id: "0") }] {
                do {
                    _ = try await attempt()
                    Issue.record("expected 404")
                } catch let error as EngageError {
                    #expect(error.kind == .notFound && error.httpStatus == 404 && error.code == "NOT_FOUND")
                }
            }
        }
    }

    @Test func plainHTTPIsRefusedExceptOnLoopback() throws {
        let token = StaticTokenProvider(BearerToken("t"))
        for allowed in ["https://api.pexipengage.com/enterprises/acme", "http://127.0.0.1:8787/enterprises/acme",
                        "http://localhost:1/enterprises/acme", "http://[::1]:1/enterprises/acme"] {
            #expect(throws: Never.self) { try EngageClientConfiguration(baseURL: URL(string: allowed)!, tokenProvider: token) }
        }
        for refused in ["http://api.pexipengage.com/enterprises/acme", "ftp://127.0.0.1/x", "http://10.0.0.1/enterprises/acme",
                        // Names that merely start like a loopback address are names, resolved anywhere.
                        "http://127.attacker.example/enterprises/acme", "http://127.0.0.1.nip.example/enterprises/acme",
                        "http://localhost.attacker.example/x", "http://[::2]/x"] {
            #expect(throws: EngageError.self) { try EngageClientConfiguration(baseURL: URL(string: refused)!, tokenProvider: token) }
        }
    }

    @Test func idsThatWouldChangeThePathAreRefusedBeforeAnyRequest() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient()
            for id in ["", ".", ".."] {
                await #expect(throws: EngageError.self) { try await client.appointment(id: id) }
                guard case .notSent(let error) = await client.performReconciling(.accept, on: id) else {
                    Issue.record("the accept of \"\(id)\" should not be sent")
                    continue
                }
                #expect(error.message.contains("Not sent: an appointment id cannot be"))
            }
            #expect(sandbox.receivedRequests.isEmpty, "nothing left for those ids")
            // Anything else stays inside /appointments/{id}, percent-encoded.
            for id in ["a/b", "../1001", "%2e%2e", "1001?x=1", "with space", "ü"] {
                _ = try? await client.appointment(id: id)
            }
            let paths = sandbox.receivedRequests.map(\.path)
            #expect(paths.count == 6)
            #expect(paths.allSatisfy { $0.hasPrefix("/enterprises/acme/appointments/") && !$0.dropFirst(31).contains("/") }, "\(paths)")
        }
    }

    @Test func documentedBaseURLs() {
        #expect(EngageClientConfiguration.baseURL(environment: "development", enterprise: "acme")?.absoluteString
            == "https://api.development.pexipengage.com/enterprises/acme")
        #expect(EngageClientConfiguration.baseURL(environment: "production", enterprise: "acme")?.absoluteString
            == "https://api.pexipengage.com/enterprises/acme")
        #expect(EngageClientConfiguration.baseURL(environment: "staging", enterprise: "") == nil)
    }
}
