public import Storage

/// The sources a block list names, and its three renderings.
///
/// Only addresses that parse as IPv4 or IPv6 literals (``IPAddress``) are kept, in canonical form, distinct, sorted
/// (IPv4 first); anything else in the store is skipped and counted, and so is an address inside the allow list.
public struct BlockList: Sendable, Hashable {
    /// The output formats.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        /// One address per line, nothing else.
        case plain
        /// An `nft -f` script: `table inet honeyphone` with the sets `blocklist4` and `blocklist6`, flushed and
        /// refilled (loading it again replaces the lists).
        case nftables
        /// `ipset restore` input: `honeyphone4` (`hash:ip family inet`) and `honeyphone6` (`family inet6`), created
        /// with `-exist`, flushed and refilled.
        case ipset
    }

    /// The addresses, sorted and distinct.
    public var addresses: [IPAddress]
    /// Stored source addresses that are not IP literals (skipped).
    public var invalid: Int
    /// Addresses skipped because they are on the allow list.
    public var allowed: Int

    /// A list of `addresses` (sorted and made distinct here).
    public init(addresses: [IPAddress], invalid: Int = 0, allowed: Int = 0) {
        self.addresses = Array(Set(addresses)).sorted()
        self.invalid = invalid
        self.allowed = allowed
    }

    /// The list in `format`, ending with a line break (an empty plain list is empty).
    public func render(_ format: Format) -> String {
        let v4 = self.addresses.filter(\.isIPv4).map(\.description)
        let v6 = self.addresses.filter { !$0.isIPv4 }.map(\.description)
        switch format {
        case .plain:
            return self.addresses.map { $0.description + "\n" }.joined()
        case .nftables:
            var lines = [
                "#!/usr/sbin/nft -f",
                "# Honeyphone block list: \(v4.count) IPv4 and \(v6.count) IPv6 address(es).",
                "# Use the sets in a rule of your own, for example:",
                "#   nft add chain inet honeyphone input '{ type filter hook input priority -10; }'",
                "#   nft add rule inet honeyphone input ip saddr @blocklist4 drop",
                "#   nft add rule inet honeyphone input ip6 saddr @blocklist6 drop",
                "table inet honeyphone {",
                "    set blocklist4 {",
                "        type ipv4_addr;",
                "    }",
                "    set blocklist6 {",
                "        type ipv6_addr;",
                "    }",
                "}",
                "flush set inet honeyphone blocklist4",
                "flush set inet honeyphone blocklist6",
            ]
            for (set, addresses) in [("blocklist4", v4), ("blocklist6", v6)] where !addresses.isEmpty {
                // In chunks, so that no line grows without bound.
                for start in stride(from: 0, to: addresses.count, by: 256) {
                    let chunk = addresses[start..<min(start + 256, addresses.count)]
                    lines.append("add element inet honeyphone \(set) { " + chunk.joined(separator: ", ") + " }")
                }
            }
            return lines.joined(separator: "\n") + "\n"
        case .ipset:
            var lines = [
                "create honeyphone4 hash:ip family inet -exist",
                "create honeyphone6 hash:ip family inet6 -exist",
                "flush honeyphone4",
                "flush honeyphone6",
            ]
            lines += v4.map { "add honeyphone4 \($0) -exist" }
            lines += v6.map { "add honeyphone6 \($0) -exist" }
            return lines.joined(separator: "\n") + "\n"
        }
    }
}

/// Builds block lists from the verdict store: the distinct sources whose verdict was Suspicious or Crafted with a
/// belief at or above a threshold, optionally since a time, minus an allow list of prefixes never to block.
///
/// ```swift
/// let text = try await BlockListBuilder(store: store).render(format: .nftables, minimumBelief: 0.8, since: nil)
/// ```
public struct BlockListBuilder: Sendable {
    /// The verdicts that put a source on the list.
    public static let blockedVerdicts = ["Suspicious", "Crafted"]
    /// The default threshold.
    public static let defaultMinimumBelief = 0.8
    /// Never blocked by default: loopback and the unspecified networks of both families.
    public static let defaultAllowList: [IPPrefix] = ["127.0.0.0/8", "0.0.0.0/8", "::1/128", "::/128"].compactMap {
        IPPrefix($0)
    }

    /// The store.
    public let store: any VerdictStore
    /// Prefixes never blocked.
    public var allowList: [IPPrefix]
    /// The most sources read from the store.
    public var maximumEntries: Int

    /// A builder over `store`.
    public init(
        store: any VerdictStore,
        allowList: [IPPrefix] = BlockListBuilder.defaultAllowList,
        maximumEntries: Int = 1_000_000
    ) {
        self.store = store
        self.allowList = allowList
        self.maximumEntries = maximumEntries
    }

    /// The list.
    public func list(
        minimumBelief: Double = BlockListBuilder.defaultMinimumBelief,
        since: TraceTimestamp? = nil
    ) async throws -> BlockList {
        let sources = try await self.store.verdictSources(
            winners: Self.blockedVerdicts,
            minimumBelief: minimumBelief,
            since: since,
            limit: self.maximumEntries
        )
        var addresses: [IPAddress] = []
        var invalid = 0
        var allowed = 0
        for source in sources {
            guard let address = IPAddress(source.address) else {
                invalid += 1
                continue
            }
            if self.allowList.contains(where: { $0.contains(address) }) {
                allowed += 1
                continue
            }
            addresses.append(address)
        }
        return BlockList(addresses: addresses, invalid: invalid, allowed: allowed)
    }

    /// The list rendered in `format`.
    public func render(
        format: BlockList.Format,
        minimumBelief: Double = BlockListBuilder.defaultMinimumBelief,
        since: TraceTimestamp? = nil
    ) async throws -> String {
        try await self.list(minimumBelief: minimumBelief, since: since).render(format)
    }
}
