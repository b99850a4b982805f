import EngageAPI
import EngageSandbox
import Foundation
import Testing

/// The client's name endpoints against the sandbox over loopback.
@Suite("Client names", .timeLimit(.minutes(1)))
struct ClientNamesTests {
    @Test func batchesGoOutAsOneRequestWithIdBracketsAndALimitThatFitsThem() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient()
            let ids = (300..<312).map(String.init)
            let names = try await client.names(for: NameRequest(kind: .subject, ids: ids, isVisible: true))
            #expect(names["306"] == Name("Mortgage advice"))
            #expect(names["308"] == nil, "no English name: absent, the id is shown")
            #expect(names.count == 11)
            let request = try #require(sandbox.receivedRequests.last)
            #expect(request.path == "/enterprises/acme/subjects")
            #expect(request.query.removingPercentEncoding == ids.map { "id[]=\($0)" }.joined(separator: "&") + "&offset=0&limit=12")
        }
    }

    @Test func colleaguesAreTheActiveAgentsWithTheirOfficesReadPageAfterPage() async throws {
        try await SandboxServer.withRunning { sandbox in
            let colleagues = try await sandbox.makeClient().colleagues()
            let expected = SandboxDirectory.employeeIDs.filter { id in
                SandboxDirectory.roles(of: id).contains("AGENT") && SandboxDirectory.employee(id: id, languages: [.en])?.status == .active
            }
            #expect(colleagues.map(\.id) == expected && !expected.isEmpty)
            #expect(colleagues.allSatisfy { $0.officeRelations?.isEmpty == false }, "each with the offices they work for")
            let request = try #require(sandbox.receivedRequests.last)
            #expect(request.path == "/enterprises/acme/employees")
            #expect(request.query.removingPercentEncoding == "status[]=ACTIVE&available-role[]=AGENT&offset=0&limit=100")
        }
    }

    @Test func anOfficeRelationReadsEitherShapeAndWritesOne() throws {
        let decoded = try JSONDecoder().decode([OfficeRelation].self, from: Data(#"[{"officeId":"12","x":1},{"office":{"id":"14"}}]"#.utf8))
        #expect(decoded.map(\.officeId) == ["12", "14"])
        #expect(String(decoding: try JSONEncoder().encode(decoded[1]), as: UTF8.self) == #"{"officeId":"14"}"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(OfficeRelation.self, from: Data(#"{"name":"x"}"#.utf8)) }
    }

    @Test func aRequestInAnotherLanguageSaysSoInItsAcceptLanguage() async throws {
        try await SandboxServer.withRunning { sandbox in
            let client = sandbox.makeClient(acceptLanguage: "en *")
            let names = try await client.names(for: NameRequest(kind: .office, ids: ["14"], language: .ja, isVisible: true))
            #expect(names["14"]?.text == "東京 丸の内支店")
            #expect(sandbox.receivedRequests.last?.headers["accept-language"] == "ja")
            _ = try await client.names(for: NameRequest(kind: .employee, ids: ["7030"], isVisible: false))
            #expect(sandbox.receivedRequests.last?.headers["accept-language"] == "en *")
        }
    }

    @Test func customersAreReadOneByOneAndTheirErrorsKeepTheirKind() async throws {
        try await SandboxServer.withRunning(SandboxConfiguration(missingScopes: [.customer])) { sandbox in
            let client = sandbox.makeClient()
            do throws(EngageError) {
                _ = try await client.names(for: NameRequest(kind: .customer, ids: ["53998"], isVisible: true))
                Issue.record("a missing scope is a 403")
            } catch {
                #expect(error.kind == .forbidden && error.httpStatus == 403 && error.correlationId != nil)
            }
            #expect(sandbox.receivedRequests.last?.path == "/enterprises/acme/customers/53998")
        }
        try await SandboxServer.withRunning { sandbox in
            let names = try await sandbox.makeClient().names(for: NameRequest(kind: .customer, ids: ["53998"], isVisible: true))
            #expect(names["53998"]?.text == "Amélie Dubois")
            do throws(EngageError) {
                _ = try await sandbox.makeClient().names(for: NameRequest(kind: .customer, ids: ["1"], isVisible: true))
                Issue.record("an unknown customer is a 404")
            } catch {
                #expect(error.kind == .notFound)
            }
        }
    }
}
