import TriageCore

/// The state of one screen and the runner of its effects: `send` reduces an action, hands the
/// network effects to the runner and returns the terminal's own (redraw, quit, the editor) to the caller.
/// Used from one thread (the screen's); the runner's results come back through whatever its
/// `send` closure posts to, and are passed to `send` here in turn.
public final class TriageStore {
    public private(set) var state: AppState
    public let runner: EffectRunner

    public init(state: AppState, runner: EffectRunner) {
        self.state = state
        self.runner = runner
    }

    /// Reduces `action`; returns the effects for the terminal.
    @discardableResult
    public func send(_ action: Action) -> [Effect] {
        var terminalEffects: [Effect] = []
        for effect in Reducer.reduce(&state, action) {
            if effect.isForTheTerminal { terminalEffects.append(effect) } else { runner.run(effect) }
        }
        return terminalEffects
    }
}
