/// Reading key bindings from the configuration: `{"accept": ["a", "Ctrl-A"], "quit": ["q", "F10"]}`.
extension Keymap {
    /// A binding that names an unknown action or key.
    public struct BindingError: Error, Equatable {
        public var message: String
    }

    /// This keymap with the keys of each named action replaced; actions not named keep their keys.
    /// A key left bound to two actions of one mode is refused, naming the key and both actions.
    public func overriding(_ configured: [String: [String]]) throws(BindingError) -> Keymap {
        var bindings = self.bindings
        for (name, keyNames) in configured.sorted(by: { $0.key < $1.key }) {
            guard let command = Command.allCases.first(where: { $0.name == name }) else {
                throw BindingError(message: "keyBindings: unknown action \"\(name)\". Actions: "
                    + Command.allCases.map(\.name).joined(separator: ", ") + ".")
            }
            bindings[command] = try keyNames.map { keyName throws(BindingError) in
                guard let key = Key(name: keyName) else {
                    throw BindingError(message: "keyBindings.\(name): unknown key \"\(keyName)\" (use a character, "
                        + "Enter, Esc, Tab, Shift-Tab, Up, Down, Left, Right, PgUp, PgDn, Home, End, Space, F1-F12 or Ctrl-X).")
                }
                return key
            }
        }
        let keymap = Keymap(bindings)
        do {
            try keymap.validate()
        } catch {
            throw BindingError(message: "keyBindings: \(error).")
        }
        return keymap
    }
}

extension Command {
    /// The action's name in the configuration, e.g. `accept`, `moveDown`.
    public var name: String { String(describing: self) }
}

extension Key {
    /// Reads a key as the configuration writes it: `a`, `Enter`, `Ctrl-L`, `F1`, `PgDn`, …
    public init?(name: String) {
        let named: [String: Key] = [
            "up": .up, "down": .down, "left": .left, "right": .right, "pgup": .pageUp, "pageup": .pageUp,
            "pgdn": .pageDown, "pagedown": .pageDown, "home": .home, "end": .end, "enter": .enter, "return": .enter,
            "esc": .escape, "escape": .escape, "tab": .tab, "shift-tab": .backTab, "backtab": .backTab,
            "backspace": .backspace, "space": .character(" "),
        ]
        if let key = named[name.lowercased()] {
            self = key
        } else if name.count == 1, let character = name.first {
            self = .character(character)
        } else if name.lowercased().hasPrefix("ctrl-"), name.count == 6, let letter = name.last?.lowercased().first,
                  letter.isLetter, letter.isASCII {
            self = .control(letter)
        } else if name.uppercased().hasPrefix("F"), let number = Int(name.dropFirst()), (1...12).contains(number) {
            self = .function(number)
        } else {
            return nil
        }
    }
}
