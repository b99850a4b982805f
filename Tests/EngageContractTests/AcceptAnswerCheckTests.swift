import EngageContract
import Foundation
import Testing

/// An accept is accepted only when the answer is the appointment asked for, now ACCEPTED.
@Suite("Checking the accept's answer", .timeLimit(.minutes(1)))
struct AcceptAnswerCheckTests {
    /// A tenant whose accept answers 200 with `answer`; a re-read shows the request still pending.
    struct OddTenant: AppointmentService {
        var answer: Appointment
        var pageSize: Int { 25 }

        func appointmentPage(matching query: AppointmentQuery, offset: Int, limit: Int) async throws(EngageError) -> AppointmentPage {
            AppointmentPage(appointments: [], meta: PageMeta(offset: 0, limit: limit, totalCount: 0), correlationId: "p")
        }

        func appointment(id: String) async throws(EngageError) -> EngageResponse<Appointment> {
            EngageResponse(value: Self.request(id, .incomingRequest), correlationId: "reread")
        }

        func perform(_ write: AppointmentWrite, on id: String, willSend: @escaping @Sendable (String) throws -> Void)
            async throws(EngageError) -> EngageResponse<Appointment>
        {
            try? willSend("attempt")
            return EngageResponse(value: answer, correlationId: "attempt")
        }

        static func request(_ id: String, _ status: AppointmentStatus) -> Appointment {
            Appointment(id: id, start: nil, end: nil, subject: "1", office: "1", appointmentParticipants: [], meetingType: .phone,
                        status: status, createdAt: .distantPast, createdBy: nil, createdByType: .customer, createdFrom: .plugin,
                        updatedAt: .distantPast, updatedBy: nil, updatedByType: .customer, updatedFrom: .plugin)
        }
    }

    @Test(arguments: [("9999", AppointmentStatus.accepted), ("1001", .incomingRequest), ("1001", .unknown("NEW"))])
    func aTwoHundredThatDoesNotSayAcceptedIsNotReportedAsAccepted(id: String, status: AppointmentStatus) async {
        let outcome = await OddTenant(answer: OddTenant.request(id, status)).performReconciling(.accept, on: "1001")
        guard case .unknown(let error, .success(let current)) = outcome else {
            Issue.record("expected an unknown outcome, got \(outcome)")
            return
        }
        #expect(error.kind == .unexpectedAnswer && error.message.contains("it returned \(id) with status \(status)"))
        #expect(current.value.status == .incomingRequest && !outcome.isDone)
        #expect(outcome.message(for: .accept).contains("The server now says INCOMING_REQUEST"))
    }
}
