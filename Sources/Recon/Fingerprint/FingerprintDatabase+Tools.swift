extension FingerprintDatabase {
    static let tools: [FingerprintSignature] = [
        // sipsak 0.9.8: `z9hG4bK.` + 8 hex, `branch;rport;alias`, a printf("%x") tag, Content-Length before
        // Max-Forwards and User-Agent, Call-ID `<decimal>@<host>` (kamailio-*.pcap, netns-sip-ttl.pcap).
        FingerprintSignature(
            "sipsak",
            name: "sipsak",
            category: .tool,
            agents: ["^sipsak"],
            rules: [
                ShapeRule(
                    .headerOrderPrefix(["via", "from", "to", "call-id", "cseq"]),
                    weight: 2,
                    feature: "header-order"
                ),
                ShapeRule(
                    .headerSequence(["content-length", "max-forwards", "user-agent"]),
                    weight: 2,
                    feature: "header-order"
                ),
                ShapeRule(
                    .branch(TokenPattern(prefix: "z9hG4bK.", .lowerHex, length: 8...8)),
                    weight: 3,
                    feature: "branch"
                ),
                ShapeRule(.viaParameters(["branch", "rport", "alias"]), weight: 2, feature: "via-parameters"),
                ShapeRule(.fromTag(TokenPattern(.lowerHex, length: 1...8)), weight: 1, feature: "from-tag"),
                ShapeRule(
                    .callID(TokenPattern(.digits, length: 1...10, hostSuffix: true)),
                    weight: 2,
                    feature: "call-id"
                ),
            ]
        ),
        // SIPp 3.6 built-in scenarios: `z9hG4bK-<pid>-<call>-<n>`, tag `<pid>SIPpTag<nn>`, Call-ID
        // `<call>-<pid>@<ip>`, From `sipp`, no User-Agent (sipp-*.pcap).
        FingerprintSignature(
            "sipp",
            name: "SIPp",
            category: .tool,
            agents: ["sipp"],
            rules: [
                ShapeRule(
                    .branch(TokenPattern(prefix: "z9hG4bK-", CharacterClass("0123456789-"), length: 5...24)),
                    weight: 2,
                    feature: "branch"
                ),
                ShapeRule(
                    .fromTag(TokenPattern(.alphanumeric, length: 8...24, contains: "SIPpTag")),
                    weight: 5,
                    feature: "from-tag"
                ),
                ShapeRule(
                    .callID(TokenPattern(CharacterClass("0123456789-"), length: 3...24, hostSuffix: true)),
                    weight: 2,
                    feature: "call-id"
                ),
                ShapeRule(.fromDisplayName("sipp"), weight: 1, feature: "from-display-name"),
                ShapeRule(.fromUser("sipp"), weight: 1, feature: "default-uri"),
                ShapeRule(.absent("user-agent"), weight: 1, feature: "no-user-agent"),
                ShapeRule(
                    .headerOrderPrefix(["via", "from", "to", "call-id", "cseq", "contact"]),
                    weight: 2,
                    feature: "header-order"
                ),
            ]
        ),
        FingerprintSignature(
            "sipp-answer",
            name: "SIPp (UAS)",
            category: .tool,
            direction: .responses,
            agents: ["sipp"],
            rules: [
                ShapeRule(
                    .toTag(TokenPattern(.alphanumeric, length: 8...24, contains: "SIPpTag")),
                    weight: 5,
                    feature: "to-tag"
                )
            ]
        ),
    ]
}
