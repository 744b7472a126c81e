import Crypto
import Foundation
import Logging
import SIPTransport
import SwiftASN1
import X509

/// The certificate and key of TLS listeners: the environment's files, or a self-signed ECDSA P-256 pair
/// generated on first start in the data folder (`tls-certificate.pem`, `tls-private-key.pem`, mode 0600) and
/// reused afterwards.
enum TLSMaterial {
    static func ensure(environment: HoneyphoneEnvironment, logger: Logger) throws -> SIPTransport.TLSConfiguration {
        if let certificate = environment.tlsCertificate, let key = environment.tlsPrivateKey {
            return .init(certificatePath: certificate, privateKeyPath: key)
        }
        let certificatePath = environment.dataFolder + "/tls-certificate.pem"
        let keyPath = environment.dataFolder + "/tls-private-key.pem"
        let files = FileManager.default
        if files.fileExists(atPath: certificatePath), files.fileExists(atPath: keyPath) {
            return .init(certificatePath: certificatePath, privateKeyPath: keyPath)
        }
        let (certificatePEM, keyPEM) = try self.generate(commonName: environment.identity)
        try files.createDirectory(atPath: environment.dataFolder, withIntermediateDirectories: true)
        files.createFile(atPath: keyPath, contents: Data(keyPEM.utf8), attributes: [.posixPermissions: 0o600])
        files.createFile(
            atPath: certificatePath,
            contents: Data(certificatePEM.utf8),
            attributes: [.posixPermissions: 0o644]
        )
        logger.notice("generated a self-signed TLS certificate", metadata: ["tls.certificate": "\(certificatePath)"])
        return .init(certificatePath: certificatePath, privateKeyPath: keyPath)
    }

    /// A self-signed certificate (PEM) for `commonName`, valid for a year, with `localhost` and the loopback
    /// addresses as subject alternative names, and its private key (PEM).
    static func generate(commonName: String) throws -> (String, String) {
        let key = P256.Signing.PrivateKey()
        let name = try DistinguishedName {
            CommonName(String(commonName.prefix(64)))
            OrganizationName("Honeyphone")
        }
        let now = Date()
        let certificate = try Certificate(
            version: .v3,
            serialNumber: Certificate.SerialNumber(),
            publicKey: .init(key.publicKey),
            notValidBefore: now.addingTimeInterval(-3_600),
            notValidAfter: now.addingTimeInterval(365 * 86_400),
            issuer: name,
            subject: name,
            signatureAlgorithm: .ecdsaWithSHA256,
            extensions: try Certificate.Extensions {
                SubjectAlternativeNames([
                    .dnsName("localhost"), .ipAddress(ASN1OctetString(contentBytes: [127, 0, 0, 1])),
                    .ipAddress(ASN1OctetString(contentBytes: ArraySlice([UInt8](repeating: 0, count: 15) + [1]))),
                ])
                try ExtendedKeyUsage([.serverAuth, .clientAuth])
            },
            issuerPrivateKey: .init(key)
        )
        var serializer = DER.Serializer()
        try serializer.serialize(certificate)
        let pem = PEMDocument(type: "CERTIFICATE", derBytes: serializer.serializedBytes).pemString
        return (pem, key.pemRepresentation)
    }
}
