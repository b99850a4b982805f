import EngageAPI
import Foundation

/// Reschedule, reassign and `PATCH` of the internal notes: the bodies read as the documentation
/// gives them (a malformed one is a 400), the tenant's rules applied, the appointment returned.
extension SandboxRouter {
    private struct RescheduleBody: Decodable {
        var start: Date
        var end: Date
        var messageForCustomer: String?
    }

    private struct ReassignBody: Decodable {
        var officeId: String?
        var primaryEmployeeId: String?
    }

    func change(_ endpoint: SandboxEndpoint, id: String, _ request: SandboxRequest) -> SandboxResponse {
        let result: SandboxTenant.ChangeResult
        switch endpoint {
        case .reschedule:
            guard let body = try? EngageJSON.decoder().decode(RescheduleBody.self, from: request.body) else {
                return .badRequest("The body must be an object with 'start' and 'end' date-times.")
            }
            result = tenant.reschedule(id: id, start: body.start, end: body.end, messageForCustomer: body.messageForCustomer)
        case .reassign:
            guard let body = try? EngageJSON.decoder().decode(ReassignBody.self, from: request.body) else {
                return .badRequest("The body must be an object with 'officeId' and 'primaryEmployeeId'.")
            }
            result = tenant.reassign(id: id, officeId: body.officeId, employeeId: body.primaryEmployeeId)
        default:
            let notes: String?
            switch (try? JSONDecoder().decode([String: JSONValue].self, from: request.body))?["internalNotes"] {
            case .string(let text)?: notes = text
            case .null?: notes = nil
            default: return .badRequest("'internalNotes' must be a text or null.")
            }
            result = tenant.setInternalNotes(id: id, notes)
        }
        switch result {
        case .changed(let appointment):
            return .json(200, DataEnvelope(data: Self.localized(appointment, Self.languages(request))))
        case .notFound:
            return notFound(id)
        case .unknown(let message):
            return .error(404, code: "NOT_FOUND", type: "NOT_FOUND_ERROR", message: message)
        case .refused(let code, let message):
            return .error(422, code: code, type: "BUSINESS_VALIDATION_ERROR", message: message)
        }
    }
}
