import EngageAPI
import Foundation

/// Builds the seeded tenant: the same appointments for the same seed and reference day.
///
/// Mostly INCOMING_REQUEST (the triage queue), plus every other status; every meeting type; two or
/// more participants with video links for video meetings; locations whose translations span the
/// API's languages, nulls where the documentation allows them; answers of every type with options
/// and files; long and hostile texts; a few callback requests with no start or end.
public struct SandboxSeeder: Sendable {
    public var seed: UInt64
    public var count: Int
    /// Appointments start in the days after this instant and were created in the days before it.
    public var referenceDate: Date

    public init(seed: UInt64, count: Int, referenceDate: Date) {
        self.seed = seed
        self.count = max(0, count)
        self.referenceDate = referenceDate
    }

    /// The start of the current UTC day: the demo stays stable all day and always lies ahead.
    public static func today(_ now: Date = Date()) -> Date {
        Date(timeIntervalSince1970: (now.timeIntervalSince1970 / 86_400).rounded(.down) * 86_400)
    }

    public func appointments() -> [Appointment] {
        var random = SeededGenerator(seed: seed)
        return (0..<count).map { appointment(index: $0, random: &random) }
    }

    /// A request that arrives while the sandbox runs (`--churn`): the seeded kind of appointment
    /// at `index`, pending, created at `now`.
    public func arrivingRequest(index: Int, now: Date) -> Appointment {
        var random = SeededGenerator(seed: seed &+ UInt64(index) &* 0x9E37_79B9)
        var appointment = appointment(index: max(index, Self.otherStatuses.count + 1), random: &random)
        appointment.id = String(1001 + index)
        appointment.status = .incomingRequest
        appointment.createdAt = now
        appointment.updatedAt = now
        appointment.updatedBy = appointment.createdBy
        appointment.updatedByType = appointment.createdByType
        appointment.updatedFrom = appointment.createdFrom
        return appointment
    }

    private static let otherStatuses: [AppointmentStatus] = [
        .accepted, .alternativeDateRequested, .cancelled, .completed, .noShow, .outgoingInvite,
    ]
    private static let meetingTypes: [MeetingType] = [.office, .onLocation, .phone, .video]

    private func appointment(index: Int, random: inout SeededGenerator) -> Appointment {
        let id = String(1001 + index)
        // The first is pending and the next ones cover every other status (the README's examples
        // rely on 1001 being pending and 1002 accepted), then the mix is random.
        let status: AppointmentStatus
        if index == 0 {
            status = .incomingRequest
        } else if index <= Self.otherStatuses.count {
            status = Self.otherStatuses[index - 1]
        } else {
            status = Double.random(in: 0..<1, using: &random) < 0.75
                ? .incomingRequest : Self.otherStatuses.randomElement(using: &random)!
        }
        let meetingType = index < Self.meetingTypes.count
            ? Self.meetingTypes[index] : Self.meetingTypes.randomElement(using: &random)!
        let isCallback = index % 13 == 9
        let createdAt = referenceDate.addingTimeInterval(-Double(Int.random(in: 3_600...(14 * 86_400), using: &random)))
        let start: Date? = isCallback ? nil : referenceDate.addingTimeInterval(
            Double(Int.random(in: 1...21, using: &random) * 86_400 + Int.random(in: 16...34, using: &random) * 1_800))
        let duration = Double([30, 45, 60, 90].randomElement(using: &random)! * 60)
        let customerId = String(50_000 + Int.random(in: 0..<9_000, using: &random))
        let employeeId = String(7_000 + Int.random(in: 0..<40, using: &random))
        let (createdByType, createdFrom, createdBy) = creator(customerId: customerId, employeeId: employeeId, random: &random)
        let updatedAt = status == .incomingRequest
            ? createdAt : createdAt.addingTimeInterval(Double(Int.random(in: 600...86_400, using: &random)))
        let updated = status == .incomingRequest
            ? (createdByType, createdFrom, createdBy) : (.employee, .backofficeApp, Reference(id: employeeId))

        return Appointment(
            id: id,
            externalId: index % 3 == 0 ? nil : "CRM-\(String(UInt32(truncatingIfNeeded: random.next()), radix: 16, uppercase: true))",
            start: start, end: start?.addingTimeInterval(duration),
            subject: Reference(id: String(300 + Int.random(in: 0..<12, using: &random))),
            office: Reference(id: String(10 + Int.random(in: 0..<8, using: &random))),
            appointmentParticipants: participants(
                meetingType: meetingType, customerId: customerId, employeeId: employeeId, random: &random),
            answers: answers(appointmentIndex: index, createdAt: createdAt, random: &random),
            callbackRequest: isCallback ? Reference(id: String(900 + index)) : nil,
            listing: index % 4 == 1 ? Reference(id: String(4_000 + index % 17)) : nil,
            leadSegment: index % 5 == 2 ? Reference(id: ["retail", "private", "business"][index % 3]) : nil,
            meetingRoom: meetingType == .office && index % 2 == 0 ? Reference(id: "room-\(1 + index % 6)") : nil,
            meetingType: meetingType,
            status: status,
            hybrid: meetingType == .office && index % 7 == 3,
            trailingBufferTime: [0, 5, 10, 15].randomElement(using: &random)!,
            internalNotes: SandboxTexts.internalNotes[index % SandboxTexts.internalNotes.count],
            messageForCustomer: SandboxTexts.messagesForCustomer[index % SandboxTexts.messagesForCustomer.count],
            createdAt: createdAt, createdBy: createdBy, createdByType: createdByType, createdFrom: createdFrom,
            updatedAt: updatedAt, updatedBy: updated.2, updatedByType: updated.0, updatedFrom: updated.1,
            location: meetingType == .onLocation || meetingType == .office || index % 11 == 5
                ? location(random: &random) : nil
        )
    }

