import SIPCore
import SIPTransactions

/// A transaction table driven by a ``VirtualScheduler``: what the transport layer will do, in virtual time.
/// Timers are scheduled under (transaction key, timer) and fired back through `timerFired(_:for:)`.
struct TableHarness {
    var table: SIPTransactionTable
    var clock = VirtualScheduler<SIPTransactionKey>()

    init(_ configuration: SIPTransactionTable.Configuration = .init()) {
        self.table = SIPTransactionTable(configuration: configuration)
    }

    /// Passes a message from the transport to the table and performs the actions it returns.
    mutating func receive(_ message: SIPMessage, reliable: Bool = false) -> SIPTransactionTable.Routing {
        let routing = self.table.received(message, reliable: reliable)
        switch routing {
        case .transaction(let key, let actions), .newServerTransaction(let key, let actions),
            .cancel(let key, _, let actions):
            self.clock.perform(actions, for: key)
        case .ackFor2xx, .strayACK, .strayResponse, .refused, .stateless, .unmatchable:
            break
        }
        return routing
    }

    /// The TU answers transaction `key`.
    mutating func respond(_ response: SIPMessageBuilder, for key: SIPTransactionKey) -> [SIPTransactionAction] {
        let actions = self.table.send(response: response, for: key)
        self.clock.perform(actions, for: key)
        return actions
    }

    /// Fires every timer due up to `limit`.
    mutating func run(until limit: Duration) {
        var table = self.table
        self.clock.run(until: limit) { id in table.timerFired(id.timer, for: id.owner) }
        self.table = table
    }
}
