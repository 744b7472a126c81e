extension FingerprintDatabase {
    static let uuid = CharacterClass("0123456789abcdefABCDEF-")

    static let endpoints: [FingerprintSignature] = [
        // baresip 1.0 (kamailio-auth.pcap): 16-hex branch, tag and Call-ID; Contact before Max-Forwards.
        FingerprintSignature(
            "baresip",
            name: "baresip",
            category: .softphone,
            agents: ["baresip"],
            rules: [
                ShapeRule(
                    .branch(TokenPattern(prefix: "z9hG4bK", .lowerHex, length: 16...16)),
                    weight: 2,
                    feature: "branch"
                ),
                ShapeRule(.fromTag(TokenPattern(.lowerHex, length: 16...16)), weight: 2, feature: "from-tag"),
                ShapeRule(
                    .callID(TokenPattern(.lowerHex, length: 16...16, hostSuffix: false)),
                    weight: 2,
                    feature: "call-id"
                ),
                ShapeRule(
                    .headerSequence(["via", "contact", "max-forwards", "to", "from"]),
                    weight: 2,
                    feature: "header-order"
                ),
                ShapeRule(.valueContains("allow", "INVITE,ACK,BYE,CANCEL,OPTIONS"), weight: 1, feature: "allow"),
            ]
        ),
        FingerprintSignature(
            "baresip-answer",
            name: "baresip",
            category: .softphone,
            direction: .responses,
            agents: ["baresip"],
            rules: [
                ShapeRule(.toTag(TokenPattern(.lowerHex, length: 16...16)), weight: 3, feature: "to-tag"),
                ShapeRule(.valueContains("allow", "INVITE,ACK,BYE,CANCEL,OPTIONS"), weight: 2, feature: "allow"),
            ]
        ),
        FingerprintSignature(
            "linphone",
            name: "Linphone (belle-sip)",
            category: .softphone,
            direction: .both,
            agents: ["linphone", "belle-sip"],
            rules: [
                ShapeRule(
                    .branch(TokenPattern(prefix: "z9hG4bK.", .alphanumeric.union(CharacterClass("~")), length: 6...12)),
                    weight: 2,
                    feature: "branch"
                )
            ]
        ),
        FingerprintSignature(
            "microsip",
            name: "MicroSIP (pjsip)",
            category: .softphone,
            agents: ["microsip"],
            rules: [
                ShapeRule(
                    .branch(TokenPattern(prefix: "z9hG4bKPj", uuid, length: 8...40)),
                    weight: 3,
                    feature: "branch"
                )
            ]
        ),
        FingerprintSignature(
            "zoiper",
            name: "Zoiper",
            category: .softphone,
            agents: ["zoiper", "^z 2.", "^z 3.", "^z 5."],
            rules: [
                ShapeRule(
                    .branch(TokenPattern(prefix: "z9hG4bK-524287-1---", .lowerHex, length: 16...16)),
                    weight: 4,
                    feature: "branch"
                )
            ]
        ),
        FingerprintSignature(
            "asterisk-chan-sip",
            name: "Asterisk (chan_sip)",
            category: .server,
            direction: .responses,
            agents: ["asterisk"],
            rules: [
                ShapeRule(.toTag(TokenPattern(prefix: "as", .lowerHex, length: 8...8)), weight: 4, feature: "to-tag")
            ]
        ),
        FingerprintSignature(
            "asterisk-pjsip",
            name: "Asterisk (res_pjsip)",
            category: .server,
            direction: .responses,
            agents: ["asterisk", "fpbx-"],
            rules: [ShapeRule(.toTag(TokenPattern(uuid, length: 36...36)), weight: 3, feature: "to-tag")]
        ),
        FingerprintSignature(
            "asterisk-pbx",
            name: "Asterisk",
            category: .server,
            direction: .requests,
            agents: ["asterisk", "fpbx-"],
            rules: [
                ShapeRule(
                    .fromTag(TokenPattern(prefix: "as", .lowerHex, length: 8...8)),
                    weight: 3,
                    feature: "from-tag"
                ),
                ShapeRule(
                    .branch(TokenPattern(prefix: "z9hG4bKPj", uuid, length: 8...40)),
                    weight: 2,
                    feature: "branch"
                ),
            ]
        ),
        // FreeSWITCH (sofia-sip): 13-character alphanumeric tags, UUID Call-IDs.
        FingerprintSignature(
            "freeswitch",
            name: "FreeSWITCH",
            category: .server,
            direction: .responses,
            agents: ["freeswitch"],
            rules: [ShapeRule(.toTag(TokenPattern(.alphanumeric, length: 13...13)), weight: 3, feature: "to-tag")]
        ),
        FingerprintSignature(
            "freeswitch-uac",
            name: "FreeSWITCH",
            category: .server,
            direction: .requests,
            agents: ["freeswitch"],
            rules: [
                ShapeRule(.fromTag(TokenPattern(.alphanumeric, length: 13...13)), weight: 2, feature: "from-tag"),
                ShapeRule(
                    .callID(TokenPattern(uuid, length: 36...36, hostSuffix: false)),
                    weight: 2,
                    feature: "call-id"
                ),
            ]
        ),
        // Kamailio/OpenSER (kamailio-*.pcap): To tag `<32 hex>.<8 hex>` or `-` (sl), proxy branch `z9hG4bK<hex>.<32 hex>.<n>`.
        FingerprintSignature(
            "kamailio",
            name: "Kamailio",
            category: .server,
            direction: .responses,
            agents: ["kamailio", "openser", "sip-router"],
            rules: [
                ShapeRule(
                    .toTag(TokenPattern(.lowerHex.union(CharacterClass(".-")), length: 40...42)),
                    weight: 4,
                    feature: "to-tag"
                )
            ]
        ),
        FingerprintSignature(
            "kamailio-proxy",
            name: "Kamailio",
            category: .server,
            direction: .requests,
            agents: ["kamailio", "openser", "sip-router"],
            rules: [
                ShapeRule(
                    .branch(
                        TokenPattern(
                            prefix: "z9hG4bK",
                            .lowerHex.union(CharacterClass(".")),
                            length: 36...50,
                            contains: "."
                        )
                    ),
                    weight: 4,
                    feature: "branch"
                )
            ]
        ),
        FingerprintSignature("yealink", name: "Yealink", category: .hardphone, direction: .both, agents: ["yealink"]),
        FingerprintSignature(
            "grandstream",
            name: "Grandstream",
            category: .hardphone,
            direction: .both,
            agents: ["grandstream"]
        ),
        FingerprintSignature(
            "cisco-phone",
            name: "Cisco phone",
            category: .hardphone,
            direction: .both,
            agents: ["cisco-cp", "cisco/spa", "linksys/spa", "cisco-sipphone", "^cisco-sip"]
        ),
        FingerprintSignature(
            "cisco-gateway",
            name: "Cisco gateway",
            category: .server,
            direction: .both,
            agents: ["cisco-sipgateway", "cisco-cucm"]
        ),
    ]
}
