import EngageContract
import Foundation
import Testing

/// The documented shapes of subjects, offices, employees and customers decode, nulls and unknown
/// keys included, and name what they can.
@Suite("Names in the contract", .timeLimit(.minutes(1)))
struct NameDecodingTests {
    private func decode<Value: Decodable>(_ type: Value.Type, _ json: String) throws -> Value {
        try EngageJSON.decoder().decode(type, from: Data(json.utf8))
    }

    @Test func subjectsAndOfficesWithANameOrNull() throws {
        let page = try decode(ListEnvelope<Subject>.self, """
            {"data": [{"id": "306", "name": {"language": "ja", "value": "住宅ローン"}, "color": "#fff"},
                      {"id": "308", "name": null}, {"id": "309"}],
             "meta": {"offset": 0, "limit": 3, "totalCount": 3}}
            """)
        #expect(page.data.map(\.displayName?.text) == ["住宅ローン", nil, nil])
        #expect(page.data[0].name?.language == .ja)
        let office = try decode(DataEnvelope<Office>.self, #"{"data": {"id": "12", "name": {"language": "xx", "value": "Utrecht"}}}"#)
        #expect(office.data.name?.language == .unknown("xx") && office.data.displayName?.text == "Utrecht")
        let blank = try decode(Subject.self, #"{"id": "1", "name": {"language": "en", "value": "  "}}"#)
        #expect(blank.displayName == nil)
    }

    @Test func employeesNeedFirstAndLastNameAndKeepUnknownStatuses() throws {
        let employee = try decode(Employee.self, """
            {"id": "7030", "firstName": "Mateo", "lastName": "van den Berg", "email": null,
             "function": {"language": "en", "value": "Mortgage advisor"}, "status": "ON_LEAVE", "officeRelations": []}
            """)
        #expect(employee.displayName == Name("Mateo van den Berg", detail: "Mortgage advisor"))
        #expect(employee.status == .unknown("ON_LEAVE"))
        let noFunction = try decode(Employee.self, #"{"id": "1", "firstName": "A", "lastName": "B", "function": null}"#)
        #expect(noFunction.displayName?.detail == nil)
        #expect(throws: DecodingError.self) { try decode(Employee.self, #"{"id": "1", "firstName": "A"}"#) }
    }

    @Test func aCustomerIsNamedByPersonThenCompanyThenEmailElseNotAtAll() throws {
        let everything = try decode(Customer.self, """
            {"id": "1", "firstName": "Amélie", "lastName": "Dubois", "company": "Dubois SARL", "email": "a@example.test",
             "phoneNumber": "+33 6", "customerNumber": "C-1", "gdpr": true}
            """)
        #expect(everything.displayName == Name("Amélie Dubois", detail: "Dubois SARL · a@example.test · +33 6 · no. C-1"))
        let nulls = try decode(Customer.self, """
            {"id": "2", "firstName": null, "lastName": null, "company": null, "email": null, "phoneNumber": null, "customerNumber": null}
            """)
        #expect(nulls.displayName == nil)
        let company = try decode(Customer.self, #"{"id": "3", "company": "Acme", "email": "x@example.test"}"#)
        #expect(company.displayName == Name("Acme", detail: "x@example.test"))
        let email = try decode(Customer.self, #"{"id": "4", "email": "x@example.test"}"#)
        #expect(email.displayName == Name("x@example.test"))
        let lastName = try decode(Customer.self, #"{"id": "5", "lastName": "Dubois"}"#)
        #expect(lastName.displayName == Name("Dubois"))
    }

    @Test func encodingWritesNullsExplicitlyAsTheServerDoes() throws {
        let json = String(decoding: try EngageJSON.encoder().encode(Customer(id: "1")), as: UTF8.self)
        #expect(json.contains(#""company":null"#) && json.contains(#""firstName":null"#))
        let subject = String(decoding: try EngageJSON.encoder().encode(Subject(id: "1", name: nil)), as: UTF8.self)
        #expect(subject.contains(#""name":null"#))
    }
}
