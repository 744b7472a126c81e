/// A validated argument of an operator.
public enum ArgumentValue: Sendable, Hashable, CustomStringConvertible {
    /// Seconds, constant or random.
    case seconds(BehaviourNumber)
    /// A status code.
    case integer(Int)
    /// Text: a file name, URI, realm, reason, timer name or DTMF digits.
    case text(String)
    /// An optional parameter left out.
    case absent

    /// The profile syntax (text is quoted when it would not read back as a bare word).
    public var description: String {
        switch self {
        case .seconds(let number):
            return number.description
        case .integer(let value):
            return String(value)
        case .text(let text):
            let bare =
                !text.isEmpty && text.utf8.allSatisfy(ASCII.isBareArgument)
                && !ASCII.isDigit(text.utf8.first ?? 0) && !text.hasPrefix("-") && !text.hasPrefix("+")
                && !text.hasPrefix(".")
            if bare { return text }
            var quoted = "\""
            for character in text {
                if character == "\"" || character == "\\" { quoted.append("\\") }
                quoted.append(character)
            }
            return quoted + "\""
        case .absent:
            return ""
        }
    }
}

/// An operator with its validated arguments: one per parameter of its ``OperatorSpec``, optional ones left out
/// as ``ArgumentValue/absent``.
public struct BehaviourOperation: Sendable, Hashable, CustomStringConvertible {
    /// The operator.
    public var name: OperatorName
    /// The arguments, one per parameter.
    public var arguments: [ArgumentValue]

    /// An operation.
    public init(name: OperatorName, arguments: [ArgumentValue] = []) {
        self.name = name
        self.arguments = arguments
    }

    /// `OpPlayFile(speech0.mp3, 60)`; absent trailing arguments are left out.
    public var description: String {
        var shown = self.arguments
        while shown.last == .absent { shown.removeLast() }
        if shown.isEmpty { return self.name.rawValue }
        return self.name.rawValue + "(" + shown.map(\.description).joined(separator: ", ") + ")"
    }

    /// The argument at `index`, or ``ArgumentValue/absent``.
    func argument(_ index: Int) -> ArgumentValue {
        index < self.arguments.count ? self.arguments[index] : .absent
    }

    /// The text argument at `index`, if present.
    func text(_ index: Int) -> String? {
        if case .text(let text) = self.argument(index) { return text }
        return nil
    }

    /// The seconds argument at `index`, if present.
    func seconds(_ index: Int) -> BehaviourNumber? {
        if case .seconds(let number) = self.argument(index) { return number }
        return nil
    }

    /// The integer argument at `index`, if present.
    func integer(_ index: Int) -> Int? {
        if case .integer(let value) = self.argument(index) { return value }
        return nil
    }
}
