import EngageAPI
import Foundation
import Testing

@Suite("The documentation's own examples decode verbatim", .timeLimit(.minutes(2)))
struct SeedExampleTests {
    @Test func acceptExampleDecodesEveryField() throws {
        let envelope = try EngageJSON.decoder().decode(DataEnvelope<Appointment>.self, from: Fixture.data("accept-200"))
        let appointment = envelope.data
        #expect(appointment.id == "123")
        #expect(appointment.externalId == "ABCD1234")
        #expect(appointment.start == Timestamp.parse("2022-08-17T09:00:00.000Z"))
        #expect(appointment.end == Timestamp.parse("2022-08-17T10:00:00Z"))
        #expect(appointment.subject.id == "123")
        #expect(appointment.office.id == "123")
        // The schema asks for two participants; the example has one, and it must still decode.
        #expect(appointment.appointmentParticipants == [
            AppointmentParticipant(
                role: .primary, participant: "string", type: .employee,
                videoUrl: "https://wwww.example.net/abc123", videoTestUrl: "https://wwww.example.net/abc123"),
        ])
        let answer = try #require(appointment.answers.first)
        #expect(answer.value == "A colleague")
        #expect(answer.selectedAnswerOptions == ["123"])
        #expect(answer.files == ["123"])
        #expect(answer.form.id == "123" && answer.question.id == "123" && answer.id == "123")
        #expect(answer.answerType == .subjectQuestionnaire)
        #expect(Timestamp.format(answer.createdAt) == "2022-08-17T19:05:21.362Z")
        #expect(Timestamp.format(answer.updatedAt) == "2022-08-17T19:05:21.362Z")
        #expect(appointment.callbackRequest?.id == "123")
        #expect(appointment.listing?.id == "123")
        #expect(appointment.leadSegment?.id == "123")
        #expect(appointment.meetingRoom?.id == "123")
        #expect(appointment.meetingType == .office)
        #expect(appointment.status == .accepted)
        #expect(appointment.hybrid == true)
        #expect(appointment.trailingBufferTime == 5)
        #expect(appointment.internalNotes == "Lorem ipsum")
        #expect(appointment.messageForCustomer == "Lorem ipsum")
        #expect(appointment.createdBy?.id == "123" && appointment.updatedBy?.id == "123")
        #expect(appointment.createdByType == .employee && appointment.updatedByType == .employee)
        #expect(appointment.createdFrom == .backofficeApp && appointment.updatedFrom == .backofficeApp)

        let location = try #require(appointment.location)
        #expect(location.city == LocalizedText(.en, "Lorem ipsum"))
        #expect(location.state == LocalizedText(.en, "Lorem ipsum"))
        #expect(location.street1?.value == "Lorem ipsum" && location.street2?.language == .en)
        #expect(location.postalCode == "9000")
        #expect(location.countryCode == "BE")
        #expect(location.formattedAddress == "string")
        #expect(location.geolocation == Geolocation(latitude: 51.0479466, longitude: 3.6912248))
        #expect(location.translations.city == [LocalizedText(.en, "Lorem ipsum")])
        #expect(location.translations.state.count == 1)
        #expect(location.translations.street1.count == 1)
        #expect(location.translations.street2.count == 1)
    }

    @Test func acceptExampleSurvivesARoundTrip() throws {
        let decoder = EngageJSON.decoder()
        let original = try decoder.decode(DataEnvelope<Appointment>.self, from: Fixture.data("accept-200")).data
        let encoded = try EngageJSON.encoder().encode(DataEnvelope(data: original))
        #expect(try decoder.decode(DataEnvelope<Appointment>.self, from: encoded).data == original)
        // Re-encoded JSON equals the documentation's JSON, value for value.
        let documented = try JSONSerialization.jsonObject(with: Fixture.data("accept-200")) as? NSDictionary
        let ours = try JSONSerialization.jsonObject(with: encoded) as? NSDictionary
        #expect(documented == ours)
    }

    @Test func notFoundExampleDecodes() throws {
        let envelope = try JSONDecoder().decode(ErrorEnvelope.self, from: Fixture.data("error-404"))
        #expect(envelope.errors == [ServerError(message: "string", code: "string", type: "string", statusCode: "string")])
    }

    @Test func businessRuleExampleDecodes() throws {
        let envelope = try JSONDecoder().decode(ErrorEnvelope.self, from: Fixture.data("error-422"))
        #expect(envelope.errors == [
            ServerError(message: "string", code: "string", type: "string", statusCode: "string", arguments: [:]),
        ])
    }

    @Test(.enabled(if: Fixture.seedPage != nil, "needs ../shared/seed beside the checkout"))
    func fixturesAreTheSeedPageExamples() throws {
        let page = try #require(Fixture.seedPage)
        for (status, name) in [("200", "accept-200"), ("404", "error-404"), ("422", "error-422")] {
            let marker = "Response examples (\(status))\n"
            let start = try #require(page.range(of: marker)).upperBound
            let rest = page[start...]
            let end = rest.range(of: "Response examples (")?.lowerBound ?? rest.endIndex
            let documented = try JSONSerialization.jsonObject(with: Data(rest[..<end].utf8)) as? NSDictionary
            let fixture = try JSONSerialization.jsonObject(with: Fixture.data(name)) as? NSDictionary
            #expect(documented != nil && documented == fixture, "Fixtures/\(name).json drifted from the seed page")
        }
    }
}
