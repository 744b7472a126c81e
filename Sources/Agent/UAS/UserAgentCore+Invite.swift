import NIOCore
import SDP
import SIPCore
import SIPTransactions
import SIPTransport

extension UserAgentCore {
    /// An INVITE outside any dialog: a new call, handed to a new controller.
    mutating func receivedInitialInvite(_ context: RequestContext) -> [UserAgentAction] {
        let request = context.request
        guard self.dialogs.count < self.configuration.maximumDialogs else {
            return [.respond(context.key, self.response(context, status: 486))]
        }
        var offer = SDPOfferState.none
        if request.bodyRange.count > 0 {
            guard let parsed = try? SDPParser.parse(request.body),
                Self.answer(to: parsed, persona: context.persona, port: 0, arrival: context.arrival).acceptedAudioMedia
                    != nil
            else {
                return [.respond(context.key, self.response(context, status: 488))]
            }
            _ = parsed
            offer = .acceptable
        }
        let localTag = context.persona.makeTag(using: &self.rng)
        let id = DialogID(callID: request.callID ?? "", localTag: localTag, remoteTag: request.from?.tag ?? "")
        var call = IncomingCall(
            callID: id.callID,
            from: request.from?.uriText ?? "",
            to: request.to?.uriText ?? "",
            calledUser: request.requestURI?.user,
            userAgent: request.userAgent,
            hasAcceptableOffer: offer == .acceptable
        )
        call.hasCredentials =
            !request.authorization.isEmpty
            || request.headerFields.contains {
                $0.name == .proxyAuthorization
            }
        let remoteTarget = request.contacts.first?.uriText ?? request.from?.uriText ?? ""
        let toValue = request.firstValue(.to) ?? ""
        var dialog = Dialog(
            id: id,
            inviteKey: context.key,
            phase: .early(invite: context.key),
            persona: context.persona,
            invite: request,
            firstVia: context.firstVia,
            peer: context.arrival.replyTarget,
            local: context.arrival,
            remoteTarget: remoteTarget,
            routeSet: request.recordRoutes.map { "<\($0.uriText)>" },
            localAddress: toValue + ";tag=" + localTag,
            remoteAddress: request.firstValue(.from) ?? "",
            localCSeq: UInt32.random(in: 1...9_999, using: &self.rng),
            remoteCSeq: request.cseq?.sequence ?? 0,
            controller: self.configuration.controllerFactory(call),
            sdpSessionID: self.rng.next() >> 12,
            sdpVersion: 0,
            rtpPort: self.takeRTPPort(),
            offer: offer
        )
        let commands = dialog.controller.start(call)
        self.dialogs[id] = dialog
        self.dialogByInvite[context.key] = id
        var actions: [UserAgentAction] = [.callEvent(id, "incoming")]
        if context.persona.sendsTrying {
            actions.append(.respond(context.key, self.response(context, status: 100)))
        }
        actions += self.run(commands, dialog: id)
        return actions
    }

    /// The SDP answer (or offer) of the honeypot for a dialog.
    mutating func sessionBody(for dialog: Dialog) -> ByteBuffer {
        self.sessionDescription(for: dialog).serializedBuffer()
    }

    /// What the media engine needs for the dialog's call: the port of the honeypot's SDP, the caller's RTP
    /// address from the offer (when there was one), the codec and telephone-event payload types of the answer.
    func mediaSetup(for dialog: Dialog, answer: SDPSessionDescription) -> MediaSetup {
        var setup = MediaSetup(localPort: dialog.rtpPort, localAddress: dialog.local.local.ipAddress)
        let audio = answer.media.first { $0.media == "audio" && $0.port != 0 }
        if let audio {
            setup.payloadType = audio.payloadTypes.first { $0 == 0 || $0 == 8 } ?? 0
            setup.telephoneEventPayloadType =
                audio.rtpMaps.first { $0.encodingName.lowercased() == "telephone-event" }?.payloadType
        }
        if dialog.offer == .acceptable, let offer = try? SDPParser.parse(dialog.invite.body),
            let offered = offer.media.first(where: { $0.media == "audio" && $0.port != 0 })
        {
            setup.remotePort = Int(offered.port)
            setup.remoteAddress = (offered.connections.first ?? offer.connection)?.address
        }
        return setup
    }

