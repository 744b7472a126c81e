import SIPCore
import SIPTransactions

extension UserAgentCore {
    /// Why a request is refused before its method is looked at.
    struct Rejection {
        var status: Int
        var reason: String?
        var headers: [SIPMessageBuilder.Header] = []
    }

    /// The checks of RFC 3261 §8.2.1–§8.2.3, in the RFC's order, plus the honeypot's own: a message the parser
    /// found defective gets 400 with a reason naming the defect (the anomaly code, our text, never the
    /// attacker's).
    mutating func inspect(_ context: RequestContext) -> Rejection? {
        let request = context.request
        let persona = context.persona
        if let defect = request.anomalies.first(where: { $0.severity == .error }) {
            return Rejection(status: 400, reason: "Bad Request - \(defect.code.rawValue)")
        }
        // §8.2.2.1 (checked first by most stacks): the Request-URI scheme.
        switch context.uri?.scheme {
        case .sip?, .sips?, .tel?:
            break
        default:
            return Rejection(status: 416, reason: nil)
        }
        // §8.2.1: the method.
        let method = request.method ?? SIPMethod(rawValue: "")
        // A profile's registrar answers REGISTER whatever the persona's Allow list says.
        let registrar = method == .register && self.configuration.registerChallenge() != nil
        if method != .cancel && !registrar && !persona.allows(method.rawValue) {
            return Rejection(status: method.isKnown ? 405 : 501, reason: nil, headers: [.init("Allow", persona.allow)])
        }
        if let status = self.configuration.unknownUserStatus, context.toTag == nil,
            let user = context.uri?.user, self.configuration.personaByUser[user] == nil
        {
            return Rejection(status: status, reason: nil)
        }
        // §8.2.2.2: merged requests (a fork that reached us twice).
        if context.toTag == nil, let fromTag = context.fromTag, let callID = request.callID, let cseq = request.cseq {
            let merge = MergeKey(fromTag: fromTag, callID: callID, cseq: cseq.sequence, method: cseq.method.rawValue)
            if let existing = self.serving[merge], existing != context.key {
                return Rejection(status: 482, reason: nil)
            }
            if !self.answeringStatelessly {
                self.serving[merge] = context.key
                self.servingByKey[context.key] = merge
            }
        }
        // §8.2.2.3: Require.
        let unsupported = request.require.filter { !persona.supportedOptions.contains($0) }
        if !unsupported.isEmpty {
            return Rejection(
                status: 420,
                reason: nil,
                headers: [.init("Unsupported", unsupported.joined(separator: ", "))]
            )
        }
        // §8.2.3: content.
        if request.bodyRange.count > 0 {
            if let encoding = request.firstValue(named: "Content-Encoding"), encoding.lowercased() != "identity" {
                return Rejection(status: 415, reason: nil, headers: [.init("Accept-Encoding", "identity")])
            }
            if method == .invite || method == .options || method == .bye {
                let type = request.contentType.map { "\($0.type)/\($0.subtype)".lowercased() }
                if type != "application/sdp" {
                    return Rejection(status: 415, reason: nil, headers: [.init("Accept", "application/sdp")])
                }
            }
        }
        // A UA that is not the request's target answers Max-Forwards 0 with 483, except OPTIONS (§11).
        if request.maxForwards == 0 && method != .options {
            return Rejection(status: 483, reason: nil)
        }
        return nil
    }
}
