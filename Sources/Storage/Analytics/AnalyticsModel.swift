/// Which messages ``TraceAnalytics/messages(_:)`` returns. Every filter that is set must match.
public struct MessageFilter: Sendable, Hashable {
    /// The most messages one page holds.
    public static let maximumLimit = 500

    /// Only messages at or after this time.
    public var since: TraceTimestamp?
    /// Only messages before this time (exclusive).
    public var until: TraceTimestamp?
    /// Only messages to or from this remote address (exact).
    public var source: String?
    /// Only requests with this method (exact).
    public var method: String?
    /// Only messages with this Call-ID (exact).
    public var callID: String?
    /// Only received requests whose verdict's winner is this state.
    public var verdict: String?
    /// Only messages whose Request-URI, From or To URI contains this text (case-insensitive for ASCII).
    public var uri: String?
    /// Only messages where any of Call-ID, URIs, User-Agent or the remote address contains this text.
    public var text: String?
    /// Only messages in this direction.
    public var direction: TraceDirection?
    /// The page cursor: only messages older than this one (by time, then id), as returned in
    /// ``MessagePage/next``.
    public var before: MessageCursor?
    /// The page size, at most ``maximumLimit``.
    public var limit: Int

    /// A filter; with no arguments, the newest 50 messages.
    public init(
        since: TraceTimestamp? = nil,
        until: TraceTimestamp? = nil,
        source: String? = nil,
        method: String? = nil,
        callID: String? = nil,
        verdict: String? = nil,
        uri: String? = nil,
        text: String? = nil,
        direction: TraceDirection? = nil,
        before: MessageCursor? = nil,
        limit: Int = 50
    ) {
        self.since = since
        self.until = until
        self.source = source
        self.method = method
        self.callID = callID
        self.verdict = verdict
        self.uri = uri
        self.text = text
        self.direction = direction
        self.before = before
        self.limit = min(max(limit, 1), Self.maximumLimit)
    }
}

/// A position in the newest-first message order: a message's time and id.
public struct MessageCursor: Sendable, Hashable {
    public var time: TraceTimestamp
    public var id: Int64

    /// A cursor at the message with `id` that arrived at `time`.
    public init(time: TraceTimestamp, id: Int64) {
        self.time = time
        self.id = id
    }

    /// `TIME_NS-ID`, the form used in URLs.
    public var text: String { "\(self.time.nanosecondsSinceEpoch)-\(self.id)" }

    /// Parses ``text``; `nil` for anything else.
    public init?(text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count <= 20, parts[1].count <= 20, let time = Int64(parts[0]),
            let id = Int64(parts[1])
        else { return nil }
        self.init(time: TraceTimestamp(nanosecondsSinceEpoch: time), id: id)
    }
}

/// One message of a ``MessagePage``: the stored record without its anomalies, and its verdict's winner.
public struct MessageRow: Sendable, Hashable {
    /// The message (``TraceRecord/anomalies`` is empty here; read the record by id for them).
    public var record: TraceRecord
    /// The winning state of the message's verdict, when it has one.
    public var verdict: String?
    /// That state's belief.
    public var verdictBelief: Double?

    /// A row.
    public init(record: TraceRecord, verdict: String?, verdictBelief: Double?) {
        self.record = record
        self.verdict = verdict
        self.verdictBelief = verdictBelief
    }
}

/// A page of messages and the cursor of the next (older) page, `nil` on the last page.
public struct MessagePage: Sendable, Hashable {
    public var rows: [MessageRow]
    public var next: MessageCursor?

    /// A page.
    public init(rows: [MessageRow], next: MessageCursor?) {
        self.rows = rows
        self.next = next
    }
}

/// A call: a Call-ID whose first received request was an INVITE.
public struct CallSummary: Sendable, Hashable {
    public var callID: String
    /// The first INVITE's arrival and the last message of the Call-ID.
    public var started: TraceTimestamp
    public var lastMessage: TraceTimestamp
    /// Who sent the first INVITE.
    public var source: TraceEndpoint
    public var fromURI: String?
    public var toURI: String?
    public var requestURI: String?
    public var userAgent: String?
    /// Messages of the Call-ID in both directions.
    public var messageCount: Int
    /// The highest final status the honeypot sent for the INVITE (e.g. 200, 486), if any.
    public var finalStatus: Int?
    /// The first INVITE's verdict, when stored.
    public var verdict: String?
    public var verdictBelief: Double?

    /// A call summary.
    public init(
        callID: String,
        started: TraceTimestamp,
        lastMessage: TraceTimestamp,
        source: TraceEndpoint,
        fromURI: String?,
        toURI: String?,
        requestURI: String?,
        userAgent: String?,
        messageCount: Int,
        finalStatus: Int?,
        verdict: String?,
        verdictBelief: Double?
    ) {
        self.callID = callID
        self.started = started
        self.lastMessage = lastMessage
        self.source = source
        self.fromURI = fromURI
        self.toURI = toURI
        self.requestURI = requestURI
        self.userAgent = userAgent
        self.messageCount = messageCount
        self.finalStatus = finalStatus
        self.verdict = verdict
        self.verdictBelief = verdictBelief
    }
}