    /// The SDP answer (or offer) of the honeypot for a dialog, as a description.
    mutating func sessionDescription(for dialog: Dialog) -> SDPSessionDescription {
        let description: SDPSessionDescription
        let origin = SDPOrigin(
            username: self.originUser(dialog.persona, dialog.invite.requestURI?.user),
            sessionID: dialog.sdpSessionID,
            sessionVersion: dialog.sdpVersion,
            unicastAddress: dialog.local.local.ipAddress ?? "127.0.0.1"
        )
        if dialog.offer == .acceptable, let offer = try? SDPParser.parse(dialog.invite.body) {
            description = SDPSessionDescription.answer(
                to: offer,
                origin: origin,
                sessionName: dialog.persona.sdpSessionName,
                connectionAddress: dialog.local.local.ipAddress ?? "127.0.0.1",
                port: dialog.rtpPort
            )
        } else {
            description = SDPSessionDescription.audioAnswer(
                origin: origin,
                sessionName: dialog.persona.sdpSessionName,
                connectionAddress: dialog.local.local.ipAddress ?? "127.0.0.1",
                port: dialog.rtpPort
            )
        }
        return description
    }

    static func answer(
        to offer: SDPSessionDescription,
        persona: Persona,
        port: UInt16,
        arrival: SIPArrival
    ) -> SDPSessionDescription {
        SDPSessionDescription.answer(
            to: offer,
            origin: SDPOrigin(sessionID: 1, sessionVersion: 1, unicastAddress: arrival.local.ipAddress ?? "127.0.0.1"),
            connectionAddress: arrival.local.ipAddress ?? "127.0.0.1",
            port: port == 0 ? 1 : port
        )
    }

    /// A response to the dialog's INVITE.
    mutating func inviteResponse(
        _ dialog: Dialog,
        key: SIPTransactionKey,
        status: Int,
        reason: String? = nil,
        extra: [SIPMessageBuilder.Header] = [],
        body: ByteBuffer = ByteBuffer()
    ) -> SIPMessageBuilder {
        let context = RequestContext(
            request: dialog.invite,
            key: key,
            arrival: dialog.local,
            persona: dialog.persona,
            firstVia: dialog.firstVia
        )
        return self.response(
            context,
            status: status,
            reason: reason,
            toTag: dialog.id.localTag,
            extra: extra,
            body: body
        )
    }

