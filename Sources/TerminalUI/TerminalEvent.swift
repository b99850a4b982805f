import TriageCore

/// What the terminal reports: a key, or that it has a new size.
public enum TerminalEvent: Equatable, Sendable {
    case key(Key)
    case resized(Size)
}
