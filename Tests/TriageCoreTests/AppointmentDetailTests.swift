import EngageAPI
import Foundation
import Testing
@testable import TriageCore

@Suite("Appointment detail sections", .timeLimit(.minutes(2)))
struct AppointmentDetailTests {
    private let detail = AppointmentDetail(time: TimeDisplay(timeZone: .utc), preferredLanguage: .el)

    private func appointment() -> Appointment {
        let created = Date(timeIntervalSince1970: 1_795_000_000)
        return Appointment(
            id: "1001", externalId: "CRM-1", start: nil, end: nil, subject: "305", office: "12",
            appointmentParticipants: [
                AppointmentParticipant(role: .primary, participant: "c1", type: .customer,
                                       videoUrl: "https://v/1", videoTestUrl: "https://v/t/1"),
                AppointmentParticipant(role: .secondary, participant: "e1", type: .unknown("ROBOT")),
            ],
            answers: [Answer(value: "A colleague", selectedAnswerOptions: ["600", "601"], files: nil, id: "a1",
                             form: "20", question: "200", answerType: .qualification, createdAt: created, updatedAt: created)],
            meetingType: .onLocation, status: .incomingRequest, internalNotes: "line one\n\u{1B}]0;title\u{07}line two",
            createdAt: created, createdBy: "c1", createdByType: .customer, createdFrom: .plugin,
            updatedAt: created, updatedBy: nil, updatedByType: .other, updatedFrom: .other,
            location: Location(
                city: LocalizedText(.en, "Athens"), state: nil, street1: LocalizedText(.en, "23 Ermou Street"), street2: nil,
                postalCode: "105 63", countryCode: "GR", formattedAddress: "23 Ermou Street, 105 63 Athens, GR",
                geolocation: Geolocation(latitude: 37.9763, longitude: 23.7269),
                translations: LocationTranslations(
                    city: [LocalizedText(.en, "Athens"), LocalizedText(.ja, "アテネ"), LocalizedText(.el, "Αθήνα")],
                    street1: [LocalizedText(.en, "23 Ermou Street"), LocalizedText(.el, "Οδός Ερμού 23")])))
    }

    private func value(_ section: DetailSection, _ label: String) -> String? {
        section.fields.first { $0.label == label }?.value
    }

    @Test func overviewHasEveryFieldAndSanitisesNotes() {
        let overview = detail.overview(appointment())
        #expect(overview.fields.map(\.label) == [
            "ID", "External ID", "When", "Subject", "Office", "Meeting type", "Hybrid", "Trailing buffer", "Status",
            "Created", "Updated", "Callback request", "Listing", "Lead segment", "Meeting room", "Internal notes",
            "Message for customer",
        ])
        #expect(value(overview, "When") == "no time yet")
        #expect(value(overview, "Created") == "Wed 2026-11-18 11:06 · CUSTOMER c1 · via PLUGIN")
        #expect(value(overview, "Updated") == "Wed 2026-11-18 11:06 · OTHER — · via OTHER")
        #expect(value(overview, "Internal notes") == "line one\n␛]0;title␇line two")
        #expect(value(overview, "Message for customer") == "—")
    }

    @Test func participantsKeepUnknownTypes() {
        let participants = detail.participants(appointment())
        #expect(participants.fields.map(\.label) == [
            "1. PRIMARY CUSTOMER", "   Video URL", "   Video test URL", "2. SECONDARY ROBOT", "   Video URL", "   Video test URL",
        ])
        #expect(participants.fields.map(\.value) == ["c1", "https://v/1", "https://v/t/1", "e1", "—", "—"])
    }

    @Test func translationsAreGroupedByLanguagePreferredFirst() {
        let location = detail.location(appointment())
        let groups = location.fields.filter { $0.label.hasPrefix("[") }
        #expect(groups.map(\.label) == ["[el]", "[en]", "[ja]"])
        #expect(groups.map(\.value) == ["city Αθήνα · street1 Οδός Ερμού 23", "city Athens · street1 23 Ermou Street", "city アテネ"])
        #expect(value(location, "State") == "—")
        #expect(value(location, "Geolocation") == "37.97630, 23.72690")
    }

    @Test func answersListTypeFormQuestionValueOptionsFiles() {
        let answers = detail.answers(appointment())
        #expect(answers.fields.map(\.value) == [
            "QUALIFICATION · form 20 · question 200", "A colleague", "600, 601", "—", "Wed 2026-11-18 11:06",
        ])
        #expect(answers.fields.first?.label == "Answer 1")
    }

    @Test func aLocationlessRequestOfAHostileMeetingTypeIsSanitised() {
        var appointment = TriageFixture.pending[0]
        appointment.location = nil
        appointment.meetingType = .unknown("VIDEO\u{1B}]0;pwned\u{07}\u{202E}")
        let section = AppointmentDetail(time: TimeDisplay(timeZone: .utc), preferredLanguage: .en).location(appointment)
        let value = section.fields.first?.value ?? ""
        #expect(value.hasPrefix("none (VIDEO"))
        #expect(!value.unicodeScalars.contains { UntrustedText.needsReplacement($0) }, "\(value.debugDescription)")
    }
}
