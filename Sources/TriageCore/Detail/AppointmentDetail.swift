import EngageContract
import Foundation

/// Every field of an appointment, in the sections staff read it by: Overview, Participants,
/// Location and Answers. Shared by `engage-triage show` and the terminal screen's detail pane.
/// Every value from the server is sanitised here. What the appointment refers to by id is named
/// from `names` where known, the id beside the name.
public struct AppointmentDetail: Sendable {
    public var time: TimeDisplay
    /// Location translations in this language are listed first.
    public var preferredLanguage: Language
    /// The names known so far.
    public var names: NameBook
    /// The language translated names are shown in (`nil`: the session's).
    public var nameLanguage: Language?

    public init(time: TimeDisplay, preferredLanguage: Language = .en, names: NameBook = NameBook(),
                nameLanguage: Language? = nil) {
        self.time = time
        self.preferredLanguage = preferredLanguage
        self.names = names
        self.nameLanguage = nameLanguage
    }

    /// Shown for a value the server left empty (null).
    public static let none = "—"

    public func sections(of appointment: Appointment) -> [DetailSection] {
        [overview(appointment), participants(appointment), location(appointment), answers(appointment)]
    }

    public func overview(_ appointment: Appointment) -> DetailSection {
        typealias Field = DetailSection.Field
        return DetailSection(title: "Overview", fields: [
            Field("ID", clean(appointment.id)),
            Field("External ID", clean(appointment.externalId)),
            Field("When", time.window(start: appointment.start, end: appointment.end)),
            Field("Subject", named(.subject, appointment.subject.id)),
            Field("Office", named(.office, appointment.office.id)),
            Field("Meeting type", clean(appointment.meetingType.rawValue)),
            Field("Hybrid", appointment.hybrid ? "yes" : "no"),
            Field("Trailing buffer", "\(appointment.trailingBufferTime) min"),
            Field("Status", clean(appointment.status.rawValue)),
            Field("Created", change(appointment.createdAt, appointment.createdBy, appointment.createdByType, appointment.createdFrom)),
            Field("Updated", change(appointment.updatedAt, appointment.updatedBy, appointment.updatedByType, appointment.updatedFrom)),
            Field("Callback request", clean(appointment.callbackRequest?.id)),
            Field("Listing", clean(appointment.listing?.id)),
            Field("Lead segment", clean(appointment.leadSegment?.id)),
            Field("Meeting room", clean(appointment.meetingRoom?.id)),
            Field("Internal notes", clean(appointment.internalNotes, multiline: true)),
            Field("Message for customer", clean(appointment.messageForCustomer, multiline: true)),
        ])
    }

    public func participants(_ appointment: Appointment) -> DetailSection {
        let fields = appointment.appointmentParticipants.enumerated().flatMap { index, participant in
            let kind = participant.type.nameKind
            let detail = kind.flatMap { names.name($0, participant.participant.id)?.detail }
            return [
                DetailSection.Field(
                    "\(index + 1). \(clean(participant.role.rawValue)) \(clean(participant.type.rawValue))",
                    kind.map { named($0, participant.participant.id) } ?? clean(participant.participant.id)),
            ] + (detail.map { [DetailSection.Field(kind == .employee ? "   Function" : "   Contact", $0)] } ?? []) + [
                DetailSection.Field("   Video URL", clean(participant.videoUrl)),
                DetailSection.Field("   Video test URL", clean(participant.videoTestUrl)),
            ]
        }
        return DetailSection(title: "Participants", fields: fields.isEmpty ? [.init("Participants", Self.none)] : fields)
    }

    public func location(_ appointment: Appointment) -> DetailSection {
        typealias Field = DetailSection.Field
        guard let location = appointment.location else {
            return DetailSection(title: "Location", fields: [Field("Location", clean("none (\(appointment.meetingType))"))])
        }
        var fields = [
            Field("Address", clean(location.formattedAddress)),
            Field("Street", clean(location.street1?.value)),
            Field("Street 2", clean(location.street2?.value)),
            Field("City", clean(location.city?.value)),
            Field("State", clean(location.state?.value)),
            Field("Postal code", clean(location.postalCode)),
            Field("Country", clean(location.countryCode)),
            Field("Geolocation", [location.geolocation.latitude, location.geolocation.longitude]
                .map { PlainText.fixed($0, digits: 5) }.joined(separator: ", ")),
        ]
        let translations = location.translations
        let parts: [(String, [LocalizedText])] = [
            ("city", translations.city), ("state", translations.state),
            ("street1", translations.street1), ("street2", translations.street2),
        ]
        for language in languages(in: translations) {
            let texts = parts.compactMap { name, texts in
                texts.first { $0.language == language }.map { "\(name) \(clean($0.value))" }
            }
            fields.append(Field("[\(clean(language.rawValue))]", texts.joined(separator: " · ")))
        }
        return DetailSection(title: "Location", fields: fields)
    }

    public func answers(_ appointment: Appointment) -> DetailSection {
        typealias Field = DetailSection.Field
        let fields = appointment.answers.enumerated().flatMap { index, answer in
            [
                Field("Answer \(index + 1)",
                      "\(clean(answer.answerType.rawValue)) · form \(clean(answer.form.id)) · question \(clean(answer.question.id))"),
                Field("   Value", clean(answer.value, multiline: true)),
                Field("   Options", ids(answer.selectedAnswerOptions)),
                Field("   Files", ids(answer.files)),
                Field("   Answered", time.dateTime(answer.createdAt)
                    + (answer.updatedAt == answer.createdAt ? "" : " · updated \(time.dateTime(answer.updatedAt))")),
            ]
        }
        return DetailSection(title: "Answers", fields: fields.isEmpty ? [Field("Answers", Self.none)] : fields)
    }

    /// The languages of the translations, the preferred one first, then in the API's order.
    public func languages(in translations: LocationTranslations) -> [Language] {
        let all = translations.city + translations.state + translations.street1 + translations.street2
        var seen = Set<Language>()
        let unique = all.map(\.language).filter { seen.insert($0).inserted }
        let order = Language.documentedValues.map(\.value)
        return unique.sorted { left, right in
            if (left == preferredLanguage) != (right == preferredLanguage) { return left == preferredLanguage }
            return (order.firstIndex(of: left) ?? order.count) < (order.firstIndex(of: right) ?? order.count)
        }
    }

    private func change(_ at: Date, _ by: Reference?, _ type: ActorType, _ from: SourceApplication) -> String {
        let who = by.map { by in type.nameKind.map { named($0, by.id) } ?? clean(by.id) } ?? Self.none
        return "\(time.dateTime(at)) · \(clean(type.rawValue)) \(who) · via \(clean(from.rawValue))"
    }

    /// "Mortgage advice (306)" once the name is known, the id alone until then (or without one).
    /// Names were sanitised when they arrived.
    public func named(_ kind: NameKind, _ id: String) -> String {
        guard let name = names.name(kind, id, language: nameLanguage) else { return clean(id) }
        return "\(name.text) (\(clean(id)))"
    }

    private func ids(_ references: [Reference]?) -> String {
        guard let references, !references.isEmpty else { return Self.none }
        return references.map { clean($0.id) }.joined(separator: ", ")
    }

    private func clean(_ text: String?, multiline: Bool = false) -> String {
        guard let text, !text.isEmpty else { return Self.none }
        return UntrustedText.sanitize(text, multiline: multiline)
    }
}
