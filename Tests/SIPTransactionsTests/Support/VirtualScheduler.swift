import NIOCore
import SIPTransactions

/// A test-only scheduler in virtual time: it performs the timer actions of one or more transactions and fires
/// the timers in deadline order (ties in the order they were started), so a whole scenario runs in microseconds.
///
/// It also checks the machines' timer contract: a `cancelTimer` names a running timer, and nothing of a
/// transaction is still scheduled when it returns `terminate`. Breaches are collected in ``violations``.
struct VirtualScheduler<Owner: Hashable> {
    /// A scheduled timer: its transaction and which timer.
    struct TimerID: Hashable, CustomStringConvertible {
        var owner: Owner
        var timer: SIPTimer
        var description: String { "\(self.owner)/\(self.timer)" }
    }

    /// One performed action, with when and for whom.
    struct Record {
        var time: Duration
        var owner: Owner
        var action: SIPTransactionAction
    }

    private struct Entry {
        var deadline: Duration
        var sequence: Int
    }

    private(set) var now: Duration = .zero
    private var timers: [TimerID: Entry] = [:]
    private var sequence = 0
    private(set) var log: [Record] = []
    private(set) var violations: [String] = []

    /// The timers still scheduled.
    var pending: Set<TimerID> { Set(self.timers.keys) }

    /// Performs `actions` of transaction `owner` at the current time.
    mutating func perform(_ actions: [SIPTransactionAction], for owner: Owner) {
        for action in actions {
            self.log.append(Record(time: self.now, owner: owner, action: action))
            switch action {
            case .startTimer(let timer, let duration):
                self.sequence += 1
                self.timers[TimerID(owner: owner, timer: timer)] = Entry(
                    deadline: self.now + duration,
                    sequence: self.sequence
                )
            case .cancelTimer(let timer):
                if self.timers.removeValue(forKey: TimerID(owner: owner, timer: timer)) == nil {
                    self.violations.append("\(self.now): cancelled \(timer) of \(owner), which was not running")
                }
            case .terminate:
                let left = self.timers.keys.filter { $0.owner == owner }
                if !left.isEmpty { self.violations.append("\(self.now): \(owner) terminated with \(left) running") }
            case .send, .deliverToTU, .timeout, .transportError, .ignore:
                break
            }
        }
    }

    /// Fires every timer due up to `limit` in order, performing what `fire` returns for it, then moves the
    /// clock to `limit`.
    mutating func run(until limit: Duration, fire: (TimerID) -> [SIPTransactionAction]) {
        while let (id, entry) = self.timers.min(by: {
            ($0.value.deadline, $0.value.sequence) < ($1.value.deadline, $1.value.sequence)
        }),
            entry.deadline <= limit
        {
            self.timers[id] = nil
            self.now = entry.deadline
            self.perform(fire(id), for: id.owner)
        }
        self.now = max(self.now, limit)
    }

    /// When each `send` of `owner` happened.
    func sendTimes(of owner: Owner) -> [Duration] {
        self.log.compactMap { record in
            guard record.owner == owner, case .send = record.action else { return nil }
            return record.time
        }
    }

    /// The actions of `owner` performed at or after `time`.
    func actions(of owner: Owner, since time: Duration) -> [SIPTransactionAction] {
        self.log.filter { $0.owner == owner && $0.time >= time }.map(\.action)
    }
}

/// The owner of the only transaction in a single-machine scenario.
enum Solo: Hashable, CustomStringConvertible {
    case machine
    var description: String { "machine" }
}

extension VirtualScheduler where Owner == Solo {
    /// Performs the actions of the only transaction.
    mutating func perform(_ actions: [SIPTransactionAction]) {
        self.perform(actions, for: .machine)
    }

    /// Runs the only transaction's timers up to `limit`.
    mutating func run(until limit: Duration, fire: (SIPTimer) -> [SIPTransactionAction]) {
        self.run(until: limit) { (id: TimerID) in fire(id.timer) }
    }

    /// When the only transaction sent something.
    var sendTimes: [Duration] { self.sendTimes(of: .machine) }

    /// The timers of the only transaction still scheduled.
    var pendingTimers: Set<SIPTimer> { Set(self.pending.map(\.timer)) }
}
