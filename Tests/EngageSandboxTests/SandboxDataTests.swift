import EngageAPI
@testable import EngageSandbox
import Foundation
import Testing

@Suite("The seeded tenant", .timeLimit(.minutes(2)))
struct SandboxDataTests {
    private let reference = Date(timeIntervalSince1970: 1_795_564_800)  // 2026-11-25T00:00:00Z

    @Test func sameSeedSameTenantOtherSeedOtherTenant() {
        let first = SandboxSeeder(seed: 7, count: 60, referenceDate: reference).appointments()
        #expect(first == SandboxSeeder(seed: 7, count: 60, referenceDate: reference).appointments())
        #expect(first != SandboxSeeder(seed: 8, count: 60, referenceDate: reference).appointments())
    }

    @Test(arguments: [1, 2, 99] as [UInt64])
    func coversEveryCaseTheScreensMustShow(seed: UInt64) throws {
        let appointments = SandboxSeeder(seed: seed, count: 60, referenceDate: reference).appointments()
        #expect(appointments.count == 60)
        let statuses = appointments.map(\.status)
        #expect(Set(statuses) == Set(AppointmentStatus.documentedValues.map(\.value)))
        #expect(statuses.filter { $0 == .incomingRequest }.count > 30, "mostly pending")
        #expect(Set(appointments.map(\.meetingType)) == Set(MeetingType.documentedValues.map(\.value)))
        let answerTypes = Set(appointments.flatMap(\.answers).map(\.answerType))
        #expect(answerTypes == Set(AnswerType.documentedValues.map(\.value)))
        #expect(appointments.flatMap(\.answers).contains { $0.selectedAnswerOptions?.isEmpty == false })
        #expect(appointments.flatMap(\.answers).contains { $0.files?.isEmpty == false })
        #expect(appointments.flatMap(\.answers).contains { $0.value == nil })
        #expect(appointments.allSatisfy { $0.appointmentParticipants.count >= 2 })
        #expect(appointments.filter { $0.meetingType == .video }.allSatisfy { appointment in
            appointment.appointmentParticipants.allSatisfy { $0.videoUrl != nil && $0.videoTestUrl != nil }
        })
        let languages = Set(appointments.compactMap(\.location).flatMap { $0.translations.city.map(\.language) })
        #expect(languages.isSuperset(of: [.ja, .el, .en]))
        #expect(appointments.contains { $0.start == nil && $0.end == nil && $0.callbackRequest != nil })
        #expect(appointments.contains { $0.location?.state == nil && $0.location != nil })
        #expect(appointments.contains { ($0.internalNotes?.count ?? 0) > 200 })
        #expect(appointments.contains { $0.internalNotes?.contains("\u{1B}") == true }, "a hostile note for the sanitiser")
        #expect(appointments.allSatisfy { ($0.start ?? reference) >= reference && $0.createdAt < reference })
        #expect(appointments[0].status == .incomingRequest && appointments[1].status == .accepted)
    }

    @Test func acceptFollowsTheRealStateRule() throws {
        let tenant = SandboxTenant(
            appointments: SandboxSeeder(seed: 1, count: 10, referenceDate: reference).appointments(),
            now: { Date(timeIntervalSince1970: 1_800_000_000) })
        guard case .accepted(let accepted) = tenant.accept(id: "1001") else {
            Issue.record("1001 is pending and must be accepted")
            return
        }
        #expect(accepted.status == .accepted)
        #expect(accepted.updatedAt == Date(timeIntervalSince1970: 1_800_000_000))
        #expect(accepted.updatedBy == SandboxTenant.apiClientReference)
        #expect(accepted.updatedByType == .other && accepted.updatedFrom == .other)
        #expect(tenant.accept(id: "1001") == .statusInvalid(current: .accepted))
        #expect(tenant.accept(id: "1003") == .statusInvalid(current: .alternativeDateRequested))
        #expect(tenant.accept(id: "missing") == .notFound)
    }

    @Test func acceptLanguageOrdersPreferences() {
        func languages(_ header: String) -> [Language] {
            SandboxRouter.languages(SandboxRequest(method: "GET", target: "/", headers: ["Accept-Language": header]))
        }
        #expect(languages("en *") == [.en])
        #expect(languages("ja, en;q=0.5") == [.ja, .en])
        #expect(languages("en;q=0.2, el;q=0.9, xx") == [.el, .en])
        #expect(languages("de-CH, fr") == [.de, .fr])
    }

    @Test func queryNamesReadTheSameWithLiteralOrEncodedBrackets() {
        let literal = SandboxRequest(method: "GET", target: "/a?status[]=A&office-id[]=1+2", headers: [:])
        let encoded = SandboxRequest(method: "GET", target: "/a?status%5B%5D=A&office-id%5B%5D=1%202", headers: [:])
        #expect(literal.queryItems.map(\.name) == ["status[]", "office-id[]"])
        #expect(literal.queryItems.map(\.value) == ["A", "1 2"])
        #expect(encoded.queryItems.map(\.name) == literal.queryItems.map(\.name))
        #expect(encoded.queryItems.map(\.value) == literal.queryItems.map(\.value))
    }

    @Test func localisedLocationPicksThePreferredTranslation() throws {
        let appointment = try #require(SandboxSeeder(seed: 1, count: 60, referenceDate: reference).appointments()
            .first { $0.location?.translations.city.contains { $0.language == .el } == true })
        let greek = try #require(appointment.location?.localized(preferring: [.el]))
        #expect(greek.city?.language == .el)
        let fallback = try #require(appointment.location?.localized(preferring: [.pl]))
        #expect(fallback.city == appointment.location?.translations.city.first)
    }
}
