import EngageAPI
import EngageSandbox
import Foundation
import Synchronization
import Testing

/// Reschedule, reassign and the internal notes: the bodies as documented, the answers and the
/// refusals in plain words, and never sent twice.
@Suite("Reschedule, reassign, notes against the sandbox", .timeLimit(.minutes(2)))
struct ClientChangesTests {
    private static let utc = TimeZone(identifier: "UTC")!

    /// A weekday at `hour`:`minute` UTC, `days` after the sandbox's reference day (well past its
    /// seeded requests, so nobody is busy then but for lunch).
    private static func slot(_ sandbox: SandboxServer, days: Int = 90, hour: Int, minute: Int = 0) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        var day = calendar.startOfDay(for: sandbox.configuration.referenceDate.addingTimeInterval(Double(days) * 86_400))
        while calendar.isDateInWeekend(day) { day = day.addingTimeInterval(86_400) }
        return day.addingTimeInterval(Double(hour * 3_600 + minute * 60))
    }

    private static func pendingWithEmployee(_ sandbox: SandboxServer) throws -> Appointment {
        try #require(sandbox.tenant.appointments.first { appointment in
            appointment.status == .incomingRequest && appointment.start != nil
                && appointment.appointmentParticipants.contains { $0.type == .employee && $0.role == .primary }
        })
    }

    private static func body(_ sandbox: SandboxServer, _ suffix: String) throws -> [String: Any] {
        let request = try #require(sandbox.receivedRequests.last { $0.path.hasSuffix(suffix) })
        return try #require(try JSONSerialization.jsonObject(with: request.body) as? [String: Any])
    }

    @Test func rescheduleIntoAFreeSlotSendsEveryFieldAndReturnsTheNewTime() async throws {
        try await SandboxServer.withRunning { sandbox in
            let target = try Self.pendingWithEmployee(sandbox)
            let (start, end) = (Self.slot(sandbox, hour: 9), Self.slot(sandbox, hour: 9, minute: 45))
            let sent = Mutex<[String]>([])
            let answer = try await sandbox.makeClient().reschedule(
                id: target.id, RescheduleRequest(start: start, end: end, messageForCustomer: "See you then"),
                willSend: { id in sent.withLock { $0.append(id) } })
            #expect(answer.value.start == start && answer.value.end == end && answer.value.status == .incomingRequest)
            #expect(sent.withLock { $0 } == [answer.correlationId])
            let body = try Self.body(sandbox, "/_actions/reschedule")
            #expect(Set(body.keys) == ["start", "end", "message", "messageForCustomer", "answers", "userCommunication"])
            #expect(body["start"] as? String == Timestamp.format(start) && body["messageForCustomer"] as? String == "See you then")
            #expect(body["message"] is NSNull && body["answers"] is NSNull && body["userCommunication"] is NSNull)
            let request = try #require(sandbox.receivedRequests.last { $0.path.hasSuffix("/_actions/reschedule") })
            #expect(request.method == "POST" && request.headers["content-type"] == "application/json")
        }
    }

    @Test func busyTimesAndAStartAfterTheEndAreRefusedInPlainWords() async throws {
        try await SandboxServer.withRunning { sandbox in
            let target = try Self.pendingWithEmployee(sandbox)
            let client = sandbox.makeClient()
            for (start, end, code, message) in [
                (Self.slot(sandbox, hour: 12, minute: 15), Self.slot(sandbox, hour: 12, minute: 45),
                 "APPOINTMENT_NO_AVAILABILITY", "No colleague is free at that time."),
                (Self.slot(sandbox, hour: 19), Self.slot(sandbox, hour: 19, minute: 30),
                 "APPOINTMENT_NO_AVAILABILITY", "No colleague is free at that time."),
                (Self.slot(sandbox, hour: 10), Self.slot(sandbox, hour: 9), "APPOINTMENT_START_AFTER_END", "The start is after the end."),
            ] {
                do throws(EngageError) {
                    _ = try await client.reschedule(id: target.id, RescheduleRequest(start: start, end: end), willSend: { _ in })
                    Issue.record("\(code) expected for \(start)–\(end)")
                } catch {
                    #expect(error.kind == .businessRule && error.code == code && error.message == message)
                    #expect(error.correlationId != nil)
                }
            }
            #expect(sandbox.tenant.appointment(id: target.id)?.start == target.start, "nothing changed")
        }
    }

    @Test func reassignToAnActiveColleagueAndTheRefusals() async throws {
        try await SandboxServer.withRunning { sandbox in
            let target = try Self.pendingWithEmployee(sandbox)
            let current = try #require(target.appointmentParticipants.first { $0.type == .employee }?.participant.id)
            let ids = (7001...7040).map(String.init)
            let active = try #require(ids.first {
                $0 != current && SandboxDirectory.employee(id: $0, languages: [.en])?.status == .active
            })
            let inactive = try #require(ids.first { SandboxDirectory.employee(id: $0, languages: [.en])?.status == .inactive })
            let client = sandbox.makeClient()
            func refusal(_ request: ReassignRequest) async -> EngageError? {
                do throws(EngageError) {
                    _ = try await client.reassign(id: target.id, request, willSend: { _ in })
                    return nil
                } catch {
                    return error
                }
            }
            #expect(await refusal(ReassignRequest(primaryEmployeeId: inactive))?.code == "APPOINTMENT_PRIMARY_EMPLOYEE_MISSING")
            #expect(await refusal(ReassignRequest(primaryEmployeeId: current))?.message == "That colleague takes part in it already.")
            #expect(await refusal(ReassignRequest(officeId: "999", primaryEmployeeId: active))?.kind == .notFound)

            let answer = try await client.reassign(id: target.id, ReassignRequest(officeId: "12", primaryEmployeeId: active), willSend: { _ in })
            let primary = answer.value.appointmentParticipants.first { $0.type == .employee && $0.role == .primary }
            #expect(primary?.participant.id == active && answer.value.office.id == "12")
            let body = try Self.body(sandbox, "/_actions/reassign")
            #expect(Set(body.keys) == ["officeId", "primaryEmployeeId", "message", "messageForCustomer", "userCommunication"])
            #expect(body["officeId"] as? String == "12" && body["message"] is NSNull && body["userCommunication"] is NSNull)
        }
    }

    @Test func theNotesAreSentAloneWithPatch() async throws {
        try await SandboxServer.withRunning { sandbox in
            let target = try Self.pendingWithEmployee(sandbox)
            let answer = try await sandbox.makeClient().updateInternalNotes(
                id: target.id, InternalNotesUpdate(internalNotes: "Called back: prefers Tuesdays"), willSend: { _ in })
            #expect(answer.value.internalNotes == "Called back: prefers Tuesdays")
            let request = try #require(sandbox.receivedRequests.last { $0.method == "PATCH" })
            #expect(request.path.hasSuffix("/appointments/\(target.id)"))
            #expect(String(decoding: request.body, as: UTF8.self) == #"{"internalNotes":"Called back: prefers Tuesdays"}"#)
            _ = try await sandbox.makeClient().updateInternalNotes(id: target.id, InternalNotesUpdate(internalNotes: nil), willSend: { _ in })
            #expect(sandbox.tenant.appointment(id: target.id)?.internalNotes == nil, "null clears them")
        }
    }

    @Test(arguments: [SandboxEndpoint.reschedule, .reassign, .update])
    func aResetConnectionIsNeverSentAgain(endpoint: SandboxEndpoint) async throws {
        try await SandboxServer.withRunning { sandbox in
            let target = try Self.pendingWithEmployee(sandbox)
            let (_, faults) = try SandboxFaults.parseScript("\(endpoint.rawValue)=reset")
            sandbox.faults.script(endpoint, faults)
            let client = sandbox.makeClient()
            do throws(EngageError) {
                switch endpoint {
                case .reschedule:
                    _ = try await client.reschedule(id: target.id, RescheduleRequest(
                        start: Self.slot(sandbox, hour: 9), end: Self.slot(sandbox, hour: 10)), willSend: { _ in })
                case .reassign:
                    _ = try await client.reassign(id: target.id, ReassignRequest(primaryEmployeeId: "7002"), willSend: { _ in })
                default:
                    _ = try await client.updateInternalNotes(id: target.id, InternalNotesUpdate(internalNotes: "x"), willSend: { _ in })
                }
                Issue.record("the reset should fail the request")
            } catch {
                #expect(error.kind == .transport, "\(error)")
            }
            let writes = sandbox.receivedRequests.filter { $0.method != "GET" }
            #expect(writes.count == 1, "sent once: \(writes.map(\.path))")
        }
    }
}