    /// Performs a controller's commands for dialog `id`.
    mutating func run(_ commands: [CallCommand], dialog id: DialogID) -> [UserAgentAction] {
        var actions: [UserAgentAction] = []
        for command in commands {
            guard var dialog = self.dialogs[id] else { break }
            switch command {
            case .ring:
                guard case .early(let key) = dialog.phase, !dialog.rung else { continue }
                dialog.rung = true
                self.dialogs[id] = dialog
                let contact = self.contact(user: dialog.invite.requestURI?.user, arrival: dialog.local)
                actions.append(
                    .respond(
                        key,
                        self.inviteResponse(dialog, key: key, status: 180, extra: [.init("Contact", contact)])
                    )
                )
                actions.append(.callEvent(id, "ringing"))
            case .answer:
                guard case .early(let key) = dialog.phase else { continue }
                let description = self.sessionDescription(for: dialog)
                let body = description.serializedBuffer()
                let setup = self.mediaSetup(for: dialog, answer: description)
                dialog.telephoneEvent = setup.telephoneEventPayloadType
                actions.append(.mediaStart(id, setup))
                let persona = dialog.persona
                var extra: [SIPMessageBuilder.Header] = [
                    .init("Contact", self.contact(user: dialog.invite.requestURI?.user, arrival: dialog.local)),
                    .init("Allow", persona.allow),
                ]
                if let supported = persona.supported { extra.append(.init("Supported", supported)) }
                let ok = self.inviteResponse(dialog, key: key, status: 200, extra: extra, body: body)
                dialog.phase = .confirmed
                dialog.awaitingACK = .init(
                    invite: key,
                    cseq: dialog.remoteCSeq,
                    response: ok.serialized(),
                    interval: self.configuration.t1
                )
                self.dialogs[id] = dialog
                actions.append(.respond(key, ok))
                if !dialog.local.transport.isReliable {
                    actions.append(.startTimer(.retransmit2xx(id), after: self.configuration.t1))
                }
                actions.append(.startTimer(.ackTimeout(id), after: self.configuration.t1 * 64))
                actions.append(.callEvent(id, "answered"))
            case .reject(let status, let reason):
                guard case .early(let key) = dialog.phase, (400...699).contains(status) else { continue }
                actions.append(.respond(key, self.inviteResponse(dialog, key: key, status: status, reason: reason)))
                actions += self.end(id, event: "rejected \(status)")
            case .redirect(let contact):
                guard case .early(let key) = dialog.phase, let uri = SIPURI(contact) else { continue }
                actions.append(
                    .respond(
                        key,
                        self.inviteResponse(dialog, key: key, status: 302, extra: [.init("Contact", "<\(uri.raw)>")])
                    )
                )
                actions += self.end(id, event: "redirected")
            case .hangUp:
                switch dialog.phase {
                case .early(let key):
                    actions.append(.respond(key, self.inviteResponse(dialog, key: key, status: 480)))
                    actions += self.end(id, event: "abandoned")
                case .confirmed where dialog.awaitingACK != nil:
                    dialog.hangUpAfterACK = true
                    self.dialogs[id] = dialog
                    actions += self.cancelControllerTimers(id)
                case .confirmed:
                    actions += self.sendBye(id)
                case .terminating:
                    continue
                }
            case .startTimer(let name, let after):
                dialog.controllerTimers.insert(name)
                self.dialogs[id] = dialog
                actions.append(.startTimer(.controller(id, name), after: after))
            case .cancelTimer(let name):
                guard dialog.controllerTimers.remove(name) != nil else { continue }
                self.dialogs[id] = dialog
                actions.append(.cancelTimer(.controller(id, name)))
            case .challenge(let realm):
                guard case .early(let key) = dialog.phase else { continue }
                if dialog.invite.authorization.isEmpty
                    && !dialog.invite.headerFields.contains(where: { $0.name == .proxyAuthorization })
                {
                    let nonce = IdentifierFormat.hex(32).generate(using: &self.rng)
                    let quoted = String(realm.filter { $0 != "\"" && $0 != "\\" && !$0.isNewline }.prefix(64))
                    let challenge = "Digest realm=\"\(quoted)\",nonce=\"\(nonce)\",algorithm=MD5,qop=\"auth\""
                    actions.append(
                        .respond(
                            key,
                            self.inviteResponse(
                                dialog,
                                key: key,
                                status: 401,
                                extra: [.init("WWW-Authenticate", challenge)]
                            )
                        )
                    )
                    actions += self.end(id, event: "challenged")
                } else {
                    actions.append(.respond(key, self.inviteResponse(dialog, key: key, status: 403)))
                    actions += self.end(id, event: "credentials refused")
                }
            case .media(.sendDTMF(let digits)) where dialog.telephoneEvent == nil:
                // No telephone-event in the answer: DTMF by SIP INFO (application/dtmf-relay), one per digit.
                guard case .confirmed = dialog.phase else { continue }
                for digit in digits.prefix(32) where "0123456789*#ABCD".contains(digit) {
                    let body = "Signal=\(digit)\r\nDuration=160\r\n"
                    actions += self.sendInDialog(id, method: .info, contentType: "application/dtmf-relay", body: body)
                }
            case .media(let media):
                actions.append(.media(id, media, rtpPort: dialog.rtpPort))
            case .note(let text):
                actions.append(.callEvent(id, text))
            }
        }
        return actions
    }

    /// Removes a dialog and cancels all its timers.
    mutating func end(_ id: DialogID, event: String) -> [UserAgentAction] {
        guard let dialog = self.dialogs.removeValue(forKey: id) else { return [] }
        self.dialogByInvite[dialog.inviteKey] = nil
        var actions: [UserAgentAction] = dialog.controllerTimers.map { .cancelTimer(.controller(id, $0)) }
        actions.append(.cancelTimer(.retransmit2xx(id)))
        actions.append(.cancelTimer(.ackTimeout(id)))
        if case .early = dialog.phase {} else { actions.append(.mediaStop(id)) }
        actions.append(.callEvent(id, event))
        return actions
    }
}
