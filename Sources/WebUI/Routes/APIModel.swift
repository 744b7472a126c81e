import Foundation
import Storage

/// Any JSON value: stored JSON texts (explanations, investigations) travel through the API as objects.
enum JSONValue: Codable, Sendable, Hashable {
    case null
    case bool(Bool)
    /// Integers are kept exact (nanosecond timestamps exceed a double's 53 bits).
    case integer(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// Decodes `text`; `null` when it is not JSON.
    init(text: String) {
        self = (try? JSONDecoder().decode(JSONValue.self, from: Data(text.utf8))) ?? .null
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .integer(let value): try container.encode(value)
        case .number(let value): try container.encode(value.isFinite ? value : 0)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }
}

/// The API's message (list item).
struct APIMessage: Codable {
    var id: Int64
    var time: String
    var timeNs: Int64
    var direction: String
    var transport: String
    var local: String
    var remote: String
    var remoteAddress: String
    var kind: String
    var method: String?
    var statusCode: Int?
    var requestURI: String?
    var callID: String?
    var cseq: String?
    var fromURI: String?
    var toURI: String?
    var userAgent: String?
    var verdict: String?
    var verdictBelief: Double?

    init(_ record: TraceRecord, verdict: String?, belief: Double?) {
        let s = record.summary
        self.id = record.id ?? 0
        self.time = Format.time(record.timestamp)
        self.timeNs = record.timestamp.nanosecondsSinceEpoch
        self.direction = record.direction.rawValue
        self.transport = record.transport.rawValue
        self.local = Format.endpoint(record.local)
        self.remote = Format.endpoint(record.remote)
        self.remoteAddress = record.remote.address
        self.kind = s.kind.rawValue
        self.method = s.method
        self.statusCode = s.statusCode
        self.requestURI = s.requestURI
        self.callID = s.callID
        self.cseq = s.cseqNumber.map { "\($0) \(s.cseqMethod ?? "")" }
        self.fromURI = s.fromURI
        self.toURI = s.toURI
        self.userAgent = s.userAgent
        self.verdict = verdict
        self.verdictBelief = belief
    }
}

/// One message with its raw bytes, anomalies and verdict.
struct APIMessageDetail: Codable {
    struct Anomaly: Codable {
        var code: String
        var severity: String
        var detail: String
        var offset: Int
    }
    var message: APIMessage
    var raw: String
    var rawBase64: String
    var anomalies: [Anomaly]
    var verdict: APIVerdict?
}

/// A verdict with its explanation, attack labels and investigation.
struct APIVerdict: Codable {
    var id: Int64
    var time: String
    var timeNs: Int64
    var source: String
    var sourcePort: Int
    var transport: String
    var method: String?
    var callID: String?
    var winner: String
    var winnerBelief: Double
    var belief: [String: Double]
    var alert: Bool
    var explanation: JSONValue
    var attackLabels: JSONValue
    var investigation: JSONValue

    init(_ record: VerdictRecord) {
        self.id = record.id ?? 0
        self.time = Format.time(record.timestamp)
        self.timeNs = record.timestamp.nanosecondsSinceEpoch
        self.source = record.source.address
        self.sourcePort = Int(record.source.port)
        self.transport = record.transport.rawValue
        self.method = record.method
        self.callID = record.callID
        self.winner = record.winner
        self.winnerBelief = record.winnerBelief
        var belief: [String: Double] = [:]
        for entry in record.belief { belief[entry.state] = entry.belief }
        self.belief = belief
        self.alert = record.alert
        self.explanation = JSONValue(text: record.explanationJSON)
        self.attackLabels = JSONValue(text: record.attackLabelsJSON)
        self.investigation = JSONValue(text: record.investigationJSON)
    }
}

/// A page of items and the cursor of the next page.
struct APIPage<Item: Codable>: Codable {
    var items: [Item]
    var next: String?
}

/// A list of items.
struct APIList<Item: Codable>: Codable {
    var items: [Item]
}

struct APICall: Codable {
    var callID: String
    var started: String
    var startedNs: Int64
    var lastMessage: String
    var source: String
    var fromURI: String?
    var toURI: String?
    var requestURI: String?
    var userAgent: String?
    var messages: Int
    var finalStatus: Int?
    var verdict: String?
    var verdictBelief: Double?

    init(_ call: CallSummary) {
        self.callID = call.callID
        self.started = Format.time(call.started)
        self.startedNs = call.started.nanosecondsSinceEpoch
        self.lastMessage = Format.time(call.lastMessage)
        self.source = Format.endpoint(call.source)
        self.fromURI = call.fromURI
        self.toURI = call.toURI
        self.requestURI = call.requestURI
        self.userAgent = call.userAgent
        self.messages = call.messageCount
        self.finalStatus = call.finalStatus
        self.verdict = call.verdict
        self.verdictBelief = call.verdictBelief
    }
}

struct APICallDetail: Codable {
    var callID: String
    var messages: [APIMessage]
    var recordings: [RecordingFile]
}

struct APISource: Codable {
    var address: String
    var messages: Int
    var firstSeen: String
    var lastSeen: String
    var userAgents: Int
    var latestVerdict: String?
    var latestBelief: Double?
    var alerts: Int
}

struct APICounted: Codable {
    var value: String
    var count: Int
}

struct APIAlert: Codable {
    var source: String
    var verdict: String
    var count: Int
    var first: String
    var last: String
    var lastNs: Int64
    var maximumBelief: Double
    var latestVerdictID: Int64
    var latestMethod: String?
    var latestCallID: String?
    var attacks: JSONValue
    var acknowledged: Bool
    var acknowledgedAt: String?
    var note: String?
}

struct APIAcknowledge: Codable {
    var source: String
    var verdict: String
    var untilNs: Int64?
    var note: String?
}

struct APIStats: Codable {
    struct Series: Codable {
        var start: Int64
        var counts: [String: Int]
        var calls: Int?
    }
    var range: String
    var bucketSeconds: Int
    var messages: [Series]
    var verdicts: [Series]
    var distribution: [APICounted]
    var status: LiveStatus
}

struct APIProfile: Codable {
    var summary: ProfileSummary
    var behaviour: String
    var environment: String?
    var initialState: String?
    var states: [String]
    var transitions: [ProfileTransition]
}

struct APIProfileName: Codable {
    var name: String
}

struct APIProfileSubmission: Codable {
    var name: String
    var behaviour: String
    var environment: String?
    /// `false`: only check.
    var save: Bool?
}

struct APIProfileResult: Codable {
    var ok: Bool
    var path: String?
    var summary: String?
    var problems: [ProfileProblem]
}

struct APIError: Codable {
    var error: String
}
