public import NIOCore
public import SIPCore

/// Every live transaction of one SIP stack, keyed by ``SIPTransactionKey``: it routes each message from the
/// transport to its transaction (RFC 3261 §17.1.3, §17.2.3), creates server transactions for new requests,
/// forwards the TU's responses and the stack's timer events, removes terminated transactions, and refuses new
/// ones beyond a bound. With RFC 6026 an INVITE transaction outlives its 2xx (the Accepted states, Timers L
/// and M), so a retransmitted INVITE still finds it instead of creating a second one, and a response that
/// matches nothing is a stray to drop rather than a message for the TU.
///
/// Like the machines it owns, the table is a value with no IO and no clock: each method returns actions for
/// one key, and the stack runs them, scheduling each timer under (key, timer) and reporting it back with
/// ``timerFired(_:for:)``. A machine cancels or outlives every timer it started before it terminates, and the
/// table removes a transaction as soon as its actions contain ``SIPTransactionAction/terminate``.
///
/// ### The bound
///
/// A flood of requests with random branches or Call-IDs creates one server transaction each, and each lives
/// up to 64·T1 (32 s) after its final response. The table therefore refuses to create a transaction when
/// ``isFull``: when ``count`` has reached ``Configuration/maximumTransactions`` (100,000 by default) or
/// ``retainedByteCount`` has reached ``Configuration/maximumRetainedBytes`` (64 MiB by default). The second
/// bound matters because a transaction's size is the attacker's choice: a response echoes every Via of its
/// request (up to the parser's 32 KiB header section), and a key holds the peer's branch or Call-ID. Retained
/// buffers are counted by their storage capacity (NIO rounds allocations up to a power of two, so a 300-byte
/// response costs 512), keys by the UTF-8 length of their text. A refused request is reported as
/// ``Routing/refused(_:)`` and dropped. With ``Configuration/statelessUnderLoad``, a request other than INVITE and
/// CANCEL gets no transaction once the table is half full (``isHalfFull``): it is reported as
/// ``Routing/stateless(_:_:)`` for the TU to answer without one, and the other half is kept for INVITEs, so
/// that a flood of OPTIONS neither goes unanswered nor leaves calls without room. Transactions that already exist are never refused anything, so the
/// byte count can pass its bound by what they add before they end. Not counted is the fixed cost of an entry
/// (the dictionary slot, the machine, string and buffer headers): roughly 400 bytes, so about 40 MB more at
/// 100,000 transactions. With the defaults the table sustains about 3,000 new transactions a second (each
/// living 32 s) before it refuses.
///
/// ### What the TU must do
///
/// Answer every ``Routing/newServerTransaction(_:_:)`` and ``Routing/cancel(_:matching:_:)`` with
/// ``send(response:status:for:)``, or give it up with ``abandon(_:)``: a server transaction has no timer before
/// its final response, so an unanswered one stays until the TU acts. Retransmit its own 2xx responses through
/// ``send(response:status:for:)`` while the INVITE transaction is Accepted, and handle ``Routing/ackFor2xx(_:)``.
public struct SIPTransactionTable: Sendable {
    /// The configuration the table was created with.
    public let configuration: Configuration

    private var inviteServers: [SIPTransactionKey: InviteServerTransaction] = [:]
    private var nonInviteServers: [SIPTransactionKey: NonInviteServerTransaction] = [:]
    /// Set by the TU when every new call would be refused anyway (its dialogs are at their bound): with
    /// ``Configuration/statelessUnderLoad``, an INVITE outside a dialog (no To tag) then gets no transaction and is
    /// reported as ``Routing/stateless(_:_:)``, for the TU to refuse as a stateless UAS (RFC 3261 §8.2.7: no
    /// 100 Trying, no retransmission of the final response, ACK and CANCEL ignored). Under an INVITE flood this
    /// is the difference between one datagram per INVITE and eleven (the 486, then Timer G's retransmissions
    /// for 32 s to a source that never ACKs), and between no state and a transaction each.
    public var answerInitialInvitesStatelessly = false
    private var inviteClients: [SIPTransactionKey: InviteClientTransaction] = [:]
    private var nonInviteClients: [SIPTransactionKey: NonInviteClientTransaction] = [:]

    /// The bytes all live transactions hold, with the text of their keys.
    public private(set) var retainedByteCount = 0

    /// An empty table.
    public init(configuration: Configuration = Configuration()) {
        self.configuration = configuration
    }

