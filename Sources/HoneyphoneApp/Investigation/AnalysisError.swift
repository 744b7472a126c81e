/// Why an analysis command or the investigation service could not start or read its input.
public struct AnalysisError: Error, Sendable, CustomStringConvertible {
    /// A stable code.
    public struct Code: RawRepresentable, Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(rawValue: String) { self.rawValue = rawValue }
        public var description: String { self.rawValue }

        /// A file could not be read.
        public static let unreadable = Self(rawValue: "unreadable")
        /// A settings, model or labels file is invalid.
        public static let invalidSettings = Self(rawValue: "invalid-settings")
        /// An input holds no usable SIP message or is not a capture.
        public static let invalidInput = Self(rawValue: "invalid-input")
    }

    /// The code.
    public var code: Code
    /// What went wrong (file names and positions, never raw attacker bytes).
    public var message: String

    /// Creates an error.
    public init(code: Code, message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { self.message }

    /// The exit status documented by the commands: 66 unreadable, 65 invalid input, 78 invalid settings.
    public var exitStatus: Int32 {
        switch self.code {
        case .unreadable: return 66
        case .invalidInput: return 65
        default: return 78
        }
    }

    @inline(never)
    static func unreadable(_ path: String, _ cause: any Error) -> Self {
        Self(code: .unreadable, message: "\(path): cannot read: \(cause)")
    }

    @inline(never)
    static func invalidSettings(_ message: String) -> Self { Self(code: .invalidSettings, message: message) }

    @inline(never)
    static func invalidInput(_ message: String) -> Self { Self(code: .invalidInput, message: message) }
}

extension AnalysisError: SettingsErrorDescribing {
    /// The message, for `honeyphone run` (which exits with 78 on settings errors).
    public var settingsDescription: String { self.message }
}
