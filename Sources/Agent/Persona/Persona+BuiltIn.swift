extension Persona {
    /// The personas that ship with Honeyphone, by id. The source of each detail is in the module's Personas
    /// article; details no source showed are marked "estimated" there.
    public static let builtIn: [String: Persona] = {
        var result: [String: Persona] = [:]
        for (name, text) in Self.builtInTexts {
            // The texts are ours and tested; a failure here is a bug in this file.
            let document = try! AttributeDocument(parsing: text, fileName: "builtin:\(name)")
            let persona = try! Persona(document: document)
            result[persona.id] = persona
        }
        return result
    }()

    /// The persona used when settings name none.
    public static let defaultID = "linphone-android-5.2"

    /// The built-in persona files, as text (what `honeyphone personas --show ID` prints).
    public static let builtInTexts: [(String, String)] = [
        (
            "baresip-1.0.0",
            """
            persona: baresip-1.0.0
            description: baresip 1.0.0 softphone (libre), Debian 12 build
            user-agent: baresip v1.0.0 (x86_64/linux)
            server: baresip v1.0.0 (x86_64/linux)
            ua-header-on-responses: server
            allow: INVITE,ACK,BYE,CANCEL,OPTIONS,NOTIFY,SUBSCRIBE,INFO,MESSAGE,REFER
            supported: gruu
            header-order-response: Via, From, To, Call-ID, CSeq, Server, Contact, Allow, Content-Type, Content-Length
            header-order-options-200: Via, From, To, Call-ID, CSeq, Server, Allow, Supported, Contact, Content-Type, Content-Length
            header-order-request: Via, Contact, Max-Forwards, Authorization, To, From, Call-ID, CSeq, User-Agent, Allow, Content-Length
            options-sdp: yes
            sends-trying: no
            tag-format: hex16
            branch-format: hex16
            callid-format: hex16
            max-forwards: 70
            register-expires: 3600
            register-expires-in-contact: yes
            sdp-origin-user: -
            sdp-session-name: -
            reason: 200 OK
            """
        ),
        (
            "linphone-android-5.2",
            """
            persona: linphone-android-5.2
            description: Linphone Android 5.2.5 on Linphone SDK 5.3.47 (liblinphone + belle-sip)
            user-agent: LinphoneAndroid/5.2.5 (Pixel 5) LinphoneSDK/5.3.47 (tags/5.3.47^0)
            ua-header-on-responses: user-agent
            allow: INVITE, ACK, CANCEL, OPTIONS, BYE, REFER, NOTIFY, MESSAGE, SUBSCRIBE, INFO, PRACK, UPDATE
            accept: application/sdp | text/plain | application/vnd.gsma.rcs-ft-http+xml
            supported: replaces, outbound, gruu, path, record-aware
            header-order-response: Via, From, To, Call-ID, CSeq, User-Agent, Supported, Allow, Contact, Content-Type, Content-Length
            header-order-options-200: Via, From, To, Call-ID, CSeq, Content-Length
            header-order-request: Via, From, To, CSeq, Call-ID, Max-Forwards, Supported, Accept, Contact, Expires, User-Agent, Content-Length, Authorization
            tag-format: token9
            branch-prefix: .
            branch-format: token9
            callid-format: token10
            max-forwards: 70
            register-expires: 3600
            sdp-origin-user: $user
            sdp-session-name: Talk
            reason: 200 Ok
            reason: 404 Not found
            reason: 481 Call/transaction does not exist
            reason: 486 Busy here
            reason: 488 Not acceptable here
            """
        ),
        (
            "asterisk-pjsip-18",
            """
            persona: asterisk-pjsip-18
            description: Asterisk 18 chan_pjsip PBX
            user-agent: Asterisk PBX 18.20.0
            server: Asterisk PBX 18.20.0
            ua-header-on-responses: server
            allow: OPTIONS, REGISTER, SUBSCRIBE, NOTIFY, PUBLISH, INVITE, ACK, BYE, CANCEL, UPDATE, PRACK, MESSAGE, REFER
            accept: application/sdp, application/simple-message-summary, message/sipfrag;version=2.0, application/pidf+xml, application/xpidf+xml, application/dialog-info+xml
            accept-encoding: text/plain
            accept-language: en
            supported: 100rel, timer, replaces, norefersub, histinfo
            header-order-response: Via, Call-ID, From, To, CSeq, Server, Contact, Allow, Supported, Content-Type, Content-Length
            header-order-options-200: Via, Call-ID, From, To, CSeq, Accept, Allow, Supported, Accept-Encoding, Accept-Language, Server, Content-Length
            header-order-request: Via, From, To, Contact, Call-ID, CSeq, Allow, Supported, Max-Forwards, User-Agent, Authorization, Expires, Content-Type, Content-Length
            register-response: 401
            content-length-format: pjsip
            tag-format: uuid
            branch-prefix: Pj
            branch-format: uuid
            callid-format: uuid
            max-forwards: 70
            register-expires: 3600
            sdp-origin-user: -
            sdp-session-name: Asterisk
            """
        ),
        (
            "yealink-t27g-69.86",
            """
            persona: yealink-t27g-69.86
            description: Yealink SIP-T27G desk phone, firmware 69.86.0.15
            user-agent: Yealink SIP-T27G 69.86.0.15
            ua-header-on-responses: user-agent
            allow: INVITE, INFO, PRACK, ACK, BYE, CANCEL, OPTIONS, NOTIFY, REGISTER, SUBSCRIBE, REFER, PUBLISH, UPDATE, MESSAGE
            accept: application/sdp
            supported: replaces
            allow-events: talk,hold,conference,refer,check-sync
            header-order-response: Via, From, To, Call-ID, CSeq, Contact, Content-Type, Allow, Supported, User-Agent, Allow-Events, Content-Length
            header-order-options-200: Via, From, To, Call-ID, CSeq, Contact, Accept, Allow, Supported, User-Agent, Allow-Events, Content-Length
            header-order-request: Via, From, To, Call-ID, CSeq, Contact, Authorization, Allow, Max-Forwards, User-Agent, Expires, Allow-Events, Content-Length
            tag-format: digits10
            branch-format: digits10
            callid-format: digits10
            callid-host: yes
            max-forwards: 70
            register-expires: 3600
            sdp-origin-user: -
            sdp-session-name: SDP data
            """
        ),
        (
            "grandstream-ht502",
            """
            persona: grandstream-ht502
            description: Grandstream HT-502 analog telephone adapter, firmware 1.0.9.1
            user-agent: Grandstream HT-502  V2.0A 1.0.9.1  chip V2.2
            ua-header-on-responses: user-agent
            allow: INVITE, ACK, OPTIONS, CANCEL, BYE, SUBSCRIBE, NOTIFY, INFO, REFER, UPDATE
            accept: application/sdp
            supported: path
            header-order-response: Via, From, To, Call-ID, CSeq, Contact, Supported, User-Agent, Allow, Content-Type, Content-Length
            header-order-request: Via, From, To, Call-ID, CSeq, Contact, Authorization, Max-Forwards, User-Agent, Supported, Expires, Allow, Content-Length
            tag-format: digits8
            branch-format: digits10
            callid-format: digits9
            max-forwards: 70
            register-expires: 1800
            sdp-origin-user: $user
            sdp-session-name: SIP Call
            """
        ),
    ]
}
