import FuzzSupport
import SDP

extension SDPSessionDescription {
    /// Reads every public accessor of the description and of each media section.
    func exerciseEveryAccessor() {
        blackHole(self.version)
        if let origin = self.origin {
            blackHole(origin)
            blackHole(origin.numericSessionID)
            blackHole(origin.numericSessionVersion)
        }
        blackHole(self.sessionName)
        blackHole(self.information)
        blackHole(self.uri)
        blackHole(self.emails)
        blackHole(self.phones)
        blackHole(self.connection)
        blackHole(self.bandwidths)
        blackHole(self.timings)
        blackHole(self.key)
        blackHole(self.hasErrors)
        blackHole(self.direction)
        blackHole(self.removingEvidence())
        for attribute in self.attributes {
            blackHole(self.attributes(named: attribute.name))
        }
        for line in self.lines {
            blackHole(line.typeCharacter)
            blackHole(line.valueString)
            blackHole(line.offset)
            blackHole(line.ending)
        }
        for anomaly in self.anomalies {
            blackHole(anomaly.description)
        }
        for media in self.media {
            blackHole(self.effectiveDirection(of: media))
            blackHole(self.effectiveConnection(of: media))
            media.exerciseEveryAccessor()
        }
    }
}

extension SDPMediaDescription {
    /// Reads every public accessor of the media section and the attribute values it understands.
    func exerciseEveryAccessor() {
        blackHole(self.isRTP)
        blackHole(self.direction?.answer(preferring: .sendrecv))
        blackHole(self.ptime)
        blackHole(self.maxptime)
        if let rtcp = self.rtcp {
            blackHole(rtcp.attributeValue)
        }
        for payloadType in self.payloadTypes {
            if let map = self.rtpMap(for: payloadType) {
                blackHole(map.attributeValue)
                blackHole(map.isSameCodec(as: map))
            }
        }
        for map in self.rtpMaps {
            blackHole(SDPRTPMap(attributeValue: map.attributeValue))
        }
        for parameters in self.formatParameters {
            blackHole(parameters.attributeValue)
        }
        for format in self.formats {
            blackHole(self.formatParameters(for: format))
        }
        for attribute in self.attributes {
            blackHole(self.attributes(named: attribute.name))
            if let value = attribute.value {
                blackHole(SDPRTPMap(attributeValue: value))
                blackHole(SDPFormatParameters(attributeValue: value))
                blackHole(SDPRTCPAttribute(attributeValue: value))
            }
        }
    }
}
