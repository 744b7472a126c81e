/// A successful DNS answer: the records of the asked type that belong to the question's name
/// (directly or through a CNAME chain in the same answer).
public struct DNSAnswer: Hashable, Sendable {
    /// The question asked.
    public var question: DNSQuestion
    /// The matching records (type equal to the question's).
    public var records: [DNSResourceRecord]
    /// The CNAME chain followed, in order (empty when none).
    public var canonicalNames: [DNSName]
    /// Whether the answer came over TCP (after a truncated UDP answer).
    public var viaTCP: Bool

    /// Creates an answer.
    public init(
        question: DNSQuestion,
        records: [DNSResourceRecord],
        canonicalNames: [DNSName] = [],
        viaTCP: Bool = false
    ) {
        self.question = question
        self.records = records
        self.canonicalNames = canonicalNames
        self.viaTCP = viaTCP
    }

    /// Most CNAME links followed inside one answer.
    static let maximumCNAMEChain = 8

    /// Classifies a response: the answer, or why there is none.
    static func outcome(of message: DNSMessage, question: DNSQuestion, viaTCP: Bool) -> Lookup<DNSAnswer>.Outcome {
        switch message.flags.responseCode {
        case .noError:
            break
        case .nameError:
            return .unknown(.nxdomain("\(question.name) does not exist"))
        default:
            return .unknown(.serverError("server answered \(message.flags.responseCode)"))
        }
        var owner = question.name
        var chain: [DNSName] = []
        if question.type != .cname {
            while chain.count < Self.maximumCNAMEChain,
                let next = message.answers.first(where: { $0.type == .cname && $0.name == owner }),
                case .canonicalName(let target) = next.data
            {
                chain.append(target)
                owner = target
            }
        }
        let records = message.answers.filter { $0.type == question.type && $0.name == owner }
        guard !records.isEmpty else { return .unknown(.noData("no \(question.type) records for \(question.name)")) }
        return .known(DNSAnswer(question: question, records: records, canonicalNames: chain, viaTCP: viaTCP))
    }
}
