import Foundation

/// The filters of `GET /appointments`.
///
/// Every filter is an array and is sent in the API's bracket syntax even for one value,
/// `status[]=INCOMING_REQUEST&office-id[]=12`: the real server rejects the plain `status=X`.
public struct AppointmentQuery: Sendable, Hashable {
    public var statuses: [AppointmentStatus]
    public var meetingTypes: [MeetingType]
    public var ids: [String]
    public var externalIds: [String]
    public var officeIds: [String]
    public var subjectIds: [String]
    public var customerIds: [String]
    public var employeeIds: [String]
    /// Appointments starting at or after this instant.
    public var from: Date?
    /// Appointments ending at or before this instant.
    public var to: Date?

    public init(
        statuses: [AppointmentStatus] = [], meetingTypes: [MeetingType] = [], ids: [String] = [],
        externalIds: [String] = [], officeIds: [String] = [], subjectIds: [String] = [],
        customerIds: [String] = [], employeeIds: [String] = [], from: Date? = nil, to: Date? = nil
    ) {
        self.statuses = statuses
        self.meetingTypes = meetingTypes
        self.ids = ids
        self.externalIds = externalIds
        self.officeIds = officeIds
        self.subjectIds = subjectIds
        self.customerIds = customerIds
        self.employeeIds = employeeIds
        self.from = from
        self.to = to
    }

    /// The requests waiting for someone to accept them: `status[]=INCOMING_REQUEST`.
    public static let pending = AppointmentQuery(statuses: [.incomingRequest])

    /// The query's parameters in wire order, names in bracket syntax, values not yet encoded.
    public func parameters(offset: Int, limit: Int) -> [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = []
        func add(_ name: String, _ values: [String]) {
            parameters += values.map { (name: name + "[]", value: $0) }
        }
        add("id", ids)
        add("external-id", externalIds)
        add("meeting-type", meetingTypes.map(\.rawValue))
        add("status", statuses.map(\.rawValue))
        add("office-id", officeIds)
        add("subject-id", subjectIds)
        add("customer-id", customerIds)
        add("employee-id", employeeIds)
        if let from { parameters.append((name: "from", value: Timestamp.format(from))) }
        if let to { parameters.append((name: "to", value: Timestamp.format(to))) }
        parameters.append((name: "offset", value: String(offset)))
        parameters.append((name: "limit", value: String(limit)))
        return parameters
    }
}
