import Logging
public import NIOCore
public import SIPCore
public import SIPTransport

/// A registration machine and its schedule, owned by the stack.
struct RegistrationDriver {
    var machine: RegistrationMachine
    var nextAttempt: NIODeadline?
}

extension SIPStack {
    /// Starts registering `accounts`; each Contact uses the transport's bound address of the account's transport.
    /// Call on ``eventLoop`` after the transport started.
    public func startRegistrations(_ accounts: [RegistrationAccount]) {
        self.eventLoop.assertInEventLoop()
        for account in accounts {
            guard let local = self.transport.boundAddresses.first(where: { $0.0 == account.transport })?.1 else {
                self.logger.error(
                    "no listener for the registration's transport",
                    metadata: ["sip.aor": "\(account.aor)"]
                )
                continue
            }
            let host = Self.contactHost(local, toward: account.destination)
            let machine = RegistrationMachine(account: account, localHost: host, localPort: local.port ?? 5060)
            self.registrations[account.aor] = RegistrationDriver(machine: machine)
            self.runRegistration(account.aor) { $0.start() }
        }
    }

    /// Un-registers every registered AOR; the future completes when all answered or `timeout` passed.
    public func stopRegistrations(timeout: TimeAmount) -> EventLoopFuture<Void> {
        self.eventLoop.assertInEventLoop()
        for aor in self.registrations.keys {
            self.runRegistration(aor) { $0.stop() }
        }
        let promise = self.eventLoop.makePromise(of: Void.self)
        let deadline = NIODeadline.now() + timeout
        func poll() {
            let pending = self.registrations.values.contains { $0.machine.phase == .unregistering }
            if !pending || NIODeadline.now() >= deadline {
                promise.succeed(())
                return
            }
            self.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .milliseconds(50)) { poll() }
        }
        poll()
        return promise.futureResult
    }

    /// The state of every registration, for status.
    public func registrationStatuses() -> [RegistrationStatus] {
        let now = NIODeadline.now()
        return self.registrations.values.map { driver in
            let machine = driver.machine
            return RegistrationStatus(
                aor: machine.account.aor,
                state: machine.phase.rawValue,
                grantedExpires: machine.phase == .registered ? machine.grantedExpires : nil,
                lastStatus: machine.lastStatus,
                failures: machine.failures,
                nextAttemptIn: driver.nextAttempt.map { Double(($0 - now).nanoseconds) / 1e9 }
            )
        }.sorted { $0.aor < $1.aor }
    }

    func registrationResponse(_ response: SIPMessage, aor: String) {
        self.runRegistration(aor) { $0.received(response) }
    }

    func registrationFailed(_ aor: String) {
        self.runRegistration(aor) { $0.transactionFailed() }
    }

    func registrationTimerFired(_ aor: String) {
        self.registrations[aor]?.nextAttempt = nil
        self.runRegistration(aor) { $0.timerFired() }
    }

    private func runRegistration(_ aor: String, _ event: (inout RegistrationMachine) -> [RegistrationMachine.Action]) {
        guard var driver = self.registrations[aor] else { return }
        let actions = event(&driver.machine)
        self.registrations[aor] = driver
        let target = SIPTarget(transport: driver.machine.account.transport, remote: driver.machine.account.destination)
        for action in actions {
            switch action {
            case .send(let builder):
                self.startClientTransaction(builder, to: target, owner: .registration(aor))
            case .startTimer(let after):
                let nanos = after.components.seconds * 1_000_000_000
                self.registrations[aor]?.nextAttempt = .now() + .nanoseconds(nanos)
                self.schedule(.registration(aor), after: after)
            case .cancelTimer:
                self.registrations[aor]?.nextAttempt = nil
                self.timers.removeValue(forKey: .registration(aor))?.cancel()
            case .phaseChanged(let phase):
                let machine = self.registrations[aor]?.machine
                self.logger.info(
                    "registration",
                    metadata: [
                        "sip.aor": "\(aor)", "sip.registration.state": "\(phase.rawValue)",
                        "sip.status": "\(machine?.lastStatus.map(String.init) ?? "-")",
                        "sip.registration.expires": "\(machine?.grantedExpires.map(String.init) ?? "-")",
                    ]
                )
            }
        }
    }

    /// The host for a Contact: the bound address, or, for a wildcard bind, loopback toward a loopback
    /// registrar (a wildcard address is never a valid Contact).
    static func contactHost(_ local: SocketAddress, toward remote: SocketAddress) -> String {
        let host = local.ipAddress ?? "127.0.0.1"
        if host == "0.0.0.0" || host == "::" {
            return remote.ipAddress ?? "127.0.0.1"
        }
        return host
    }
}
