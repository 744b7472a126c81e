public import NIOCore
public import SIPCore
public import SIPTransactions
public import SIPTransport

extension UserAgentCore {
    /// The dialog a request with a To tag belongs to (§12.2.2), if any.
    func dialogID(of request: SIPMessage) -> DialogID? {
        guard let callID = request.callID, let localTag = request.to?.tag else { return nil }
        let id = DialogID(callID: callID, localTag: localTag, remoteTag: request.from?.tag ?? "")
        return self.dialogs[id] == nil ? nil : id
    }

    /// A request with a To tag: in a dialog of ours, or 481 (§12.2.2).
    mutating func receivedInDialog(_ context: RequestContext) -> [UserAgentAction] {
        let request = context.request
        guard let id = self.dialogID(of: request), var dialog = self.dialogs[id] else {
            return [.respond(context.key, self.response(context, status: 481))]
        }
        let context = RequestContext(
            request: request,
            key: context.key,
            arrival: context.arrival,
            persona: dialog.persona,
            firstVia: context.firstVia
        )
        let cseq = request.cseq?.sequence ?? 0
        // §12.2.2: a CSeq lower than the last one is out of order: 500.
        if cseq < dialog.remoteCSeq {
            return [
                .respond(
                    context.key,
                    self.response(context, status: 500, reason: "Server Internal Error - CSeq out of order")
                )
            ]
        }
        dialog.remoteCSeq = cseq
        self.dialogs[id] = dialog
        switch request.method ?? .options {
        case .bye:
            var actions: [UserAgentAction] = [.respond(context.key, self.response(context, status: 200))]
            if case .early(let key) = dialog.phase {
                actions.append(.respond(key, self.inviteResponse(dialog, key: key, status: 487)))
            }
            _ = self.controllerHandle(.remoteHangUp, dialog: id)
            actions += self.end(id, event: "remote hang-up")
            return actions
        case .invite:
            guard case .confirmed = dialog.phase, dialog.pendingReinvite == nil, dialog.awaitingACK == nil else {
                return [.respond(context.key, self.response(context, status: 491))]
            }
            dialog.sdpVersion += 1
            self.dialogs[id] = dialog
            let body = self.sessionBody(for: dialog)
            let ok = self.response(
                context,
                status: 200,
                extra: [.init("Contact", self.contact(user: dialog.invite.requestURI?.user, arrival: dialog.local))],
                body: body
            )
            dialog.awaitingACK = .init(
                invite: context.key,
                cseq: cseq,
                response: ok.serialized(),
                interval: self.configuration.t1
            )
            self.dialogs[id] = dialog
            var actions: [UserAgentAction] = [.respond(context.key, ok)]
            if !dialog.local.transport.isReliable {
                actions.append(.startTimer(.retransmit2xx(id), after: self.configuration.t1))
            }
            actions.append(.startTimer(.ackTimeout(id), after: self.configuration.t1 * 64))
            actions.append(.callEvent(id, "re-INVITE"))
            actions += self.run(self.controllerHandle(.reinvited, dialog: id), dialog: id)
            return actions
        case .options:
            return [.respond(context.key, self.optionsAnswer(context))]
        case .info, .update, .message, .notify:
            var actions: [UserAgentAction] = [.respond(context.key, self.response(context, status: 200))]
            let event: CallEvent =
                request.method == .info
                ? Self.infoDigit(request).map(CallEvent.dtmf) ?? .request("INFO")
                : .request(request.method?.rawValue ?? "INFO")
            actions += self.run(self.controllerHandle(event, dialog: id), dialog: id)
            return actions
        default:
            return [
                .respond(
                    context.key,
                    self.response(context, status: 405, extra: [.init("Allow", dialog.persona.allow)])
                )
            ]
        }
    }

