import Foundation
import NIOCore
public import Reporting
import SIPCore
public import SIPTransport
public import Storage

extension HoneyphoneEvent {
    /// The event of a verdict `record` on the request `inbound`: the destination from the packet, the called number
    /// (the user part of the Request-URI, else of the To URI), the User-Agent, the raw message, and the attack kinds
    /// of the record's labels.
    public init(
        record: VerdictRecord,
        inbound: SIPInboundMessage,
        nodeID: String,
        uuid: EventUUID = .random
    ) {
        let message = inbound.message
        let local = inbound.arrival.local
        let destination = local.ipAddress.map { TraceEndpoint(address: $0, port: UInt16(clamping: local.port ?? 0)) }
        self.init(
            record: record,
            uuid: uuid.next(),
            nodeID: nodeID,
            appVersion: HoneyphoneEvent.honeyphoneVersion,
            destination: destination,
            calledNumber: message.requestURI?.user ?? message.to?.uri?.user,
            userAgent: message.userAgent,
            sipMessage: message.bytes.readableBytesView,
            attacks: Self.attackKinds(record.attackLabelsJSON)
        )
    }

    /// The version written as `app_version`.
    public static let honeyphoneVersion = "dev"

    /// The `kind` of each label of an attack-labels JSON array (``VerdictRenderer/labelsJSON(_:)``).
    static func attackKinds(_ json: String) -> [String] {
        struct Label: Decodable { var kind: String }
        return (try? JSONDecoder().decode([Label].self, from: Data(json.utf8)))?.map(\.kind) ?? []
    }
}
