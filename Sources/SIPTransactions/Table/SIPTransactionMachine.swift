import SIPCore

/// What the transaction table needs from each of the four machines: the events every machine accepts, and
/// the state it reports after each one.
protocol SIPTransactionMachine: Sendable {
    /// Whether the machine has terminated and must be removed.
    var isTerminated: Bool { get }
    /// The buffer storage it holds, charged against the table's memory bound.
    var retainedByteCount: Int { get }
    /// A message from the transport: a request for a server machine, a response for a client machine.
    mutating func received(_ message: SIPMessage) -> [SIPTransactionAction]
    /// A timer it started has fired.
    mutating func timerFired(_ timer: SIPTimer) -> [SIPTransactionAction]
    /// The transport failed.
    mutating func transportFailed() -> [SIPTransactionAction]
    /// The TU gives it up.
    mutating func abandon() -> [SIPTransactionAction]
}

/// An event the table forwards unchanged to whichever machine owns a key.
enum SIPTransactionCommonEvent: Sendable, Hashable {
    /// A message from the transport.
    case received(SIPMessage)
    /// A timer fired.
    case timerFired(SIPTimer)
    /// The transport failed.
    case transportFailed
    /// The TU gives the transaction up.
    case abandon
}

extension SIPTransactionMachine {
    /// Runs a common event.
    mutating func handle(_ event: SIPTransactionCommonEvent) -> [SIPTransactionAction] {
        switch event {
        case .received(let message): self.received(message)
        case .timerFired(let timer): self.timerFired(timer)
        case .transportFailed: self.transportFailed()
        case .abandon: self.abandon()
        }
    }
}

extension InviteServerTransaction: SIPTransactionMachine {}
extension NonInviteServerTransaction: SIPTransactionMachine {}
extension InviteClientTransaction: SIPTransactionMachine {}
extension NonInviteClientTransaction: SIPTransactionMachine {}
