"""One SIP OPTIONS over UDP from a fresh loopback socket, for the web UI suites (api.py, browser.py).

send_options(host, port, user_agent, label) sends it with a random branch and Call-ID (prefix webui-LABEL-) and waits
up to 2 s for the answer, which is read and dropped (only its effect on the web UI matters).
"""
import random
import socket


def send_options(host, port, user_agent, label):
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        sock.bind((host, 0))
        local = sock.getsockname()[1]
        message = ("OPTIONS sip:2001@%s:%d SIP/2.0\r\nVia: SIP/2.0/UDP %s:%d;branch=z9hG4bK-%s-%x;rport\r\n"
                   "Max-Forwards: 70\r\nFrom: <sip:%s@%s>;tag=%s1\r\nTo: <sip:2001@%s>\r\nCall-ID: webui-%s-%x\r\n"
                   "CSeq: 1 OPTIONS\r\nUser-Agent: %s\r\nContent-Length: 0\r\n\r\n"
                   % (host, port, host, local, label, random.getrandbits(40), label, host, label[:1], host, label,
                      random.getrandbits(40), user_agent))
        sock.sendto(message.encode(), (host, port))
        sock.settimeout(2)
        try:
            sock.recvfrom(65535)
        except socket.timeout:
            pass
    finally:
        sock.close()