    private func creator(
        customerId: String, employeeId: String, random: inout SeededGenerator
    ) -> (ActorType, SourceApplication, Reference?) {
        switch Int.random(in: 0..<10, using: &random) {
        case 0..<5: (.customer, .partnerBookingApp, Reference(id: customerId))
        case 5..<7: (.customer, .plugin, Reference(id: customerId))
        case 7..<9: (.employee, .backofficeApp, Reference(id: employeeId))
        default: (.other, .other, nil)
        }
    }

    private func participants(
        meetingType: MeetingType, customerId: String, employeeId: String, random: inout SeededGenerator
    ) -> [AppointmentParticipant] {
        func participant(_ role: ParticipantRole, _ id: String, _ type: ParticipantType) -> AppointmentParticipant {
            let token = String(random.next() % 0xFFFF_FFFF, radix: 36)
            let hasVideo = meetingType == .video
            return AppointmentParticipant(
                role: role, participant: Reference(id: id), type: type,
                videoUrl: hasVideo ? "https://meet.sandbox.pexipengage.test/v/\(token)" : nil,
                videoTestUrl: hasVideo ? "https://meet.sandbox.pexipengage.test/test/\(token)" : nil)
        }
        var result = [participant(.primary, customerId, .customer), participant(.primary, employeeId, .employee)]
        if Int.random(in: 0..<4, using: &random) == 0 {
            result.append(participant(.secondary, String(Int(employeeId)! + 1), .employee))
        }
        if Int.random(in: 0..<6, using: &random) == 0 {
            result.append(participant(.secondary, String(Int(customerId)! + 1), .customer))
        }
        return result
    }

    private func answers(appointmentIndex: Int, createdAt: Date, random: inout SeededGenerator) -> [Answer] {
        let types: [(AnswerType, [String])] = [
            (.subjectQuestionnaire, SandboxTexts.questionnaireAnswers), (.qualification, SandboxTexts.qualificationAnswers),
            (.callbackRequest, SandboxTexts.callbackAnswers), (.appointmentCancellation, SandboxTexts.cancellationAnswers),
            (.appointmentCompletion, SandboxTexts.completionAnswers),
        ]
        let answerCount = appointmentIndex < types.count ? types.count : Int.random(in: 0...3, using: &random)
        return (0..<answerCount).map { number in
            let (type, values) = appointmentIndex < types.count ? types[number] : types[Int.random(in: 0..<2, using: &random)]
            let style = (appointmentIndex + number) % 4
            let answeredAt = createdAt.addingTimeInterval(Double(number * 7 + 1))
            return Answer(
                value: style == 1 ? nil : values.randomElement(using: &random),
                selectedAnswerOptions: style == 0 ? nil
                    : (0..<(style == 3 ? 2 : 1)).map { Reference(id: String(600 + $0 + number * 3)) },
                files: style == 2 ? [Reference(id: "file-\(appointmentIndex)-\(number)")] : nil,
                id: String(80_000 + appointmentIndex * 10 + number),
                form: Reference(id: String(20 + number)),
                question: Reference(id: String(200 + number * 4 + style)),
                answerType: type, createdAt: answeredAt, updatedAt: answeredAt)
        }
    }

    private func location(random: inout SeededGenerator) -> Location {
        let place = SandboxPlace.all.randomElement(using: &random)!
        let street = place.streets.randomElement(using: &random)!
        let translations = LocationTranslations(city: place.city, state: place.state, street1: street, street2: place.street2)
        return Location(
            city: place.city.first, state: place.state.first, street1: street.first, street2: place.street2.first,
            postalCode: place.postalCode, countryCode: place.countryCode,
            formattedAddress: [street.first?.value, place.street2.first?.value, [place.postalCode, place.city.first?.value]
                .compactMap { $0 }.joined(separator: " "), place.countryCode]
                .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", "),
            geolocation: Geolocation(latitude: place.latitude, longitude: place.longitude),
            translations: translations)
    }
}
