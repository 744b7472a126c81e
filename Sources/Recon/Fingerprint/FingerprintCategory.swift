/// What kind of software a fingerprint names.
public enum FingerprintCategory: String, Hashable, Sendable, CaseIterable {
    /// A scanner or attack tool run against SIP services (sipvicious, nmap scripts, sippts, ...).
    case scanner
    /// A test or diagnostic tool (SIPp, sipsak).
    case tool
    /// A software phone (Linphone, baresip, MicroSIP, Zoiper).
    case softphone
    /// A desk phone or adapter (Yealink, Grandstream, Cisco).
    case hardphone
    /// A PBX, proxy or gateway (Asterisk, FreeSWITCH, Kamailio, Cisco gateways).
    case server
}