    /// An ACK for a 2xx (the transaction layer hands these to the TU, §17.2.3 / RFC 6026).
    public mutating func receivedACK(_ ack: SIPMessage) -> [UserAgentAction] {
        guard let id = self.dialogID(of: ack), var dialog = self.dialogs[id],
            let awaiting = dialog.awaitingACK, ack.cseq?.sequence == awaiting.cseq
        else { return [] }
        dialog.awaitingACK = nil
        self.dialogs[id] = dialog
        var actions: [UserAgentAction] = [.cancelTimer(.retransmit2xx(id)), .cancelTimer(.ackTimeout(id))]
        if dialog.hangUpAfterACK {
            actions += self.sendBye(id)
            return actions
        }
        if awaiting.invite == dialog.inviteKey {
            actions.append(.callEvent(id, "established"))
            actions += self.run(self.controllerHandle(.established, dialog: id), dialog: id)
        }
        return actions
    }

    /// A CANCEL (server transaction `key`) for the INVITE transaction `matching` (§9.2).
    public mutating func receivedCancel(
        _ cancel: SIPMessage,
        key: SIPTransactionKey,
        matching: SIPTransactionKey?,
        arrival: SIPArrival,
        inviteStillProceeding: Bool
    ) -> [UserAgentAction] {
        let persona = self.persona(for: cancel)
        let routing = ResponseRouting.route(cancel, arrival: arrival)
        let context = RequestContext(
            request: cancel,
            key: key,
            arrival: arrival,
            persona: persona,
            firstVia: routing.firstVia
        )
        guard let matching else {
            return [.respond(key, self.response(context, status: 481))]
        }
        let id = self.dialogByInvite[matching]
        let tag = id?.localTag
        var actions: [UserAgentAction] = [.respond(key, self.response(context, status: 200, toTag: tag))]
        if let id, let dialog = self.dialogs[id], case .early(let inviteKey) = dialog.phase, inviteStillProceeding {
            actions.append(.respond(inviteKey, self.inviteResponse(dialog, key: inviteKey, status: 487)))
            _ = self.controllerHandle(.cancelled, dialog: id)
            actions += self.end(id, event: "cancelled")
        }
        return actions
    }

    /// A UA timer fired.
    public mutating func timerFired(_ timer: UserAgentTimer) -> [UserAgentAction] {
        switch timer {
        case .controller(let id, let name):
            guard var dialog = self.dialogs[id], dialog.controllerTimers.remove(name) != nil else { return [] }
            self.dialogs[id] = dialog
            return self.run(self.controllerHandle(.timer(name), dialog: id), dialog: id)
        case .retransmit2xx(let id):
            guard var dialog = self.dialogs[id], var awaiting = dialog.awaitingACK else { return [] }
            awaiting.interval = min(awaiting.interval * 2, self.configuration.t2)
            dialog.awaitingACK = awaiting
            self.dialogs[id] = dialog
            return [
                .retransmit(awaiting.invite, awaiting.response, status: 200),
                .startTimer(.retransmit2xx(id), after: awaiting.interval),
            ]
        case .ackTimeout(let id):
            guard var dialog = self.dialogs[id], dialog.awaitingACK != nil else { return [] }
            dialog.awaitingACK = nil
            self.dialogs[id] = dialog
            var actions: [UserAgentAction] = [.cancelTimer(.retransmit2xx(id)), .callEvent(id, "no ACK")]
            _ = self.controllerHandle(.ackTimeout, dialog: id)
            actions += self.sendBye(id)
            return actions
        }
    }

    /// Sends BYE in dialog `id` (§15.1.1) and marks it terminating.
    mutating func sendBye(_ id: DialogID) -> [UserAgentAction] {
        guard var dialog = self.dialogs[id] else { return [] }
        dialog.phase = .terminating
        self.dialogs[id] = dialog
        var actions = self.cancelControllerTimers(id)
        actions += self.sendInDialog(id, method: .bye)
        actions.append(.callEvent(id, "hang-up"))
        return actions
    }

