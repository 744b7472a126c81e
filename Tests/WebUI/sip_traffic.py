#!/usr/bin/env python3
"""Sends a little SIP traffic over UDP/loopback so the web UI's lists are not empty (Tests/WebUI/run.sh).

    sip_traffic.py HOST PORT

OPTIONS and INVITE requests whose User-Agent is hostile HTML (a <script> element and an attribute breakout
with an <img onerror>), plus one INVITE to an international number. Each INVITE is played as a caller would:
ACK for the 2xx, 200 for the honeypot's BYE. Standard library only; every wait is bounded. Prints what it
sent and received; exits non-zero when the honeypot never answered.
"""
import random
import socket
import sys
import time

SCRIPT_UA = "<script>alert(1)</script>"
IMG_UA = '"><img src=x onerror=alert(2)>'


def main():
    host, port = sys.argv[1], int(sys.argv[2])
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((host, 0))
    local_port = sock.getsockname()[1]
    answered = 0

    def request(method, user, user_agent, call_id, cseq=1, to_tag=None, from_tag=None, branch=None):
        branch = branch or "z9hG4bK-webui-%x" % random.getrandbits(48)
        to = "<sip:%s@%s>" % (user, host) + (";tag=" + to_tag if to_tag else "")
        return (
            "%s sip:%s@%s:%d SIP/2.0\r\n"
            "Via: SIP/2.0/UDP %s:%d;branch=%s;rport\r\n"
            "Max-Forwards: 70\r\n"
            "From: \"webui\" <sip:webui@%s>;tag=%s\r\n"
            "To: %s\r\n"
            "Call-ID: %s\r\n"
            "CSeq: %d %s\r\n"
            "Contact: <sip:webui@%s:%d>\r\n"
            "User-Agent: %s\r\n"
            "Content-Length: 0\r\n\r\n"
            % (method, user, host, port, host, local_port, branch, host, from_tag, to, call_id, cseq, method,
               host, local_port, user_agent)
        ).encode()

    def header(text, name):
        for line in text.split("\r\n"):
            if line.lower().startswith(name.lower() + ":"):
                return line.split(":", 1)[1].strip()
        return ""

    def receive(seconds):
        sock.settimeout(seconds)
        try:
            data, _ = sock.recvfrom(65535)
            return data.decode("utf-8", "replace")
        except socket.timeout:
            return None

    def options(user_agent):
        nonlocal answered
        call_id = "webui-options-%x" % random.getrandbits(40)
        sock.sendto(request("OPTIONS", "2001", user_agent, call_id, from_tag="o%x" % random.getrandbits(24)), (host, port))
        deadline = time.monotonic() + 3
        while time.monotonic() < deadline:
            text = receive(deadline - time.monotonic())
            if text is None:
                break
            if text.startswith("SIP/2.0") and header(text, "Call-ID") == call_id:
                print("OPTIONS %-34r -> %s" % (user_agent, text.split("\r\n", 1)[0]))
                answered += 1
                return
        print("OPTIONS %-34r -> no answer" % user_agent)

    def invite(user, user_agent):
        """An INVITE, ACK of the final response, 200 to the honeypot's BYE (bounded: 6 s)."""
        nonlocal answered
        call_id = "webui-invite-%x" % random.getrandbits(40)
        from_tag = "i%x" % random.getrandbits(24)
        sock.sendto(request("INVITE", user, user_agent, call_id, from_tag=from_tag), (host, port))
        statuses = []
        deadline = time.monotonic() + 6
        while time.monotonic() < deadline:
            text = receive(max(0.05, deadline - time.monotonic()))
            if text is None:
                break
            if header(text, "Call-ID") != call_id:
                continue
            first = text.split("\r\n", 1)[0]
            if first.startswith("SIP/2.0 "):
                code = int(first.split()[1])
                statuses.append(code)
                if code >= 200 and header(text, "CSeq").endswith("INVITE"):
                    to_tag = header(text, "To").split("tag=")[-1] if "tag=" in header(text, "To") else None
                    if code < 300:  # ACK of a 2xx is its own transaction
                        sock.sendto(request("ACK", user, user_agent, call_id, to_tag=to_tag, from_tag=from_tag), (host, port))
                    else:  # ACK of a final error response: same branch as the INVITE would be needed; end here
                        break
            elif first.startswith("BYE "):
                reply = "SIP/2.0 200 OK\r\n"
                for name in ("Via", "From", "To", "Call-ID", "CSeq"):
                    reply += "%s: %s\r\n" % (name, header(text, name))
                reply += "User-Agent: %s\r\nContent-Length: 0\r\n\r\n" % user_agent
                sock.sendto(reply.encode(), (host, port))
                statuses.append("BYE")
                break
        if statuses:
            answered += 1
        print("INVITE  %-34r to %s -> %s" % (user_agent, user, " ".join(str(s) for s in statuses) or "no answer"))

    options(SCRIPT_UA)
    invite("2001", SCRIPT_UA)
    options(IMG_UA)
    invite("2002", IMG_UA)
    invite("900441234567", "webui-test/1.0")
    sock.close()
    print("answered %d of 5 exchanges" % answered)
    return 0 if answered >= 4 else 1


if __name__ == "__main__":
    sys.exit(main())
