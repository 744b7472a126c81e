extension BehaviourMachine {
    /// The bounds and defaults of a machine.
    public struct Configuration: Sendable, Hashable {
        /// How long `OpRing` rings before its `timeout` timer fires (Fig. 4's `Ringing { timeout/… }`);
        /// `nil` never arms it. Default 60 s.
        public var ringTimeout: Duration?
        /// When set, `OpRing` also arms an `offhook` timer: the honeyphone lifts the handset by itself after
        /// this long (Fig. 4's `Ringing { offhook/OpAnswerCall }`). Default `nil`.
        public var autoOffhookAfter: Duration?
        /// The longest duration any number of seconds becomes; longer samples are clamped. Default 1 hour.
        public var maximumDuration: Duration
        /// The most state changes one input may cause (entry → move → entry chains). Default 16.
        public var maximumTransitionsPerInput: Int
        /// The most inputs one call may receive before the machine hangs up. Default 10,000.
        public var maximumInputsPerCall: Int

        /// A configuration; every parameter defaults to the documented default.
        public init(
            ringTimeout: Duration? = .seconds(60),
            autoOffhookAfter: Duration? = nil,
            maximumDuration: Duration = .seconds(3600),
            maximumTransitionsPerInput: Int = 16,
            maximumInputsPerCall: Int = 10_000
        ) {
            self.ringTimeout = ringTimeout
            self.autoOffhookAfter = autoOffhookAfter
            self.maximumDuration = maximumDuration
            self.maximumTransitionsPerInput = maximumTransitionsPerInput
            self.maximumInputsPerCall = maximumInputsPerCall
        }
    }

    /// A bound of ``Configuration`` that stopped work.
    public enum Bound: String, Sendable, Hashable {
        /// ``Configuration/maximumTransitionsPerInput``: the rest of the chain was not run.
        case transitionsPerInput
        /// ``Configuration/maximumInputsPerCall``: the machine hung up.
        case inputsPerCall
    }
}
