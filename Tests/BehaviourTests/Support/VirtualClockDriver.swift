import Behaviour

/// Drives a ``BehaviourMachine`` on a virtual clock: performs its timer actions and fires due timers when time
/// is advanced, recording every action with the virtual time it was emitted at.
struct VirtualClockDriver {
    /// An action and when it happened.
    struct Entry: Hashable, CustomStringConvertible {
        var at: Duration
        var action: BehaviourAction
        var description: String { "\(self.at): \(self.action)" }
    }

    var machine: BehaviourMachine
    private(set) var now: Duration = .zero
    private(set) var log: [Entry] = []
    private var pending: [(deadline: Duration, timer: BehaviourTimer)] = []

    init(_ machine: BehaviourMachine) {
        self.machine = machine
    }

    /// Performs `actions` now and returns them.
    @discardableResult
    mutating func perform(_ actions: [BehaviourAction]) -> [BehaviourAction] {
        for action in actions {
            self.log.append(Entry(at: self.now, action: action))
            switch action {
            case .startTimer(let timer, let after):
                self.pending.append((self.now + after, timer))
            case .cancelTimer(let timer):
                self.pending.removeAll { $0.timer == timer }
            default:
                break
            }
        }
        return actions
    }

    /// Advances the clock, firing every timer due on the way in deadline order; returns the actions emitted.
    @discardableResult
    mutating func advance(by interval: Duration) -> [BehaviourAction] {
        let end = self.now + interval
        var emitted: [BehaviourAction] = []
        while true {
            let due = self.pending.enumerated().filter { $0.element.deadline <= end }
            guard let next = due.min(by: { ($0.element.deadline, $0.offset) < ($1.element.deadline, $1.offset) }) else {
                break
            }
            self.pending.remove(at: next.offset)
            self.now = next.element.deadline
            emitted += self.perform(self.machine.timerFired(next.element.timer))
        }
        self.now = end
        return emitted
    }

    /// The timers still pending.
    var pendingTimers: [BehaviourTimer] { self.pending.map(\.timer) }
}
