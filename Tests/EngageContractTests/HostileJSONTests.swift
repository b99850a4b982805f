import EngageContract
import Foundation
import Testing

/// The decoder against what a broken or hostile server sends: deep nesting, huge strings, invalid
/// UTF-8, and random mutations of a valid page. It may refuse (throw); it must not crash or hang.
@Suite("Hostile JSON", .timeLimit(.minutes(1)))
struct HostileJSONTests {
    /// A valid page of one appointment, as the API writes it.
    private static let page: String = {
        let appointment = Appointment(
            id: "1001", start: Date(timeIntervalSince1970: 1_797_000_000), end: Date(timeIntervalSince1970: 1_797_002_700),
            subject: "306", office: "12", appointmentParticipants: [], meetingType: .office, status: .incomingRequest,
            internalNotes: "Call before noon", createdAt: Date(timeIntervalSince1970: 1_795_000_000), createdBy: nil,
            createdByType: .customer, createdFrom: .plugin, updatedAt: Date(timeIntervalSince1970: 1_795_000_000), updatedBy: nil,
            updatedByType: .customer, updatedFrom: .plugin)
        let envelope = ListEnvelope(data: [appointment], meta: PageMeta(offset: 0, limit: 25, totalCount: 1))
        return String(decoding: try! EngageJSON.encoder().encode(envelope), as: UTF8.self)
    }()

    private func decode(_ data: Data) -> Result<ListEnvelope<Appointment>, any Error> {
        Result { try EngageJSON.decoder().decode(ListEnvelope<Appointment>.self, from: data) }
    }

    @Test func theValidPageDecodes() throws {
        let envelope = try decode(Data(Self.page.utf8)).get()
        #expect(envelope.data.map(\.id) == ["1001"])
    }

    @Test func deepNestingHugeStringsAndInvalidUTF8AreRefusedNotCrashed() {
        let deep = Data(("{\"data\":" + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}").utf8)
        #expect(throws: (any Error).self) { try decode(deep).get() }
        let huge = Self.page.replacingOccurrences(of: "\"1001\"", with: "\"" + String(repeating: "x", count: 20_000_000) + "\"")
        #expect((try? decode(Data(huge.utf8)).get().data.first?.id.count) == 20_000_000, "a huge value is data, not a failure")
        var invalid = Data(Self.page.utf8)
        invalid[invalid.count / 2] = 0xFF
        #expect(throws: (any Error).self) { try decode(invalid).get() }
    }

    @Test func randomMutationsOfAValidPageNeverCrash() {
        let original = Array(Self.page.utf8)
        let interesting: [UInt8] = Array(#"{}[]",:0-9.eE\"#.utf8) + [0x00, 0x1B, 0x7F, 0x80, 0xC3, 0xFF]
        var random = SystemRandomNumberGenerator()
        // A fixed number, not as many as half a second allows (a loaded machine allowed too few).
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                let index = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[index] = interesting.randomElement(using: &random)!
                case 1: bytes.remove(at: index)
                case 2: bytes.insert(interesting.randomElement(using: &random)!, at: index)
                default: bytes.removeLast(Int.random(in: 0...(bytes.count - index - 1), using: &random))
                }
                if bytes.isEmpty { bytes = [0x7B] }
            }
            if case .failure(let error) = decode(Data(bytes)) {
                #expect(error is DecodingError, "\(error)")
            }
        }
    }
}
