import Logging
import NIOCore
import SIPCore
import SIPTransactions
import SIPTransport
import Storage

extension SIPStack {
    /// Performs a transaction's actions (house style: one `run` per kind of action list).
    func run(_ actions: [SIPTransactionAction], for key: SIPTransactionKey) {
        for action in actions {
            switch action {
            case .send(let bytes):
                guard let target = self.targets[key] else { continue }
                self.transport.send(bytes, to: target)
            case .startTimer(let timer, let after):
                self.schedule(.transaction(key, timer), after: after)
            case .cancelTimer(let timer):
                self.timers.removeValue(forKey: .transaction(key, timer))?.cancel()
            case .deliverToTU(let message):
                self.deliver(message, for: key)
            case .timeout, .transportError:
                if key.isClient { self.clientFailed(key) }
            case .terminate:
                self.targets[key] = nil
                self.arrivals[key] = nil
                self.routes[key] = nil
                self.cancels[key] = nil
                self.owners[key] = nil
                if !key.isClient { self.core.serverTransactionEnded(key) }
            case .ignore(let reason):
                if reason == .retransmission { self.statistics.retransmissionsAbsorbed += 1 }
            }
        }
    }

    /// A message the transaction layer passes up.
    private func deliver(_ message: SIPMessage, for key: SIPTransactionKey) {
        if key.isClient {
            self.clientResponse(message, for: key)
            return
        }
        guard let arrival = self.arrivals[key] else { return }
        switch message.method {
        case .ack?:
            self.runUA(self.core.receivedACK(message))
        case .cancel?:
            let matching = self.cancels[key] ?? nil
            let proceeding = matching.map { self.table.inviteServerPhase(of: $0) == .proceeding } ?? false
            self.runUA(
                self.core.receivedCancel(
                    message,
                    key: key,
                    matching: matching,
                    arrival: arrival,
                    inviteStillProceeding: proceeding
                )
            )
        default:
            let route = self.routes.removeValue(forKey: key)
            self.runUA(self.core.received(message, key: key, arrival: arrival, route: route))
        }
    }

    /// Performs the UA core's actions.
    func runUA(_ actions: [UserAgentAction]) {
        for action in actions {
            switch action {
            case .respond(let key, let builder):
                if let stateless = self.statelessRequest, stateless.key == key {
                    // Over UDP the transport reports the datagram sent before `send` returns: hand it the summary.
                    if stateless.target.transport == .udp, let request = stateless.summary {
                        self.sentSummary = Self.responseSummary(builder, answering: request)
                    }
                    self.transport.send(builder.serialized(), to: stateless.target)
                    self.sentSummary = nil
                    continue
                }
                self.run(self.table.send(response: builder, for: key), for: key)
            case .retransmit(let key, let bytes, let status):
                self.run(self.table.send(response: bytes, status: status, for: key), for: key)
            case .sendRequest(let builder, let target):
                self.startClientTransaction(builder, to: target, owner: nil)
            case .startTimer(let timer, let after):
                self.schedule(.userAgent(timer), after: after)
            case .cancelTimer(let timer):
                self.timers.removeValue(forKey: .userAgent(timer))?.cancel()
            case .callEvent(let id, let event):
                self.logger.info(
                    "call",
                    metadata: ["sip.call_id": "\(id.callID.prefix(80))", "sip.call.event": "\(event)"]
                )
            case .mediaStart(let id, let setup):
                self.mediaHandler?.start(id, setup)
            case .mediaStop(let id):
                self.mediaHandler?.stop(id)
            case .media(let id, let command, _):
                if let handler = self.mediaHandler {
                    handler.command(id, command)
                } else {
                    self.logger.info(
                        "call media (no media engine)",
                        metadata: ["sip.call_id": "\(id.callID.prefix(80))", "sip.call.media": "\(command)"]
                    )
                }
            }
        }
    }

    /// Answers a request the full table did not take, as a stateless UAS (RFC 3261 §8.2.7): the UA core answers
    /// it as usual, its responses go straight to the transport, and nothing is kept for it afterwards.
    func answerStatelessly(
        _ request: SIPMessage,
        key: SIPTransactionKey,
        arrival: SIPArrival,
        summary: TraceSummary?
    ) {
        let route = ResponseRouting.route(request, arrival: arrival)
        self.statelessRequest = (key, route.target, summary)
        self.core.answeringStatelessly = true
        self.runUA(self.core.received(request, key: key, arrival: arrival, route: route))
        self.core.answeringStatelessly = false
        self.statelessRequest = nil
    }

    /// Starts a client transaction for a request the stack built.
    func startClientTransaction(_ builder: SIPMessageBuilder, to target: SIPTarget, owner: ClientOwner?) {
        let bytes = builder.serialized()
        guard let request = try? SIPMessageParser.parse(bytes, framing: .datagram) else {
            self.logger.error("built an unparsable request")
            return
        }
        switch self.table.send(request: request, reliable: target.transport.isReliable) {
        case .started(let key, let actions):
            self.targets[key] = target
            if let owner {
                self.owners[key] = owner
            } else if request.method == .bye, let callID = request.callID, let from = request.from?.tag {
                self.owners[key] = .dialog(DialogID(callID: callID, localTag: from, remoteTag: request.to?.tag ?? ""))
            }
            self.run(actions, for: key)
        case .refused(let reason):
            self.logger.notice("client transaction refused", metadata: ["sip.reason": "\(reason)"])
            if case .registration(let aor)? = owner { self.registrationFailed(aor) }
        }
    }

    private func clientResponse(_ response: SIPMessage, for key: SIPTransactionKey) {
        guard let owner = self.owners[key], let status = response.statusCode, status >= 200 else { return }
        switch owner {
        case .dialog(let id):
            self.runUA(
                self.core.clientTransactionEnded(callID: id.callID, localTag: id.localTag, remoteTag: id.remoteTag)
            )
        case .registration(let aor):
            self.registrationResponse(response, aor: aor)
        }
    }

    private func clientFailed(_ key: SIPTransactionKey) {
        guard let owner = self.owners[key] else { return }
        switch owner {
        case .dialog(let id):
            self.runUA(
                self.core.clientTransactionEnded(callID: id.callID, localTag: id.localTag, remoteTag: id.remoteTag)
            )
        case .registration(let aor):
            self.registrationFailed(aor)
        }
    }

    /// Schedules `timer` on the loop, replacing one already scheduled under the same id.
    func schedule(_ timer: StackTimer, after: Duration) {
        let nanos = after.components.seconds * 1_000_000_000 + after.components.attoseconds / 1_000_000_000
        self.timers.removeValue(forKey: timer)?.cancel()
        let scheduled = self.eventLoop.assumeIsolatedUnsafeUnchecked().scheduleTask(in: .nanoseconds(nanos)) {
            self.timers[timer] = nil
            self.fire(timer)
        }
        self.timers[timer] = scheduled
    }

    private func fire(_ timer: StackTimer) {
        switch timer {
        case .transaction(let key, let sipTimer):
            self.run(self.table.timerFired(sipTimer, for: key), for: key)
        case .userAgent(let uaTimer):
            self.runUA(self.core.timerFired(uaTimer))
        case .registration(let aor):
            self.registrationTimerFired(aor)
        }
    }
}
