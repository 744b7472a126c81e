// sip-flood: a bounded SIP load generator for Benchmarks/flood.sh (loopback only).
//
//   sip-flood options|invite TARGET_IP PORT COUNT RATE [SOURCE_IP]
//
// Sends COUNT requests at RATE per second from one UDP socket (each with its own branch and Call-ID, the
// INVITEs with random Call-IDs), counts the final responses that come back to it, and prints one JSON line:
// sent, answered (distinct requests with a final response), responses, seconds. It refuses any target that
// is not a 127.0.0.0/8 address, and stops by itself: after sending, it waits at most 3 s for answers.
#if canImport(Glibc)
import Glibc
#endif

/// Writes a line to standard error.
func complain(_ text: String) {
    let line = Array((text + "\n").utf8)
    _ = write(2, line, line.count)
}

let arguments = CommandLine.arguments
guard arguments.count >= 6, let port = UInt16(arguments[3]), let count = Int(arguments[4]),
    let rate = Double(arguments[5]),
    count > 0, count <= 10_000_000, rate > 0, rate <= 1_000_000, ["options", "invite"].contains(arguments[1])
else {
    complain("usage: sip-flood options|invite TARGET_IP PORT COUNT(≤10,000,000) RATE [SOURCE_IP]")
    exit(2)
}
let mode = arguments[1]
let target = arguments[2]
let source = arguments.count > 6 ? arguments[6] : target
guard target.hasPrefix("127."), source.hasPrefix("127.") else {
    complain("sip-flood: loopback (127.0.0.0/8) targets only")
    exit(2)
}

func address(_ ip: String, _ port: UInt16) -> sockaddr_in {
    var a = sockaddr_in()
    a.sin_family = sa_family_t(AF_INET)
    a.sin_port = port.bigEndian
    inet_pton(AF_INET, ip, &a.sin_addr)
    return a
}

let fd = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
var bufferSize: Int32 = 16 << 20
setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &bufferSize, socklen_t(MemoryLayout<Int32>.size))
setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &bufferSize, socklen_t(MemoryLayout<Int32>.size))
var local = address(source, 0)
_ = withUnsafePointer(to: &local) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
}
var bound = sockaddr_in()
var boundLength = socklen_t(MemoryLayout<sockaddr_in>.size)
_ = withUnsafeMutablePointer(to: &bound) {
    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &boundLength) }
}
let localPort = UInt16(bigEndian: bound.sin_port)
var remote = address(target, port)
var flags = fcntl(fd, F_GETFL, 0)
_ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)

var generator = SystemRandomNumberGenerator()
let runID = String(generator.next() & 0xFFFF_FFFF, radix: 16)

@MainActor func request(_ n: Int) -> [UInt8] {
    let callID = mode == "invite" ? "\(String(generator.next(), radix: 16))-\(n)@flood" : "flood-\(runID)-\(n)"
    let method = mode == "invite" ? "INVITE" : "OPTIONS"
    let text =
        "\(method) sip:1001@\(target):\(port) SIP/2.0\r\n"
        + "Via: SIP/2.0/UDP \(source):\(localPort);branch=z9hG4bK-\(runID)-\(n);rport\r\n"
        + "Max-Forwards: 70\r\nFrom: <sip:flood@\(source)>;tag=\(runID)\(n)\r\nTo: <sip:1001@\(target)>\r\n"
        + "Call-ID: \(callID)\r\nCSeq: 1 \(method)\r\nContact: <sip:flood@\(source):\(localPort)>\r\n"
        + "Content-Length: 0\r\n\r\n"
    return Array(text.utf8)
}

func now() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_MONOTONIC, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}

var answered = [Bool](repeating: false, count: count)
var answeredCount = 0
var responses = 0
var buffer = [UInt8](repeating: 0, count: 65_536)
let marker = Array("z9hG4bK-\(runID)-".utf8)

/// Reads every response waiting on the socket; a final response (status ≥ 200) marks its request answered.
@MainActor func drain() {
    while true {
        let n = recv(fd, &buffer, buffer.count, 0)
        if n <= 0 { return }
        responses += 1
        guard n > 12, buffer[8] >= UInt8(ascii: "2") else { continue }
        // The request number follows the branch marker in the echoed Via.
        var i = 0
        search: while i + marker.count < n {
            var j = 0
            while j < marker.count && buffer[i + j] == marker[j] { j += 1 }
            if j == marker.count {
                var k = i + j
                var number = 0
                while k < n, buffer[k] >= 48, buffer[k] <= 57 {
                    number = number * 10 + Int(buffer[k] - 48)
                    k += 1
                }
                if number < count, !answered[number] {
                    answered[number] = true
                    answeredCount += 1
                }
                break search
            }
            i += 1
        }
    }
}

let start = now()
var sent = 0
while sent < count {
    let due = Int((now() - start) * rate) + 1
    while sent < min(due, count) {
        let bytes = request(sent)
        let result = withUnsafePointer(to: &remote) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                sendto(fd, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        if result < 0 {
            if errno == EAGAIN { break }
        }
        sent += 1
    }
    drain()
    usleep(200)
}
let sendSeconds = now() - start
let deadline = now() + 3
while now() < deadline && answeredCount < count {
    drain()
    usleep(1_000)
}
print(
    "{\"mode\":\"\(mode)\",\"sent\":\(sent),\"answered\":\(answeredCount),\"responses\":\(responses),"
        + "\"send_seconds\":\(String(format: sendSeconds)),\"rate\":\(Int(Double(sent) / sendSeconds))}"
)

func String(format value: Double) -> String {
    let scaled = Int((value * 1000).rounded())
    return "\(scaled / 1000).\(String(repeating: "0", count: 3 - String(scaled % 1000).count))\(scaled % 1000)"
}
