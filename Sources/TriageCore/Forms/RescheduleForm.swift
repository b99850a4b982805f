import EngageContract
import Foundation

/// The `t` form's content: a date, a start time, a duration and a message for the customer, as
/// typed, in the user's time zone; checked as it is typed (a start in the past, a duration that
/// ends before it starts) and turned into the API's request in UTC only when it is sound.
public struct RescheduleForm: Sendable, Equatable {
    public enum Field: Int, CaseIterable, Sendable {
        case date, start, duration, messageForCustomer

        /// The longest text the field takes.
        var limit: Int {
            switch self {
            case .date: 10
            case .start: 5
            case .duration: 4
            case .messageForCustomer: 500
            }
        }

        public var label: String {
            switch self {
            case .date: "Date"
            case .start: "Start"
            case .duration: "Minutes"
            case .messageForCustomer: "Message"
            }
        }
    }

    /// The length when the request has none: the subject's usual length is not in the API.
    public static let defaultMinutes = 30

    public let appointmentID: String
    public private(set) var values: [Field: String]
    public private(set) var focus = Field.date
    /// The focused field was just entered: the first character typed replaces its text (as a
    /// selected value does), Backspace edits it.
    private var replacesOnType = true
    /// Something was typed (Esc asks before throwing it away).
    public private(set) var isEdited = false

    /// The form for `appointment`: its own date, start and length (in `timeZone`), or tomorrow
    /// at 09:00 for a request without a time yet.
    public init(appointment: Appointment, timeZone: Zone, now: Date) {
        appointmentID = appointment.id
        var tomorrow = timeZone.localDateTime(of: now.addingTimeInterval(86_400))
        (tomorrow.hour, tomorrow.minute) = (9, 0)
        let start = appointment.start ?? (try? tomorrow.instant(in: timeZone)) ?? now
        let parts = timeZone.localDateTime(of: start)
        var minutes = Self.defaultMinutes
        if let from = appointment.start, let to = appointment.end, to > from { minutes = Int(to.timeIntervalSince(from) / 60) }
        values = [
            .date: parts.dateText,
            .start: parts.clockText,
            .duration: String(minutes),
            .messageForCustomer: "",
        ]
    }

    public func value(_ field: Field) -> String { values[field] ?? "" }

    /// Types a character into the focused field (within its length; digits and `-`/`:` only in
    /// the date, time and length). The first one after entering a field replaces its text.
    public mutating func type(_ character: Character) {
        var text = replacesOnType ? "" : value(focus)
        guard text.count < focus.limit else { return }
        switch focus {
        case .date: guard character.isASCII, character.isNumber || character == "-" else { return }
        case .start: guard character.isASCII, character.isNumber || character == ":" else { return }
        case .duration: guard character.isASCII, character.isNumber else { return }
        case .messageForCustomer: guard !character.isNewline else { return }
        }
        text.append(character)
        values[focus] = text
        replacesOnType = false
        isEdited = true
    }

    public mutating func deleteBackward() {
        replacesOnType = false
        guard !value(focus).isEmpty else { return }
        values[focus] = String(value(focus).dropLast())
        isEdited = true
    }

    /// Empties the focused field (Ctrl-U).
    public mutating func clearField() {
        replacesOnType = false
        guard !value(focus).isEmpty else { return }
        values[focus] = ""
        isEdited = true
    }

    /// Moves to `field`; the first character typed there replaces its text.
    public mutating func focus(_ field: Field) {
        focus = field
        replacesOnType = true
    }

    public mutating func focusNext() { focus(Field(rawValue: (focus.rawValue + 1) % Field.allCases.count)!) }

    public mutating func focusPrevious() { focus(Field(rawValue: (focus.rawValue + Field.allCases.count - 1) % Field.allCases.count)!) }

    /// What is wrong with the form as typed, by field (the first problem of each); empty when it
    /// can be sent.
    public func problems(timeZone: Zone, now: Date) -> [Field: String] {
        switch window(timeZone: timeZone, now: now) {
        case .success: [:]
        case .failure(let failure): [failure.field: failure.message]
        }
    }

    /// The request to send: the start and end in UTC, the message if one was typed.
    public func request(timeZone: Zone, now: Date) -> Result<RescheduleRequest, Failure> {
        window(timeZone: timeZone, now: now).map { start, end in
            let message = PlainText.trimmed(value(.messageForCustomer))
            return RescheduleRequest(start: start, end: end, messageForCustomer: message.isEmpty ? nil : message)
        }
    }

    /// A field and what is wrong with it.
    public struct Failure: Error, Equatable, Sendable {
        public var field: Field
        public var message: String
    }

    private func window(timeZone: Zone, now: Date) -> Result<(Date, Date), Failure> {
        let start: Date
        do throws(LocalDateTime.Problem) {
            let local = try LocalDateTime.parse(date: value(.date), time: value(.start))
            start = try local.instant(in: timeZone)
        } catch {
            let field: Field = error.description.hasPrefix("the time") || error.description.firstRange(of: "does not exist") != nil
                ? .start : .date
            return .failure(Failure(field: field, message: error.description))
        }
        guard start > now else { return .failure(Failure(field: .start, message: "the start is in the past")) }
        guard let minutes = Int(value(.duration)), minutes > 0 else {
            return .failure(Failure(field: .duration, message: "the end must come after the start (a length in minutes above 0)"))
        }
        guard minutes <= 24 * 60 else { return .failure(Failure(field: .duration, message: "at most a day (1440 minutes)")) }
        return .success((start, start.addingTimeInterval(Double(minutes * 60))))
    }
}
