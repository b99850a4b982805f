import Foundation

extension EngageJSON {
    /// Encodes and decodes one appointment that has every nested type (participants, answers, a
    /// location), throwing the result away. The first appointment a process decodes costs the
    /// Swift runtime about half a millisecond of one-time type and conformance lookups; done on
    /// another thread while the process is still starting, they are out of the way when the
    /// server's answer comes.
    public static func prime() {
        let now = Date()
        let place = LocalizedText(.en, "Somewhere")
        let sample = Appointment(
            id: "0", start: now, end: now, subject: "0", office: "0",
            appointmentParticipants: [AppointmentParticipant(role: .primary, participant: "0", type: .customer)],
            answers: [Answer(value: "0", selectedAnswerOptions: ["0"], id: "0", form: "0", question: "0", answerType: .qualification,
                             createdAt: now, updatedAt: now)],
            meetingType: .office, status: .incomingRequest, createdAt: now, createdBy: "0", createdByType: .customer,
            createdFrom: .unknown("X"), updatedAt: now, updatedBy: nil, updatedByType: .customer, updatedFrom: .unknown("X"),
            location: Location(
                city: place, state: nil, street1: place, street2: nil, postalCode: nil, countryCode: "NL",
                formattedAddress: "Somewhere", geolocation: Geolocation(latitude: 0, longitude: 0),
                translations: LocationTranslations(city: [place], street1: [place])))
        guard let encoded = try? encoder(pretty: true).encode(DataEnvelope(data: sample)) else { return }
        _ = try? decoder().decode(DataEnvelope<Appointment>.self, from: encoded)
    }
}
