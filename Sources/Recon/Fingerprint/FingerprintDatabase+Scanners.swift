extension FingerprintDatabase {
    /// Every built-in signature: scanners, tools, then endpoints and servers.
    public static let builtin: [FingerprintSignature] = scanners + tools + endpoints

    /// Rules shared by svmap, svwar and svcrack (sipvicious 0.3.x `svhelper.makeRequest`), learnt from
    /// the lab captures: fixed header order, `z9hG4bK-` + decimal branch, `branch;rport`, a From tag that
    /// is hex-encoded ASCII, `Accept: application/sdp`, Max-Forwards 70.
    static let sipviciousCommon: [ShapeRule] = [
        ShapeRule(
            .headerOrderPrefix([
                "via", "max-forwards", "to", "from", "user-agent", "call-id", "contact", "cseq", "accept",
                "content-length",
            ]),
            weight: 4,
            feature: "header-order"
        ),
        ShapeRule(.branch(TokenPattern(prefix: "z9hG4bK-", .digits, length: 6...10)), weight: 3, feature: "branch"),
        ShapeRule(.viaParameters(["branch", "rport"]), weight: 1, feature: "via-parameters"),
        ShapeRule(.fromTag(TokenPattern(.lowerHex, length: 8...80, hostSuffix: false)), weight: 2, feature: "from-tag"),
        ShapeRule(.value("accept", equals: "application/sdp"), weight: 1, feature: "accept"),
        ShapeRule(.maxForwards(70), weight: 1, feature: "max-forwards"),
        ShapeRule(.rawHeaderName("Call-ID"), weight: 1, feature: "header-casing"),
    ]

    /// nmap's `sip.lua` session shape (sip-methods, sip-enum-users, sip-brute), from `nmap-sip.pcap`.
    static let nmapCommon: [ShapeRule] = [
        ShapeRule(
            .headerOrderPrefix(["via", "max-forwards", "from", "to", "call-id", "cseq", "user-agent", "contact"]),
            weight: 3,
            feature: "header-order"
        ),
        ShapeRule(.viaParameters(["rport", "branch"]), weight: 2, feature: "via-parameters"),
        ShapeRule(
            .branch(TokenPattern(prefix: "z9hG4bK", .alphanumeric.union(CharacterClass("_")), length: 20...30)),
            weight: 2,
            feature: "branch"
        ),
        ShapeRule(.fromTag(TokenPattern(.letters, length: 20...20)), weight: 2, feature: "from-tag"),
        ShapeRule(
            .callID(TokenPattern(.alphanumeric.union(CharacterClass("_")), length: 50...70, hostSuffix: false)),
            weight: 2,
            feature: "call-id"
        ),
        ShapeRule(.cseqNumber(1234), weight: 2, feature: "cseq"),
        ShapeRule(.fromDisplayName("Nmap NSE"), weight: 2, feature: "from-display-name"),
        ShapeRule(.fromUser("user"), weight: 1, feature: "default-uri"),
        ShapeRule(.spacesAfterColon("content-length", 2), weight: 2, feature: "content-length-spacing"),
        ShapeRule(.valueContains("allow", "INVITE ,ACK"), weight: 2, feature: "allow"),
    ]

    static let scanners: [FingerprintSignature] = [
        FingerprintSignature(
            "sipvicious-svmap",
            name: "SIPVicious svmap",
            category: .scanner,
            agents: ["friendly-scanner", "sipvicious"],
            rules: sipviciousCommon + [
                ShapeRule(.method("OPTIONS"), weight: 1, feature: "method"),
                ShapeRule(.toDisplayName("sipvicious"), weight: 3, feature: "to-display-name"),
                ShapeRule(.fromURI("100@1.1.1.1"), weight: 3, feature: "default-uri"),
                ShapeRule(
                    .callID(TokenPattern(.digits, length: 18...32, hostSuffix: false)),
                    weight: 2,
                    feature: "call-id"
                ),
            ]
        ),
        FingerprintSignature(
            "sipvicious-svwar",
            name: "SIPVicious svwar",
            category: .scanner,
            agents: ["friendly-scanner", "sipvicious"],
            rules: sipviciousCommon + [
                ShapeRule(.method("REGISTER"), weight: 1, feature: "method"),
                ShapeRule(
                    .callID(TokenPattern(.digits, length: 6...10, hostSuffix: false)),
                    weight: 2,
                    feature: "call-id"
                ),
                ShapeRule(.contactWithoutPort, weight: 2, feature: "contact"),
                ShapeRule(.absent("authorization"), weight: 1, feature: "no-authorization"),
            ]
        ),
        FingerprintSignature(
            "sipvicious-svcrack",
            name: "SIPVicious svcrack",
            category: .scanner,
            agents: ["friendly-scanner", "sipvicious"],
            rules: sipviciousCommon + [
                ShapeRule(.method("REGISTER"), weight: 1, feature: "method"),
                ShapeRule(.contactURI("123@1.1.1.1"), weight: 5, feature: "default-uri"),
                ShapeRule(
                    .callID(TokenPattern(.digits, length: 6...10, hostSuffix: false)),
                    weight: 1,
                    feature: "call-id"
                ),
            ]
        ),
        FingerprintSignature(
            "nmap-sip-methods",
            name: "nmap sip-methods",
            category: .scanner,
            agents: ["nmap nse"],
            rules: nmapCommon + [ShapeRule(.method("OPTIONS"), weight: 3, feature: "method")]
        ),
        FingerprintSignature(
            "nmap-sip-enum-users",
            name: "nmap sip-enum-users",
            category: .scanner,
            agents: ["nmap nse"],
            rules: nmapCommon + [
                ShapeRule(.method("REGISTER"), weight: 2, feature: "method"),
                ShapeRule(.absent("authorization"), weight: 1, feature: "no-authorization"),
            ]
        ),
        FingerprintSignature(
            "nmap-sip-brute",
            name: "nmap sip-brute",
            category: .scanner,
            agents: ["nmap nse"],
            rules: nmapCommon + [
                ShapeRule(.method("REGISTER"), weight: 1, feature: "method"),
                ShapeRule(.present("authorization"), weight: 2, feature: "authorization"),
            ]
        ),
        FingerprintSignature(
            "sippts",
            name: "SIPPTS",
            category: .scanner,
            agents: ["pplsip", "sippts"],
            rules: [
                ShapeRule(.fromUser("100"), weight: 1, feature: "default-uri"),
                ShapeRule(.maxForwards(70), weight: 1, feature: "max-forwards"),
            ]
        ),
        FingerprintSignature(
            "friendly-scanners",
            name: "Known scanner User-Agent",
            category: .scanner,
            agents: [
                "sipcli", "vaxsipuseragent", "sundayddr", "iwar", "sip-scan", "sipscan", "^smap", "voiper",
                "sipsploit", "^siparmyknife", "^exploit",
            ]
        ),
    ]
}