    /// A request of the honeypot inside dialog `id` (BYE, INFO), with the next local CSeq and the route set.
    mutating func sendInDialog(
        _ id: DialogID,
        method: SIPMethod,
        contentType: String? = nil,
        body: String = ""
    ) -> [UserAgentAction] {
        guard var dialog = self.dialogs[id] else { return [] }
        dialog.localCSeq &+= 1
        self.dialogs[id] = dialog
        let persona = dialog.persona
        let local = dialog.local.local
        let host = local.ipAddress ?? "127.0.0.1"
        let sentBy = (host.contains(":") ? "[\(host)]" : host) + ":\(local.port ?? dialog.local.transport.defaultPort)"
        var headers: [SIPMessageBuilder.Header] = [
            .init(
                "Via",
                "SIP/2.0/\(dialog.local.transport.viaToken) \(sentBy);branch=\(persona.makeBranch(using: &self.rng));rport"
            ),
            .init("Max-Forwards", String(persona.maxForwards)),
            .init("From", dialog.localAddress),
            .init("To", dialog.remoteAddress),
            .init("Call-ID", id.callID),
            .init("CSeq", "\(dialog.localCSeq) \(method.rawValue)"),
        ]
        for route in dialog.routeSet { headers.append(.init("Route", route)) }
        headers.append(.init("User-Agent", persona.userAgent))
        if let contentType { headers.append(.init("Content-Type", contentType)) }
        let uri = dialog.remoteTarget.isEmpty ? "sip:\(dialog.peer.remote.ipAddress ?? host)" : dialog.remoteTarget
        var request = persona.compose(.request(method: method, uri: uri), headers: headers, shape: .request)
        if !body.isEmpty { request.body = ByteBuffer(string: body) }
        return [.sendRequest(request, to: dialog.peer)]
    }

    /// A response to a request the UA core sent (a BYE), or its failure: the dialog ends.
    public mutating func clientTransactionEnded(
        callID: String,
        localTag: String,
        remoteTag: String
    ) -> [UserAgentAction] {
        self.end(DialogID(callID: callID, localTag: localTag, remoteTag: remoteTag), event: "ended")
    }

    mutating func cancelControllerTimers(_ id: DialogID) -> [UserAgentAction] {
        guard var dialog = self.dialogs[id] else { return [] }
        let timers = dialog.controllerTimers
        dialog.controllerTimers = []
        self.dialogs[id] = dialog
        return timers.map { .cancelTimer(.controller(id, $0)) }
    }
}

extension UserAgentCore {
    /// Gives `event` to the controller of dialog `id` and returns its commands.
    mutating func controllerHandle(_ event: CallEvent, dialog id: DialogID) -> [CallCommand] {
        guard var dialog = self.dialogs[id] else { return [] }
        let commands = dialog.controller.handle(event)
        self.dialogs[id] = dialog
        return commands
    }
}

extension UserAgentCore {
    /// The DTMF digit of an INFO: `application/dtmf-relay` (`Signal=5`) or `application/dtmf` (`5`).
    static func infoDigit(_ request: SIPMessage) -> Character? {
        guard let type = request.firstValue(.contentType)?.lowercased(), request.body.readableBytes <= 256 else {
            return nil
        }
        let text = String(decoding: request.body.readableBytesView, as: UTF8.self)
        var value: Substring
        if type.hasPrefix("application/dtmf-relay") {
            guard
                let line = text.split(whereSeparator: \.isNewline).first(where: {
                    $0.lowercased().hasPrefix("signal")
                }), let equals = line.firstIndex(of: "=")
            else { return nil }
            value = line[line.index(after: equals)...]
        } else if type.hasPrefix("application/dtmf") {
            value = Substring(text)
        } else {
            return nil
        }
        value = value.drop(while: { $0 == " " || $0 == "\t" })
        guard let digit = value.first, "0123456789*#ABCDabcd".contains(digit) else { return nil }
        let rest = value.dropFirst().drop(while: { $0 == " " || $0 == "\t" || $0.isNewline })
        guard rest.isEmpty else { return nil }
        return Character(digit.uppercased())
    }
}

extension UserAgentCore {
    /// ``infoDigit(_:)`` for tests.
    public static func infoDigitForTesting(_ request: SIPMessage) -> Character? { Self.infoDigit(request) }
}

extension UserAgentCore {
    /// A DTMF digit the media engine received (RFC 4733) on dialog `id`'s session.
    public mutating func receivedDigit(_ digit: Character, dialog id: DialogID) -> [UserAgentAction] {
        guard self.dialogs[id] != nil else { return [] }
        return self.run(self.controllerHandle(.dtmf(digit), dialog: id), dialog: id)
    }
}
