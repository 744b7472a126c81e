/// The model Honeyphone ships with: the paper's Fig. 6 tree with every number the paper prints
/// (π_Nature, CPT(To/Nature), CPT(Historical/Trust), M), the dispersion CPT of the brief, and documented
/// choices for the CPTs the paper does not print (each reasoned in a comment in the text).
///
/// The `honeyphone` CLI can print it as a starting point for an operator's own model.
public enum DefaultModel {
    /// The default model in the text format of ``ModelParser``.
    public static let text = """
        # Honeyphone inference model, format version 1.
        #
        # Format: one 'attribute: value' per line; '#' starts a comment; blank lines are ignored.
        # The first attribute is 'honeyphone-model: <version>'. Blocks start with 'node: <Name>' or
        # 'markov: <Name>'. In a node block:
        #   states: <s1>, <s2>, ...          at least two distinct names
        #   parent: <Name>                   absent on the root only
        #   prior: <w1>, <w2>, ...           root only; non-negative weights, normalised on load
        #   row: <parent state> = <p1>, ...  one per parent state, P(node = j | parent = state), sum 1 +- 1e-6
        #   intervals: <b1>, <b2>, ...       continuous observations: inclusive upper bounds, one per state but
        #                                    the last; x goes to the first state with x <= bound, else the last
        #   threshold: <state> = <t>         root only; a verdict flags <state> when its belief reaches t
        # In the markov block (at most one):
        #   initial: <w1>, <w2>, ...         the first host's pre-belief (uniform if absent)
        #   row: <state> = <p1>, ...         the transition row M[state]; PRE_BEL_k = POST_BEL_k-1 . M
        # Names are printable ASCII without blanks, ',', '=', ':' or '#'.

        honeyphone-model: 1

        # Paper VII-C: more weight on Suspicious and Crafted because of where a honeypot is deployed. The
        # paper prints (0.3, 0.4, 0.4), which sums to 1.1; priors are weights and are normalised on load.
        node: Nature
        states: Normal, Suspicious, Crafted
        prior: 0.3, 0.4, 0.4
        threshold: Suspicious = 0.6
        threshold: Crafted = 0.6

        # Paper VII-C: is the To URI one we are registered with? A Normal request reaches a honeypot by a
        # routing or user fault, so it never names us.
        node: To
        parent: Nature
        states: Yes, No
        row: Normal = 0, 1
        row: Suspicious = 0.5, 0.5
        row: Crafted = 0.5, 0.5

        # Paper VII-B: sigma of the IP hop counts of points A-E (first Via, Contact, c=, o=, From location);
        # genuine points sit together, spoofed ones scatter.
        node: Dispersion
        parent: Nature
        states: Low, Medium, High
        intervals: 1, 4
        row: Normal = 0.6, 0.3, 0.1
        row: Suspicious = 0.1, 0.3, 0.6
        row: Crafted = 0.05, 0.15, 0.8

        # Our choice: Normal traffic comes through trusted hosts; Suspicious hosts are "positively verified"
        # (paper VII-B) but attack sources have worse reputations; Crafted requests name hosts that are not
        # as claimed, so they are mostly distrusted.
        node: Trust
        parent: Nature
        states: Trusted, Distrusted
        row: Normal = 0.9, 0.1
        row: Suspicious = 0.6, 0.4
        row: Crafted = 0.15, 0.85

        # Our choice: parser anomalies of the request. Real user agents rarely produce errors; tools
        # (SIPVicious, fuzzers) produce errors and recognisable shapes; Suspicious traffic (SPIT,
        # enumeration) is often tool-made but syntactically clean.
        node: Anomalies
        parent: Nature
        states: None, Warnings, Errors, ToolShaped
        row: Normal = 0.8, 0.15, 0.04, 0.01
        row: Suspicious = 0.45, 0.25, 0.1, 0.2
        row: Crafted = 0.1, 0.2, 0.4, 0.3

        # Our choice (RFC 3261 18.2.1): is the top Via's sent-by address the address the request came from?
        # Every element that sends a request puts its own address in the top Via, so a routable address
        # other than the packet's source names a host that did not send it: the mark of a crafted request.
        # Names and private (NAT) addresses are not compared and send no evidence. Genuine senders match
        # (a few NATs and multi-homed hosts do not); tools send with their own address.
        node: SentBy
        parent: Nature
        states: Source, Other
        row: Normal = 0.9, 0.1
        row: Suspicious = 0.9, 0.1
        row: Crafted = 0.3, 0.7

        # Our choice: does the attack labeller (AttackLabeller) label the request's source at the request's time?
        # The paper defines Suspicious as a request that is "part of a traffic attack such as SPIT": that is
        # behaviour over time, which no single request shows. Normal sources are rarely labelled. Attack sources
        # are labelled once a threshold is crossed, and a crafted one-off or the first requests of any attack are
        # not, so the same row for Suspicious and Crafted: the node tells Normal from the rest, nothing more.
        node: Behaviour
        parent: Nature
        states: None, Attack
        row: Normal = 0.95, 0.05
        row: Suspicious = 0.5, 0.5
        row: Crafted = 0.5, 0.5

        # Paper VII-B: how often the host was seen before (sightings 0, 1-2, 3 or more), printed CPT.
        node: Historical
        parent: Trust
        states: 0, 1-2, 3+
        intervals: 0, 2
        row: Trusted = 0.9, 0.1, 0.0
        row: Distrusted = 0.1, 0.2, 0.7

        # Our choice for the trust-table coefficients in [0, 1] (WHOIS, AS, GL, Fingerprint): three bands,
        # moderate CPTs so that no single table outweighs Historical. WHOIS is the strongest (registries are
        # hard to fake), location the weakest (coarse, shared by good and bad hosts).
        node: WHOIS
        parent: Trust
        states: Low, Medium, High
        intervals: 0.35, 0.65
        row: Trusted = 0.15, 0.35, 0.5
        row: Distrusted = 0.45, 0.35, 0.2

        node: AS
        parent: Trust
        states: Low, Medium, High
        intervals: 0.35, 0.65
        row: Trusted = 0.2, 0.35, 0.45
        row: Distrusted = 0.4, 0.35, 0.25

        node: GL
        parent: Trust
        states: Low, Medium, High
        intervals: 0.35, 0.65
        row: Trusted = 0.25, 0.35, 0.4
        row: Distrusted = 0.35, 0.35, 0.3

        # Our choice: a port claimed open and really open; spoofed hosts often are not listening.
        node: HasPort
        parent: Trust
        states: Open, Closed
        row: Trusted = 0.8, 0.2
        row: Distrusted = 0.45, 0.55

        # Our choice: the device fingerprint's trust coefficient; attack tools get low coefficients.
        node: Fingerprint
        parent: Trust
        states: Low, Medium, High
        intervals: 0.35, 0.65
        row: Trusted = 0.15, 0.35, 0.5
        row: Distrusted = 0.5, 0.3, 0.2

        # Artemisa's DNS row for trusted hosts (0.7 / 0.3), mirrored for distrusted ones.
        node: DNS
        parent: Trust
        states: Valid, Invalid
        row: Trusted = 0.7, 0.3
        row: Distrusted = 0.3, 0.7

        # Paper VII-C: a list tends to be distrustable if one member is; equal initial probabilities.
        markov: Trust
        initial: 0.5, 0.5
        row: Trusted = 0.6, 0.4
        row: Distrusted = 0.1, 0.9

        """
}
