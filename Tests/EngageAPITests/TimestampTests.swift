import EngageAPI
import Foundation
import Testing

@Suite("RFC 3339 date-times", .timeLimit(.minutes(2)))
struct TimestampTests {
    @Test(arguments: [
        ("2022-08-17T09:00:00.000Z", 1_660_726_800.0),
        ("2022-08-17T09:00:00Z", 1_660_726_800.0),
        ("2022-08-17T11:00:00+02:00", 1_660_726_800.0),
        ("2022-08-17T04:30:00-0430", 1_660_726_800.0),
        ("2022-08-17T19:05:21.362Z", 1_660_763_121.362),
        ("1970-01-01T00:00:00Z", 0.0),
        ("1969-12-31T23:59:59Z", -1.0),
        ("2024-02-29T12:00:00Z", 1_709_208_000.0),
    ])
    func parses(text: String, seconds: Double) throws {
        let date = try #require(Timestamp.parse(text))
        #expect(abs(date.timeIntervalSince1970 - seconds) < 0.0005)
    }

    @Test(arguments: ["", "2022-08-17", "2022-08-17T09:00:00", "2022-13-01T00:00:00Z", "2022-08-17T25:00:00Z",
                      "2022-08-17T09:00:00.Z", "2022-08-17T09:00:00Zjunk", "yesterday"])
    func rejects(text: String) {
        #expect(Timestamp.parse(text) == nil)
    }

    @Test func formatsAsTheAPIDoes() {
        #expect(Timestamp.format(Date(timeIntervalSince1970: 1_660_763_121.362)) == "2022-08-17T19:05:21.362Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: -1)) == "1969-12-31T23:59:59.000Z")
        #expect(Timestamp.format(Date(timeIntervalSince1970: 951_782_400)) == "2000-02-29T00:00:00.000Z")
    }

    @Test func roundTripsAcrossFourCenturies() throws {
        // One check per 97 days over 400 years exercises every leap rule of the civil-date conversion.
        for day in stride(from: -73_000, to: 73_000, by: 97) {
            let date = Date(timeIntervalSince1970: Double(day) * 86_400 + 45_296.789)
            #expect(Timestamp.parse(Timestamp.format(date)).map { abs($0.timeIntervalSince(date)) < 0.001 } == true)
        }
    }
}