    /// The number of live transactions, server and client.
    public var count: Int {
        self.inviteServers.count + self.nonInviteServers.count + self.inviteClients.count + self.nonInviteClients.count
    }

    /// Whether a new transaction would be refused.
    public var isFull: Bool {
        self.count >= self.configuration.maximumTransactions
            || self.retainedByteCount >= self.configuration.maximumRetainedBytes
    }

    /// Whether either bound is at least half used: from then on, with ``Configuration/statelessUnderLoad``, requests
    /// other than INVITE and CANCEL get no transaction.
    public var isHalfFull: Bool {
        self.count * 2 >= self.configuration.maximumTransactions
            || self.retainedByteCount * 2 >= self.configuration.maximumRetainedBytes
    }

    /// Whether a transaction with this key is alive.
    public func contains(_ key: SIPTransactionKey) -> Bool {
        switch (key.isClient, key.method == .invite) {
        case (false, true): self.inviteServers[key] != nil
        case (false, false): self.nonInviteServers[key] != nil
        case (true, true): self.inviteClients[key] != nil
        case (true, false): self.nonInviteClients[key] != nil
        }
    }

    /// The state of the INVITE server transaction with this key, if it is alive. A TU answering a CANCEL uses
    /// it: only a transaction still Proceeding gets a 487 (§9.2).
    public func inviteServerPhase(of key: SIPTransactionKey) -> InviteServerTransaction.Phase? {
        self.inviteServers[key]?.phase
    }

    // MARK: Messages from the transport

    /// A message from the transport. `reliable` says whether it came over a reliable transport (TCP, TLS),
    /// which decides the timers of a transaction it creates.
    public mutating func received(_ message: SIPMessage, reliable: Bool) -> Routing {
        guard message.isRequest else {
            guard let key = SIPTransactionKey(clientTransactionMatching: message),
                let actions = self.dispatch(.received(message), to: key)
            else { return .strayResponse(message) }
            return .transaction(key, actions)
        }
        guard let method = message.method,
            let key = SIPTransactionKey(serverTransactionOf: message, requestMethod: method)
        else {
            return .unmatchable(message)
        }
        if method == .ack {
            // The key of an ACK is its INVITE's. An RFC 2543 ACK of an initial INVITE carries the To tag the
            // response added, which the INVITE's key lacks.
            for candidate in [key, key.withoutToTag].compactMap({ $0 }) {
                if let actions = self.dispatch(.received(message), to: candidate) {
                    return .transaction(candidate, actions)
                }
            }
            return message.to?.tag == nil ? .strayACK(message) : .ackFor2xx(message)
        }
        if let actions = self.dispatch(.received(message), to: key) {
            return .transaction(key, actions)
        }
        if self.configuration.statelessUnderLoad, method == .invite, self.answerInitialInvitesStatelessly,
            message.to?.tag == nil
        {
            return .stateless(key, message)
        }
        if self.configuration.statelessUnderLoad, method != .invite, method != .cancel,
            self.isHalfFull || self.nonInviteServers.count >= self.configuration.maximumStatefulNonInvite ?? .max
        {
            return .stateless(key, message)
        }
        guard !self.isFull else { return .refused(message) }
        let timers = self.configuration.timers.with(reliable: reliable)
        if method == .invite {
            var machine = InviteServerTransaction(timers: timers, tryingHeaders: self.configuration.tryingHeaders)
            let actions = machine.received(message)
            Self.insert(machine, key, into: &self.inviteServers, &self.retainedByteCount)
            return .newServerTransaction(key, actions)
        }
        var machine = NonInviteServerTransaction(timers: timers)
        let actions = machine.received(message)
        Self.insert(machine, key, into: &self.nonInviteServers, &self.retainedByteCount)
        guard method == .cancel else { return .newServerTransaction(key, actions) }
        let cancelled = SIPTransactionKey.keyOfTransactionCancelled(by: message).flatMap {
            self.inviteServers[$0] == nil ? nil : $0
        }
        return .cancel(key, matching: cancelled, actions)
    }

    // MARK: Events from the TU and the stack

    /// A response from the TU for the server transaction `key`, already serialized; `status` is its code.
    public mutating func send(response: ByteBuffer, status: Int, for key: SIPTransactionKey) -> [SIPTransactionAction] {
        guard !key.isClient else { return [.ignore(.noSuchTransaction)] }
        let actions =
            key.method == .invite
            ? Self.apply(&self.inviteServers, key, &self.retainedByteCount) {
                $0.send(response: response, status: status)
            }
            : Self.apply(&self.nonInviteServers, key, &self.retainedByteCount) {
                $0.send(response: response, status: status)
            }
        return actions ?? [.ignore(.noSuchTransaction)]
    }