/// One remote address and what it sent.
public struct SourceSummary: Sendable, Hashable {
    public var address: String
    /// Received messages.
    public var messages: Int
    public var firstSeen: TraceTimestamp
    public var lastSeen: TraceTimestamp
    /// Distinct User-Agent texts it sent.
    public var userAgents: Int
    /// The winner of its latest verdict, with that verdict's belief.
    public var latestVerdict: String?
    public var latestBelief: Double?
    /// Its alerting verdicts.
    public var alerts: Int

    /// A source summary.
    public init(
        address: String,
        messages: Int,
        firstSeen: TraceTimestamp,
        lastSeen: TraceTimestamp,
        userAgents: Int,
        latestVerdict: String?,
        latestBelief: Double?,
        alerts: Int
    ) {
        self.address = address
        self.messages = messages
        self.firstSeen = firstSeen
        self.lastSeen = lastSeen
        self.userAgents = userAgents
        self.latestVerdict = latestVerdict
        self.latestBelief = latestBelief
        self.alerts = alerts
    }
}

/// Received messages in one time bucket, by method class.
public struct MessageBucket: Sendable, Hashable {
    /// The closed set of method classes (attacker-chosen method names never become a series of their own).
    public static let classes = ["INVITE", "REGISTER", "OPTIONS", "other", "response", "unparsed"]

    /// The bucket's start, in seconds since the epoch.
    public var start: Int64
    /// Counts aligned with ``classes``.
    public var counts: [Int]
    /// INVITEs with a Call-ID not seen before in this bucket (new calls).
    public var calls: Int

    /// A bucket.
    public init(start: Int64, counts: [Int], calls: Int) {
        self.start = start
        self.counts = counts
        self.calls = calls
    }
}

/// Verdicts in one time bucket, per winning state.
public struct VerdictBucket: Sendable, Hashable {
    /// The bucket's start, in seconds since the epoch.
    public var start: Int64
    /// Count per winning state, in the order first seen.
    public var counts: [CountedValue]

    /// A bucket.
    public init(start: Int64, counts: [CountedValue]) {
        self.start = start
        self.counts = counts
    }
}

/// A value and how often it occurred.
public struct CountedValue: Sendable, Hashable {
    public var value: String
    public var count: Int

    /// A counted value.
    public init(value: String, count: Int) {
        self.value = value
        self.count = count
    }
}

/// Which alerts ``TraceAnalytics/alerts(_:)`` returns.
public struct AlertFilter: Sendable, Hashable {
    /// Only alerts with a verdict at or after this time.
    public var since: TraceTimestamp?
    /// Only this winning state (`Suspicious`, `Crafted`, …).
    public var verdict: String?
    /// Only alerts whose source carried this attack label (e.g. `flooding`).
    public var attack: String?
    /// Only this source address.
    public var source: String?
    /// `true`: only acknowledged; `false`: only open; `nil`: both.
    public var acknowledged: Bool?
    /// At most this many groups.
    public var limit: Int

    /// A filter; with no arguments, the newest 100 alert groups.
    public init(
        since: TraceTimestamp? = nil,
        verdict: String? = nil,
        attack: String? = nil,
        source: String? = nil,
        acknowledged: Bool? = nil,
        limit: Int = 100
    ) {
        self.since = since
        self.verdict = verdict
        self.attack = attack
        self.source = source
        self.acknowledged = acknowledged
        self.limit = min(max(limit, 1), 1_000)
    }
}

/// The alerting verdicts of one source with one winning state: an alert as the administrator sees it.
public struct AlertSummary: Sendable, Hashable {
    public var source: String
    public var verdict: String
    /// Alerting verdicts in the group.
    public var count: Int
    public var first: TraceTimestamp
    public var last: TraceTimestamp
    /// The highest belief of the winner in the group.
    public var maximumBelief: Double
    /// The newest verdict of the group (its row id, method and Call-ID, attack labels JSON).
    public var latestVerdictID: Int64
    public var latestMethod: String?
    public var latestCallID: String?
    public var latestAttackLabelsJSON: String
    /// When the group was acknowledged and up to which verdict time; `acknowledged` is true when no alert came
    /// after that.
    public var acknowledgedAt: TraceTimestamp?
    public var acknowledgedUntil: TraceTimestamp?
    public var acknowledgementNote: String?
    public var acknowledged: Bool

    /// An alert summary.
    public init(
        source: String,
        verdict: String,
        count: Int,
        first: TraceTimestamp,
        last: TraceTimestamp,
        maximumBelief: Double,
        latestVerdictID: Int64,
        latestMethod: String?,
        latestCallID: String?,
        latestAttackLabelsJSON: String,
        acknowledgedAt: TraceTimestamp?,
        acknowledgedUntil: TraceTimestamp?,
        acknowledgementNote: String?
    ) {
        self.source = source
        self.verdict = verdict
        self.count = count
        self.first = first
        self.last = last
        self.maximumBelief = maximumBelief
        self.latestVerdictID = latestVerdictID
        self.latestMethod = latestMethod
        self.latestCallID = latestCallID
        self.latestAttackLabelsJSON = latestAttackLabelsJSON
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedUntil = acknowledgedUntil
        self.acknowledgementNote = acknowledgementNote
        self.acknowledged = acknowledgedUntil.map { $0.nanosecondsSinceEpoch >= last.nanosecondsSinceEpoch } ?? false
    }
}
