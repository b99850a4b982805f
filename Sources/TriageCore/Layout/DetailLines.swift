import EngageContract

/// The content of the detail pane for one section: labelled values wrapped to the pane width.
/// The reducer uses it to bound scrolling; the renderer draws it.
public struct DetailLines: Equatable, Sendable {
    /// One screen line: a label (only on the first line of a field) and a piece of the value.
    public struct Line: Equatable, Sendable {
        public var label: String
        public var value: String
    }

    public let lines: [Line]
    public let labelWidth: Int

    public init(section: DetailSection, width: Int) {
        let widest = section.fields.map { DisplayWidth.of($0.label) }.max() ?? 0
        let labelWidth = min(widest, max(8, width * 2 / 5))
        let valueWidth = max(4, width - labelWidth - 3)
        self.labelWidth = labelWidth
        lines = section.fields.flatMap { field -> [Line] in
            let label = DisplayWidth.truncate(field.label, to: labelWidth)
            let wrapped = TextWrap.lines(field.value, width: valueWidth)
            return wrapped.enumerated().map { index, piece in Line(label: index == 0 ? label : "", value: piece) }
        }
    }

    /// The lines of `tab` for `appointment` in `state`'s language, time zone and pane width.
    public init(_ appointment: Appointment, tab: DetailTab, state: AppState) {
        let detail = state.detail
        let section: DetailSection = switch tab {
        case .overview: detail.overview(appointment)
        case .participants: detail.participants(appointment)
        case .location: detail.location(appointment)
        case .answers: detail.answers(appointment)
        }
        self.init(section: section, width: state.layout.detailWidth - 1)
    }
}
