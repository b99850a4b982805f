/// Which keys run which command. The defaults follow less/vim/k9s habits: arrows and j/k,
/// g/G, PgUp/PgDn, Enter and Esc, `?` for help and `q` to quit.
public struct Keymap: Sendable, Equatable {
    public private(set) var bindings: [Command: [Key]]
    private var commandsByKey: [Key: Command]

    public init(_ bindings: [Command: [Key]]) {
        self.bindings = bindings
        var commandsByKey: [Key: Command] = [:]
        for command in Command.allCases {
            for key in bindings[command] ?? [] where commandsByKey[key] == nil { commandsByKey[key] = command }
        }
        self.commandsByKey = commandsByKey
    }

    public static let standard = Keymap([
        .moveDown: [.down, .character("j")],
        .moveUp: [.up, .character("k")],
        .pageDown: [.pageDown, .control("f"), .character(" ")],
        .pageUp: [.pageUp, .control("b")],
        .top: [.home, .character("g")],
        .bottom: [.end, .character("G")],
        .open: [.enter, .right, .character("l")],
        .back: [.escape, .left, .character("h")],
        .accept: [.character("a")],
        .reload: [.character("r")],
        .help: [.character("?"), .function(1)],
        .quit: [.character("q")],
        .redraw: [.control("l")],
        .nextSection: [.tab],
        .previousSection: [.backTab],
        .overview: [.character("1")],
        .participants: [.character("2")],
        .location: [.character("3")],
        .answers: [.character("4")],
        .cycleLanguage: [.character("L")],
    ])

    public func command(for key: Key) -> Command? { commandsByKey[key] }

    /// The keys of `command` as the help shows them, e.g. `↓ j`.
    public func keys(for command: Command) -> String {
        (bindings[command] ?? []).map(\.description).map { $0 == " " ? "Space" : $0 }.joined(separator: " ")
    }
}
