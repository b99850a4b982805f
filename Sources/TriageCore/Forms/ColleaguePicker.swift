import EngageContract
import Foundation

/// The `o` picker: the active colleagues one request can be handed to, narrowed by what `/`
/// typed (their name, id, function or office), with the cursor on one of them by id.
public struct ColleaguePicker: Sendable, Equatable {
    public let appointmentID: String
    /// What `/` typed ("" shows every colleague).
    public var filterText = ""
    /// `/` is typing into the filter: printable keys go to it until Enter or Esc.
    public var isFiltering = false
    /// The colleague the cursor is on.
    public var selectedID: String?

    public init(appointmentID: String) {
        self.appointmentID = appointmentID
    }

    /// The colleagues the filter lets through, in `colleagues`' order.
    public func shown(_ colleagues: [Employee], names: NameBook) -> [Employee] {
        let needle = FoldedText.fold(PlainText.trimmed(filterText))
        guard !needle.isEmpty else { return colleagues }
        return colleagues.filter { FoldedText.contains(FoldedText.fold(Self.searchText($0, names: names)), needle) }
    }

    /// Where the cursor is among `shown`: the selected colleague, else the first.
    public func selectionIndex(in shown: [Employee]) -> Int? {
        guard !shown.isEmpty else { return nil }
        return shown.firstIndex { $0.id == selectedID } ?? 0
    }

    /// "Mateo van den Berg", the id, the function, the offices by name: what the filter looks through.
    static func searchText(_ employee: Employee, names: NameBook) -> String {
        ([employee.firstName, employee.lastName, employee.id, employee.function?.value ?? ""] + officeNames(employee, names: names))
            .joined(separator: " ")
    }

    /// The offices the colleague works for, by name where known.
    static func officeNames(_ employee: Employee, names: NameBook) -> [String] {
        (employee.officeRelations ?? []).map { RequestSummary.named(.office, $0.officeId, names) }
    }
}

/// What `o` sends once a colleague is picked: who, to which office, and the message typed for
/// the customer (the line after the picker).
public struct ReassignDraft: Sendable, Equatable {
    public let appointmentID: String
    public let employeeID: String
    /// The office it moves to: the colleague's own when they do not work for the request's.
    public let officeID: String?
    public var messageForCustomer = ""

    public var request: ReassignRequest {
        let message = PlainText.trimmed(messageForCustomer)
        return ReassignRequest(officeId: officeID, primaryEmployeeId: employeeID, messageForCustomer: message.isEmpty ? nil : message)
    }
}