    /// A response from the TU as a builder, serialized once here.
    public mutating func send(response: SIPMessageBuilder, for key: SIPTransactionKey) -> [SIPTransactionAction] {
        guard case .response(let status, _) = response.startLine else { return [.ignore(.notAllowedInState)] }
        return self.send(response: response.serialized(), status: status, for: key)
    }

    /// Starts a client transaction for the TU's request (parsed from the bytes it built), over a reliable
    /// transport or not.
    public mutating func send(request: SIPMessage, reliable: Bool) -> ClientStart {
        guard let key = SIPTransactionKey(clientTransactionOf: request) else { return .refused(.invalidRequest) }
        guard !self.contains(key) else { return .refused(.duplicateKey) }
        guard !self.isFull else { return .refused(.full) }
        let timers = self.configuration.timers.with(reliable: reliable)
        if key.method == .invite {
            var machine = InviteClientTransaction(timers: timers)
            let actions = machine.send(request: request)
            guard machine.phase == .calling else { return .refused(.invalidRequest) }
            Self.insert(machine, key, into: &self.inviteClients, &self.retainedByteCount)
            return .started(key, actions)
        }
        var machine = NonInviteClientTransaction(timers: timers)
        let actions = machine.send(request: request)
        guard machine.phase == .trying else { return .refused(.invalidRequest) }
        Self.insert(machine, key, into: &self.nonInviteClients, &self.retainedByteCount)
        return .started(key, actions)
    }

    /// The timer `timer` of transaction `key` has fired.
    public mutating func timerFired(_ timer: SIPTimer, for key: SIPTransactionKey) -> [SIPTransactionAction] {
        self.dispatch(.timerFired(timer), to: key) ?? [.ignore(.noSuchTransaction)]
    }

    /// The transport failed to send a message of transaction `key`.
    public mutating func transportFailed(for key: SIPTransactionKey) -> [SIPTransactionAction] {
        self.dispatch(.transportFailed, to: key) ?? [.ignore(.noSuchTransaction)]
    }

    /// The TU gives transaction `key` up: its timers are cancelled and it is removed.
    public mutating func abandon(_ key: SIPTransactionKey) -> [SIPTransactionAction] {
        self.dispatch(.abandon, to: key) ?? [.ignore(.noSuchTransaction)]
    }

    // MARK: Bookkeeping

    /// Runs `event` on the transaction that owns `key`; `nil` when there is none.
    private mutating func dispatch(
        _ event: SIPTransactionCommonEvent,
        to key: SIPTransactionKey
    ) -> [SIPTransactionAction]? {
        switch (key.isClient, key.method == .invite) {
        case (false, true): Self.apply(&self.inviteServers, key, &self.retainedByteCount) { $0.handle(event) }
        case (false, false): Self.apply(&self.nonInviteServers, key, &self.retainedByteCount) { $0.handle(event) }
        case (true, true): Self.apply(&self.inviteClients, key, &self.retainedByteCount) { $0.handle(event) }
        case (true, false): Self.apply(&self.nonInviteClients, key, &self.retainedByteCount) { $0.handle(event) }
        }
    }

    /// Runs `event` on the machine with `key` in place, keeps the byte count, and removes the machine if it
    /// terminated. `nil` when `table` has no such key.
    private static func apply<Machine: SIPTransactionMachine>(
        _ table: inout [SIPTransactionKey: Machine],
        _ key: SIPTransactionKey,
        _ retained: inout Int,
        _ event: (inout Machine) -> [SIPTransactionAction]
    ) -> [SIPTransactionAction]? {
        guard let index = table.index(forKey: key) else { return nil }
        let before = table.values[index].retainedByteCount
        let actions = event(&table.values[index])
        retained += table.values[index].retainedByteCount - before
        if table.values[index].isTerminated {
            table.remove(at: index)
            retained -= key.retainedByteCount
        }
        return actions
    }

    private static func insert<Machine: SIPTransactionMachine>(
        _ machine: Machine,
        _ key: SIPTransactionKey,
        into table: inout [SIPTransactionKey: Machine],
        _ retained: inout Int
    ) {
        guard !machine.isTerminated else { return }
        table[key] = machine
        retained += key.retainedByteCount + machine.retainedByteCount
    }
}
