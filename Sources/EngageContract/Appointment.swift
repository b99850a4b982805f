import Foundation

/// An appointment as the Engage API returns it (`GET /appointments`, `GET /appointments/{id}`,
/// `POST /appointments/{id}/_actions/accept`), every documented field modelled.
///
/// Decoding is tolerant: unknown keys are ignored, nullable and optional keys may be missing,
/// enum values the documentation does not list are kept as `.unknown`, and `minItems` is not
/// enforced (the documentation's own example has one participant where the schema asks for two).
/// Encoding is faithful: nullable fields are written as explicit `null`, as the server does.
public struct Appointment: Codable, Hashable, Sendable, Identifiable {
    public var id: String
    public var externalId: String?
    /// `nil` for requests that have no time yet (e.g. callback requests).
    public var start: Date?
    public var end: Date?
    public var subject: Reference
    public var office: Reference
    public var appointmentParticipants: [AppointmentParticipant]
    public var answers: [Answer]
    public var callbackRequest: Reference?
    public var listing: Reference?
    public var leadSegment: Reference?
    public var meetingRoom: Reference?
    public var meetingType: MeetingType
    public var status: AppointmentStatus
    public var hybrid: Bool
    /// Minutes kept free after the appointment.
    public var trailingBufferTime: Int
    public var internalNotes: String?
    public var messageForCustomer: String?
    public var createdAt: Date
    public var createdBy: Reference?
    public var createdByType: ActorType
    public var createdFrom: SourceApplication
    public var updatedAt: Date
    public var updatedBy: Reference?
    public var updatedByType: ActorType
    public var updatedFrom: SourceApplication
    /// Out of line: 224 bytes that every row of a long list would otherwise carry inline.
    @OutOfLine public var location: Location?

    public init(
        id: String, externalId: String? = nil, start: Date?, end: Date?, subject: Reference, office: Reference,
        appointmentParticipants: [AppointmentParticipant], answers: [Answer] = [], callbackRequest: Reference? = nil,
        listing: Reference? = nil, leadSegment: Reference? = nil, meetingRoom: Reference? = nil,
        meetingType: MeetingType, status: AppointmentStatus, hybrid: Bool = false, trailingBufferTime: Int = 0,
        internalNotes: String? = nil, messageForCustomer: String? = nil, createdAt: Date, createdBy: Reference?,
        createdByType: ActorType, createdFrom: SourceApplication, updatedAt: Date, updatedBy: Reference?,
        updatedByType: ActorType, updatedFrom: SourceApplication, location: Location? = nil
    ) {
        self.id = id
        self.externalId = externalId
        self.start = start
        self.end = end
        self.subject = subject
        self.office = office
        self.appointmentParticipants = appointmentParticipants
        self.answers = answers
        self.callbackRequest = callbackRequest
        self.listing = listing
        self.leadSegment = leadSegment
        self.meetingRoom = meetingRoom
        self.meetingType = meetingType
        self.status = status
        self.hybrid = hybrid
        self.trailingBufferTime = trailingBufferTime
        self.internalNotes = internalNotes
        self.messageForCustomer = messageForCustomer
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.createdByType = createdByType
        self.createdFrom = createdFrom
        self.updatedAt = updatedAt
        self.updatedBy = updatedBy
        self.updatedByType = updatedByType
        self.updatedFrom = updatedFrom
        self.location = location
    }

    /// The first participant of type CUSTOMER (PRIMARY first): who asked for the appointment.
    public var customer: AppointmentParticipant? {
        // No array of the customers: asked for every row by the sorts and the filter.
        appointmentParticipants.first { $0.type == .customer && $0.role == .primary }
            ?? appointmentParticipants.first { $0.type == .customer }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(externalId, forKey: .externalId)
        try container.encode(start, forKey: .start)
        try container.encode(end, forKey: .end)
        try container.encode(subject, forKey: .subject)
        try container.encode(office, forKey: .office)
        try container.encode(appointmentParticipants, forKey: .appointmentParticipants)
        try container.encode(answers, forKey: .answers)
        try container.encode(callbackRequest, forKey: .callbackRequest)
        try container.encode(listing, forKey: .listing)
        try container.encode(leadSegment, forKey: .leadSegment)
        try container.encode(meetingRoom, forKey: .meetingRoom)
        try container.encode(meetingType, forKey: .meetingType)
        try container.encode(status, forKey: .status)
        try container.encode(hybrid, forKey: .hybrid)
        try container.encode(trailingBufferTime, forKey: .trailingBufferTime)
        try container.encode(internalNotes, forKey: .internalNotes)
        try container.encode(messageForCustomer, forKey: .messageForCustomer)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(createdBy, forKey: .createdBy)
        try container.encode(createdByType, forKey: .createdByType)
        try container.encode(createdFrom, forKey: .createdFrom)
        try container.encode(updatedAt, forKey: .updatedAt)
        try container.encode(updatedBy, forKey: .updatedBy)
        try container.encode(updatedByType, forKey: .updatedByType)
        try container.encode(updatedFrom, forKey: .updatedFrom)
        try container.encode(location, forKey: .location)
    }
}

extension Appointment {
    /// The first participant of type EMPLOYEE (PRIMARY first): who would hold the meeting.
    public var primaryEmployee: AppointmentParticipant? {
        appointmentParticipants.first { $0.type == .employee && $0.role == .primary }
            ?? appointmentParticipants.first { $0.type == .employee }
    }
}
