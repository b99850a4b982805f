/// The sections of the detail pane, in the order of their number keys.
public enum DetailTab: Int, CaseIterable, Sendable {
    case overview, participants, location, answers

    public var title: String {
        switch self {
        case .overview: "Overview"
        case .participants: "Participants"
        case .location: "Location"
        case .answers: "Answers"
        }
    }
}
