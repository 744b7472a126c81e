public import SIPCore

extension SIPMessage {
    /// Reads every public accessor, so that the lazily decoded typed headers are fuzzed as well as the parse.
    public func exerciseEveryAccessor() {
        blackHole(self.isRequest)
        blackHole(self.hasErrors)
        blackHole(self.droppedAnomalyCount)
        blackHole(self.messageBytes)
        blackHole(self.body)
        blackHole(self.trailingBytes)
        for anomaly in self.anomalies {
            blackHole(anomaly.description)
        }

        // Start line.
        blackHole(self.method?.isKnown)
        blackHole(self.requestURIText)
        self.requestURI?.exerciseEveryAccessor()
        blackHole(self.version)
        blackHole(self.statusCode)
        blackHole(self.reasonPhrase)

        // Raw fields.
        for field in self.headerFields {
            blackHole(field.offset)
            blackHole(field.name.canonicalName)
            blackHole(field.name.compactForm)
            let rawName = self.name(of: field)
            blackHole(self.value(of: field))
            blackHole(self.firstValue(named: rawName))
        }
        for name in SIPHeaderName.allCases {
            blackHole(self.fields(name))
            blackHole(self.firstValue(name))
        }

        // Typed headers.
        for via in self.vias {
            via.exerciseEveryAccessor()
        }
        for address in [self.from, self.to, self.replyTo, self.referTo] {
            address?.exerciseEveryAccessor()
        }
        blackHole(self.isContactWildcard)
        for list in [
            self.contacts, self.routes, self.recordRoutes, self.assertedIdentities, self.alertInfo, self.callInfo,
        ] {
            for address in list {
                address.exerciseEveryAccessor()
            }
        }
        blackHole(self.callID)
        if let cseq = self.cseq {
            blackHole(cseq.sequence)
            blackHole(cseq.method.isKnown)
        }
        blackHole(self.maxForwards)
        blackHole(self.expires)
        blackHole(self.minExpires)
        blackHole(self.contentLength)
        if let type = self.contentType {
            type.exerciseEveryAccessor()
        }
        for type in self.accept {
            type.exerciseEveryAccessor()
        }
        blackHole(self.allow)
        blackHole(self.supported)
        blackHole(self.require)
        blackHole(self.proxyRequire)
        blackHole(self.unsupported)
        blackHole(self.userAgent)
        blackHole(self.server)
        blackHole(self.date)
        blackHole(self.subject)
        blackHole(self.organization)
        for list in [self.authorization, self.proxyAuthorization, self.wwwAuthenticate, self.proxyAuthenticate] {
            for credentials in list {
                credentials.exerciseEveryAccessor()
            }
        }
    }
}

extension SIPURI {
    /// Reads every public accessor of the URI.
    public func exerciseEveryAccessor() {
        switch self.scheme {
        case .sip, .sips, .tel: blackHole(self.scheme)
        case .other(let name): blackHole(name)
        }
        blackHole(self.user)
        blackHole(self.password)
        if let host = self.host {
            blackHole(host.text)
            blackHole(host.description)
        }
        blackHole(self.port)
        self.parameters.exerciseEveryAccessor()
        self.headers.exerciseEveryAccessor()
        blackHole(self.raw)
        blackHole(self.description)
    }
}

extension SIPVia {
    /// Reads every public accessor of the Via entry.
    public func exerciseEveryAccessor() {
        blackHole(self.protocolName)
        blackHole(self.protocolVersion)
        blackHole(self.transport)
        blackHole(self.host.description)
        blackHole(self.port)
        blackHole(self.sentBy)
        self.parameters.exerciseEveryAccessor()
        blackHole(self.branch)
        blackHole(self.received)
        blackHole(self.rport)
        blackHole(self.maddr)
        blackHole(self.ttl)
    }
}

extension SIPNameAddress {
    /// Reads every public accessor of the name-addr, including the URI inside it.
    public func exerciseEveryAccessor() {
        blackHole(self.displayName)
        blackHole(self.displayNameQuoted)
        self.uri?.exerciseEveryAccessor()
        blackHole(self.uriText)
        blackHole(self.bracketed)
        self.parameters.exerciseEveryAccessor()
        blackHole(self.tag)
        blackHole(self.q)
        blackHole(self.expires)
    }
}

extension SIPMediaType {
    /// Reads every public accessor of the media type.
    public func exerciseEveryAccessor() {
        blackHole(self.description)
        blackHole(self.isSDP)
        self.parameters.exerciseEveryAccessor()
    }
}

extension SIPAuthorization {
    /// Reads every public accessor of the credentials or challenge.
    public func exerciseEveryAccessor() {
        blackHole(self.scheme)
        blackHole(self.isDigest)
        blackHole(self.username)
        blackHole(self.realm)
        blackHole(self.nonce)
        blackHole(self.uri)
        blackHole(self.response)
        blackHole(self.algorithm)
        blackHole(self.cnonce)
        blackHole(self.opaque)
        blackHole(self.qop)
        blackHole(self.nonceCount)
        blackHole(self.stale)
        self.parameters.exerciseEveryAccessor()
        if let uri = self.uri {
            SIPURI.parse(uri.utf8).uri?.exerciseEveryAccessor()
        }
    }
}

extension SIPParameters {
    /// Reads every parameter, and looks each one up by name.
    public func exerciseEveryAccessor() {
        for parameter in self {
            blackHole(self.contains(parameter.name))
            blackHole(self[parameter.name])
        }
    }
}
