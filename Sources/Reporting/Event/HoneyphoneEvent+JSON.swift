import Storage

extension HoneyphoneEvent {
    /// SentryPeer's field names, in SentryPeer's order (its `json_logger.c`): every one is a string, `""` when the
    /// fact is missing, as SentryPeer writes them.
    public static let sentryPeerFields = [
        "app_name", "app_version", "event_timestamp", "event_uuid", "created_by_node_id", "collected_method",
        "transport_type", "source_ip", "destination_ip", "called_number", "sip_method", "sip_user_agent",
        "sip_message",
    ]

    /// The event as one line of compact JSON (no line break inside, none at the end).
    ///
    /// SentryPeer's fields come first with SentryPeer's value formats: `event_timestamp` as
    /// `YYYY-MM-DD HH:MM:SS.nnnnnnnnn` (SentryPeer writes local time; Honeyphone writes UTC, the `honeyphone_time`
    /// field says so unambiguously), `transport_type` in upper case (`UDP`, `TCP`, `TLS`), `collected_method`
    /// `responsive`. Then Honeyphone's: `honeyphone_time` (RFC 3339, microseconds, UTC), `honeyphone_time_ns`,
    /// `honeyphone_source_port`, `honeyphone_destination_port`, `honeyphone_call_id`, `honeyphone_verdict`,
    /// `honeyphone_belief` (the winner's), `honeyphone_beliefs` (an object, one number per state),
    /// `honeyphone_alert`, `honeyphone_attacks` (an array of attack types) and `honeyphone_sip_message_truncated`.
    public var json: String {
        var w = JSONText()
        w.beginObject()
        w.field("app_name", Self.appName)
        w.field("app_version", self.appVersion)
        w.field("event_timestamp", UTCTime.sentryPeer(self.timestamp.nanosecondsSinceEpoch))
        w.field("event_uuid", self.uuid)
        w.field("created_by_node_id", self.nodeID)
        w.field("collected_method", self.collectedMethod)
        w.field("transport_type", self.transport.rawValue.uppercased())
        w.field("source_ip", self.source.address)
        w.field("destination_ip", self.destination?.address ?? "")
        w.field("called_number", self.calledNumber ?? "")
        w.field("sip_method", self.method ?? "")
        w.field("sip_user_agent", self.userAgent ?? "")
        w.field("sip_message", self.sipMessage)
        w.field("honeyphone_time", UTCTime.rfc3339Microseconds(self.timestamp.nanosecondsSinceEpoch))
        w.field("honeyphone_time_ns", self.timestamp.nanosecondsSinceEpoch)
        w.field("honeyphone_source_port", Int64(self.source.port))
        w.field("honeyphone_destination_port", self.destination.map { Int64($0.port) })
        w.field("honeyphone_call_id", self.callID)
        w.field("honeyphone_verdict", self.verdict)
        w.field("honeyphone_belief", self.belief)
        w.key("honeyphone_beliefs")
        w.beginObject()
        for entry in self.beliefs {
            w.field(entry.state, entry.belief)
        }
        w.endObject()
        w.field("honeyphone_alert", self.alert)
        w.key("honeyphone_attacks")
        w.beginArray()
        for attack in self.attacks {
            w.string(attack)
        }
        w.endArray()
        w.field("honeyphone_sip_message_truncated", self.sipMessageTruncated)
        w.endObject()
        return w.output
    }
}
