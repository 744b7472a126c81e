extension HostFindings {
    /// Every field unknown for the same reason.
    static func allUnknown(_ reason: UnknownReason, provenance: LookupProvenance) -> HostFindings {
        HostFindings(
            addresses: Lookup(.unknown(reason), provenance: provenance),
            reverseDNS: Lookup(.unknown(reason), provenance: provenance),
            sipServices: Lookup(.unknown(reason), provenance: provenance),
            whois: Lookup(.unknown(reason), provenance: provenance),
            asNumber: Lookup(.unknown(reason), provenance: provenance),
            geolocation: Lookup(.unknown(reason), provenance: provenance),
            sipPort: Lookup(.unknown(reason), provenance: provenance),
            rtpPort: Lookup(.unknown(reason), provenance: provenance),
            activeFingerprint: Lookup(.unknown(reason), provenance: provenance),
            hopsByTTL: Lookup(.unknown(reason), provenance: provenance),
            hopsByMaxForwards: Lookup(.unknown(reason), provenance: provenance)
        )
    }

    /// The same findings, each marked as served from the investigator's cache at `now`.
    func markedFromCache(at now: ReconInstant) -> HostFindings {
        func mark<V>(_ lookup: Lookup<V>) -> Lookup<V> {
            var copy = lookup
            copy.provenance.fromCache = true
            copy.provenance.startedAt = now
            copy.provenance.duration = .zero
            return copy
        }
        return HostFindings(
            addresses: mark(self.addresses),
            reverseDNS: mark(self.reverseDNS),
            sipServices: mark(self.sipServices),
            whois: mark(self.whois),
            asNumber: mark(self.asNumber),
            geolocation: mark(self.geolocation),
            sipPort: mark(self.sipPort),
            rtpPort: mark(self.rtpPort),
            activeFingerprint: mark(self.activeFingerprint),
            hopsByTTL: mark(self.hopsByTTL),
            hopsByMaxForwards: mark(self.hopsByMaxForwards)
        )
    }
}
