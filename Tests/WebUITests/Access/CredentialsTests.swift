import Testing

@testable import WebUI

@Suite struct CredentialsTests {
    @Test func passwordHashesRoundTripAndVerify() throws {
        let hash = WebTestHarness.hash
        #expect(hash.verify(WebTestHarness.password))
        #expect(!hash.verify("wrong"))
        #expect(!hash.verify(String(repeating: "a", count: 2_000)))
        let read = try #require(PasswordHash(text: hash.description))
        #expect(read == hash)
        #expect(read.verify(WebTestHarness.password))
    }

    @Test func weakOrMalformedHashesAreRefused() {
        #expect(PasswordHash(text: "pbkdf2-sha256$1000$c2FsdHNhbHQ=$" + String(repeating: "A", count: 44)) == nil)
        #expect(PasswordHash(text: "md5$x$y$z") == nil)
        #expect(PasswordHash(text: "pbkdf2-sha256$600000$!!$!!") == nil)
        #expect(PasswordHash(text: "") == nil)
    }

    @Test func tokenDigests() throws {
        let digest = TokenDigest(token: "abc")
        #expect(digest.description == "sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(TokenDigest(text: digest.description) == digest)
        #expect(digest.matches("abc"))
        #expect(!digest.matches("abd"))
        #expect(TokenDigest(text: "sha256:xyz") == nil)
        #expect(Secrets.token().count == 43)
        #expect(Secrets.password().count == 20)
    }

    @Test func sessionsExpireAndAreBounded() {
        let store = SessionStore(idle: .seconds(60), maximum: 2, failuresPerMinute: 2)
        let start = ContinuousClock.now
        let first = store.open(now: start)
        #expect(store.session(id: first.id, now: start + .seconds(30)) != nil)
        #expect(store.session(id: first.id, now: start + .seconds(89)) != nil)
        #expect(store.session(id: first.id, now: start + .seconds(150)) == nil)
        let a = store.open(now: start)
        let b = store.open(now: start + .seconds(1))
        let c = store.open(now: start + .seconds(2))
        #expect(store.session(id: a.id, now: start + .seconds(3)) == nil)
        #expect(store.session(id: b.id, now: start + .seconds(3)) != nil)
        #expect(store.session(id: c.id, now: start + .seconds(3)) != nil)
        #expect(a.csrfToken != b.csrfToken)
        #expect(store.loginAllowed(now: start))
        store.loginFailed(now: start)
        store.loginFailed(now: start)
        #expect(!store.loginAllowed(now: start + .seconds(10)))
        #expect(store.loginAllowed(now: start + .seconds(61)))
    }
}
