/// One person taking part in an appointment: the customer or an employee.
public struct AppointmentParticipant: Codable, Hashable, Sendable {
    public var role: ParticipantRole
    /// The customer or employee; the server may send more keys than `id`, which are ignored.
    public var participant: Reference
    public var type: ParticipantType
    /// The participant's personal video meeting link, when the appointment has one.
    public var videoUrl: String?
    /// A link to test the participant's camera and microphone before the meeting.
    public var videoTestUrl: String?

    public init(
        role: ParticipantRole, participant: Reference, type: ParticipantType,
        videoUrl: String? = nil, videoTestUrl: String? = nil
    ) {
        self.role = role
        self.participant = participant
        self.type = type
        self.videoUrl = videoUrl
        self.videoTestUrl = videoTestUrl
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(role, forKey: .role)
        try container.encode(participant, forKey: .participant)
        try container.encode(type, forKey: .type)
        try container.encode(videoUrl, forKey: .videoUrl)
        try container.encode(videoTestUrl, forKey: .videoTestUrl)
    }
}
