import EngageAPI
import Foundation
import Testing

/// A minimal appointment as real servers send it: only the required keys.
private let minimalAppointment = """
    {"id":"7","subject":{"id":"s"},"office":{"id":"o"},"appointmentParticipants":[],"answers":[],
     "meetingType":"VIDEO","status":"INCOMING_REQUEST","hybrid":false,"trailingBufferTime":0,
     "createdAt":"2026-01-02T03:04:05Z","createdByType":"CUSTOMER","createdFrom":"PLUGIN",
     "updatedAt":"2026-01-02T03:04:05.5+01:00","updatedByType":"OTHER","updatedFrom":"OTHER"}
    """

private func decode(_ json: String) throws -> Appointment {
    try EngageJSON.decoder().decode(Appointment.self, from: Data(json.utf8))
}

/// `minimalAppointment` with `key` set to the raw JSON `value`.
private func withKey(_ key: String, _ value: String) -> String {
    String(minimalAppointment.dropLast()) + ",\"\(key)\":\(value)}"
}

@Suite("Decoding tolerates what real servers send", .timeLimit(.minutes(2)))
struct ContractToleranceTests {
    @Test func missingOptionalKeysDecodeAsNil() throws {
        let appointment = try decode(minimalAppointment)
        #expect(appointment.start == nil && appointment.end == nil && appointment.externalId == nil)
        #expect(appointment.location == nil && appointment.createdBy == nil && appointment.internalNotes == nil)
        #expect(appointment.callbackRequest == nil && appointment.meetingRoom == nil)
    }

    @Test func explicitNullsDecodeAsNil() throws {
        var json = minimalAppointment
        for key in ["externalId", "start", "end", "callbackRequest", "listing", "leadSegment", "meetingRoom",
                    "internalNotes", "messageForCustomer", "createdBy", "updatedBy", "location"] {
            json = String(json.dropLast()) + ",\"\(key)\":null}"
        }
        let appointment = try decode(json)
        #expect(appointment.start == nil && appointment.location == nil && appointment.updatedBy == nil)
    }

    @Test func unknownEnumValuesAreKeptNotFatal() throws {
        let json = minimalAppointment
            .replacingOccurrences(of: "\"INCOMING_REQUEST\"", with: "\"ON_HOLD\"")
            .replacingOccurrences(of: "\"VIDEO\"", with: "\"HOLOGRAM\"")
            .replacingOccurrences(of: "\"PLUGIN\"", with: "\"KIOSK\"")
        let appointment = try decode(json)
        #expect(appointment.status == .unknown("ON_HOLD"))
        #expect(appointment.status.rawValue == "ON_HOLD" && !appointment.status.isDocumented)
        #expect(appointment.meetingType == .unknown("HOLOGRAM"))
        #expect(appointment.createdFrom == .unknown("KIOSK"))
        // And it encodes back as it came.
        let encoded = String(decoding: try EngageJSON.encoder().encode(appointment), as: UTF8.self)
        #expect(encoded.contains("\"status\":\"ON_HOLD\""))
    }

    /// An open enum keeps its undocumented text out of line, so it takes a pointer's room: with
    /// the text inline, 100,000 loaded appointments (six of them each, two a participant, one
    /// an answer) held 11 MB more.
    @Test func openEnumsTakeEightBytes() {
        let sizes = [
            MemoryLayout<AppointmentStatus>.size, MemoryLayout<MeetingType>.size, MemoryLayout<ActorType>.size,
            MemoryLayout<SourceApplication>.size, MemoryLayout<ParticipantRole>.size, MemoryLayout<ParticipantType>.size,
            MemoryLayout<AnswerType>.size, MemoryLayout<Language>.size, MemoryLayout<Employee.Status>.size,
        ]
        #expect(sizes.allSatisfy { $0 == 8 }, "\(sizes)")
        let text = String(repeating: "NEW_", count: 10)
        #expect(AppointmentStatus.unknown(text).rawValue == text && ParticipantRole(rawValue: text) == .unknown(text))
    }

    @Test func oneUnknownStatusDoesNotBlankAList() throws {
        let page = """
            {"data":[\(minimalAppointment),\(minimalAppointment.replacingOccurrences(of: "INCOMING_REQUEST", with: "PARKED"))],
             "meta":{"offset":0,"limit":25,"totalCount":2}}
            """
        let envelope = try EngageJSON.decoder().decode(ListEnvelope<Appointment>.self, from: Data(page.utf8))
        #expect(envelope.data.map(\.status) == [.incomingRequest, .unknown("PARKED")])
    }

    @Test func unknownKeysAreIgnoredAtEveryLevel() throws {
        let json = withKey("brandNewField", #"{"nested":[1,2]}"#)
            .replacingOccurrences(of: "\"appointmentParticipants\":[]", with: """
                "appointmentParticipants":[{"role":"PRIMARY","participant":{"id":"c1","firstName":"Aiko"},
                "type":"CUSTOMER","videoUrl":null,"videoTestUrl":null,"extra":true}]
                """)
        let appointment = try decode(json)
        #expect(appointment.appointmentParticipants.first?.participant.id == "c1")
        #expect(appointment.customer?.participant.id == "c1")
    }

    @Test func dateTimesWithAndWithoutFractionsAndOffsets() throws {
        let appointment = try decode(minimalAppointment)
        #expect(Timestamp.format(appointment.createdAt) == "2026-01-02T03:04:05.000Z")
        #expect(Timestamp.format(appointment.updatedAt) == "2026-01-02T02:04:05.500Z")
    }

    @Test func locationWithoutOptionalTranslationsAndWithNullParts() throws {
        let location = """
            {"city":null,"state":null,"street1":{"language":"ja","value":"銀座四丁目5-6"},"street2":null,
             "postalCode":null,"countryCode":"JP","formattedAddress":"銀座","geolocation":{"latitude":35.6,"longitude":139.7},
             "translations":{"city":[{"language":"ja","value":"東京"}],"street1":[{"language":"ja","value":"銀座四丁目5-6"}]}}
            """
        let appointment = try decode(withKey("location", location))
        let decoded = try #require(appointment.location)
        #expect(decoded.city == nil && decoded.postalCode == nil)
        #expect(decoded.translations.state.isEmpty && decoded.translations.street2.isEmpty)
        #expect(decoded.translations.city == [LocalizedText(.ja, "東京")])
    }

    @Test func nullablesEncodeAsExplicitNulls() throws {
        let appointment = try decode(minimalAppointment)
        let object = try #require(
            try JSONSerialization.jsonObject(with: EngageJSON.encoder().encode(appointment)) as? [String: Any])
        for key in ["externalId", "start", "end", "callbackRequest", "location", "internalNotes", "createdBy"] {
            #expect(object[key] is NSNull, "\(key) should be an explicit null")
        }
    }

    @Test func aMissingRequiredKeyFailsWithItsPath() throws {
        let json = minimalAppointment.replacingOccurrences(of: "\"hybrid\":false,", with: "")
        let page = "{\"data\":[\(minimalAppointment),\(json)],\"meta\":{\"offset\":0,\"limit\":2,\"totalCount\":2}}"
        do {
            _ = try EngageJSON.decoder().decode(ListEnvelope<Appointment>.self, from: Data(page.utf8))
            Issue.record("decoding should fail")
        } catch let error as DecodingError {
            let keys: [String] = switch error {
            case .keyNotFound(let key, let context): context.codingPath.map(\.stringValue) + [key.stringValue]
            default: []
            }
            #expect(keys == ["data", "Index 1", "hybrid"])
        }
    }
}
