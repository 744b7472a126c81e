/// The error the `Media` module throws: no port, too many sessions, a closed session, a bad file or file name.
public struct MediaError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, for code to match on.
    public var code: Code

    /// What went wrong, for people.
    public var message: String

    /// The underlying error (a socket or file error, an ``RTP/RTPError``), if any.
    public var cause: (any Error)?

    /// Creates an error.
    public init(code: Code, message: String, cause: (any Error)? = nil) {
        self.code = code
        self.message = message
        self.cause = cause
    }

    /// `MediaError.<code>: <message>`.
    public var description: String {
        if let cause = self.cause {
            return "MediaError.\(self.code): \(self.message) (\(cause))"
        }
        return "MediaError.\(self.code): \(self.message)"
    }

    /// The kinds of ``MediaError``; the ``rawValue`` is kebab-case and stable.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum Base: String, Hashable, Sendable {
            case tooManySessions = "too-many-sessions"
            case noPortAvailable = "no-port-available"
            case sessionClosed = "session-closed"
            case dtmfNotNegotiated = "dtmf-not-negotiated"
            case invalidDigit = "invalid-digit"
            case invalidFileName = "invalid-file-name"
            case fileNotFound = "file-not-found"
            case invalidAudioFile = "invalid-audio-file"
            case fileSystem = "file-system"
        }

        private var base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The stable kebab-case name.
        public var rawValue: String {
            self.base.rawValue
        }

        /// The same as ``rawValue``.
        public var description: String {
            self.base.rawValue
        }

        /// `too-many-sessions`: ``MediaConfiguration/maximumSessions`` are open.
        public static let tooManySessions = Code(.tooManySessions)
        /// `no-port-available`: every port tried was reserved or in use.
        public static let noPortAvailable = Code(.noPortAvailable)
        /// `session-closed`: the session was stopped.
        public static let sessionClosed = Code(.sessionClosed)
        /// `dtmf-not-negotiated`: digits were to be sent but no telephone-event payload type was negotiated.
        public static let dtmfNotNegotiated = Code(.dtmfNotNegotiated)
        /// `invalid-digit`: a character that is not a DTMF digit.
        public static let invalidDigit = Code(.invalidDigit)
        /// `invalid-file-name`: a name with characters other than letters, digits, `-`, `_`, `.` or a path.
        public static let invalidFileName = Code(.invalidFileName)
        /// `file-not-found`: no WAV file for the name (an mp3 name resolves only to a WAV of the same base name).
        public static let fileNotFound = Code(.fileNotFound)
        /// `invalid-audio-file`: the file is not a WAV the reader decodes (the cause is an ``RTP/RTPError``).
        public static let invalidAudioFile = Code(.invalidAudioFile)
        /// `file-system`: reading or writing a file failed.
        public static let fileSystem = Code(.fileSystem)
    }
}
