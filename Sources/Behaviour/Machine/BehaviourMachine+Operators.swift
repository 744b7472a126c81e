extension BehaviourMachine {
    /// The effect of one operator (see the operator catalogue in the module documentation).
    mutating func execute(_ operation: BehaviourOperation, _ occurrence: Occurrence, _ running: inout Running) {
        switch operation.name {
        case .opRing:
            self.ring(&running)
            if let timeout = self.configuration.ringTimeout {
                self.arm("timeout", after: timeout, &running)
            }
            if let offhook = self.configuration.autoOffhookAfter {
                self.arm(PhoneEvent.offhook.rawValue, after: offhook, &running)
            }
        case .opStartRing:
            self.ring(&running)
            self.arm("ringtimeout", after: self.duration(operation.seconds(0) ?? .constant(0)), &running)
        case .opAnswerCall:
            for name in ["timeout", "ringtimeout", PhoneEvent.offhook.rawValue] {
                self.disarm(name, &running)
            }
            guard !running.answered && !running.callOver else { return }
            running.answered = true
            running.actions.append(.answer)
        case .opOnHook, .opRingCancel, .opEndCall, .opTerminateCall:
            self.endCall(&running)
        case .opReject:
            self.finalResponse(
                .reject(status: operation.integer(0) ?? 486, reason: operation.text(1)),
                operation.name,
                &running
            )
        case .opRedirect:
            guard let uri = operation.text(0) else {
                running.actions.append(.log(operator: operation.name, detail: occurrence.description))
                return
            }
            self.finalResponse(.redirect(uri: uri), operation.name, &running)
        case .opChallenge:
            self.finalResponse(.challenge(realm: operation.text(0) ?? ""), operation.name, &running)
        case .opRecord:
            guard !running.callOver && !running.recording else { return }
            running.recording = true
            running.actions.append(.record(limit: operation.seconds(0).map { self.duration($0) }))
        case .opPlayFile:
            guard !running.callOver, let file = operation.text(0) else { return }
            running.playing = true
            running.actions.append(.play(file: file, limit: operation.seconds(1).map { self.duration($0) }))
        case .opStopPlay:
            guard running.playing else { return }
            running.playing = false
            running.actions.append(.stopPlay)
        case .opStopRecord:
            guard running.recording else { return }
            running.recording = false
            running.actions.append(.stopRecord)
        case .opInvestigate:
            running.actions.append(.investigate)
        case .opSendDTMF:
            guard !running.callOver, let digits = operation.text(0) else { return }
            running.actions.append(.sendDTMF(digits))
        case .opStartTimer:
            guard let name = operation.text(0) else { return }
            self.arm(name, after: self.duration(operation.seconds(1) ?? .constant(0)), &running)
        case .opCancelTimer:
            guard let name = operation.text(0) else { return }
            self.disarm(name, &running)
        case .opHangupAfter:
            self.arm("$hangup", after: self.duration(operation.seconds(0) ?? .constant(0)), &running)
        case .opOffHookAfter:
            self.arm(PhoneEvent.offhook.rawValue, after: self.duration(operation.seconds(0) ?? .constant(0)), &running)
        case .opOnHookAfter:
            self.arm(PhoneEvent.onhook.rawValue, after: self.duration(operation.seconds(0) ?? .constant(0)), &running)
        case .opDelay:
            // Handled by runRules, which defers the rest of the rules.
            return
        case .opStarDialing, .opRingingInvite, .opCwRing, .opAddDigit, .opInviteUrl, .opStartRingBackTone,
            .opFarEndAnswered, .opFwdDigit, .opReinvite, .opStartCallWaiting:
            running.actions.append(.log(operator: operation.name, detail: occurrence.description))
        }
    }

    /// Rings once per call, before the answer and while the call lasts.
    private func ring(_ running: inout Running) {
        guard !running.rang && !running.answered && !running.callOver else { return }
        running.rang = true
        running.actions.append(.ring)
    }

    /// A final response to the pending INVITE ends the call; after the answer there is none to give, so the
    /// machine hangs up instead.
    private func finalResponse(_ action: BehaviourAction, _ name: OperatorName, _ running: inout Running) {
        guard !running.callOver else { return }
        if running.answered {
            running.actions.append(.log(operator: name, detail: "the call is answered: hanging up instead"))
            self.endCall(&running)
            return
        }
        running.actions.append(action)
        running.callOver = true
    }
}
