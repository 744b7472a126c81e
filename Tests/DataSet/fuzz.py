#!/usr/bin/env python3
"""Tests/DataSet/fuzz.py SEED COUNT SOURCE TARGET [CORPUS...]: sends COUNT mutated SIP requests over UDP.

PROTOS/RFC 4475-style fuzzing for the data set: each message is a request of the given corpus (the RFC 4475
torture messages of the repository), re-aimed at one user at TARGET (Request-URI and To) and mutated by one to three
operations drawn with a seeded generator (a broken request line, a header without colon, a wrong
Content-Length, NUL and high bytes, an overlong token, a duplicated or deleted header, a truncated message).
Sent from SOURCE:5070 to TARGET:5060, one every 50 ms; nothing is read back. Only lab addresses are accepted.
"""
import os
import random
import socket
import sys
import time


def mutate(rng, data, target, user):
    lines = data.split(b"\r\n")
    uri = b"sip:" + user + b"@" + target.encode()
    if lines and len(lines[0].split(b" ")) == 3:
        parts = lines[0].split(b" ")
        parts[1] = uri
        lines[0] = b" ".join(parts)
    for i, line in enumerate(lines[1:], 1):
        if line == b"":
            break
        if line.lower().startswith((b"to:", b"t:", b"to :")):
            lines[i] = b"To: <" + uri + b">"
    for _ in range(rng.randint(1, 3)):
        op = rng.randrange(8)
        headers = [i for i, line in enumerate(lines[1:], 1) if b":" in line]
        if op == 0 and lines:
            lines[0] = lines[0].replace(b"SIP/2.0", rng.choice([b"SIP/7.0", b"SIP/2.0x", b"", b"HTTP/1.1"]))
        elif op == 1 and headers:
            i = rng.choice(headers)
            lines[i] = lines[i].replace(b":", b"", 1)
        elif op == 2:
            lines = [l for l in lines if not l.lower().startswith((b"content-length", b"l:"))]
            lines.insert(1, b"Content-Length: " + rng.choice([b"-1", b"99999", b"abc", b"4294967296"]))
        elif op == 3 and headers:
            i = rng.choice(headers)
            lines[i] = lines[i] + rng.choice([b"\x00", b"\xff\xfe", b"\x01\x02"]) + b"x"
        elif op == 4 and headers:
            i = rng.choice(headers)
            lines[i] = lines[i] + b"A" * rng.randint(300, 2000)
        elif op == 5 and headers:
            i = rng.choice(headers)
            lines.insert(i, lines[i])
        elif op == 6 and headers:
            del lines[rng.choice(headers)]
        elif op == 7:
            blob = b"\r\n".join(lines)
            return blob[: max(16, rng.randint(len(blob) // 3, len(blob)))]
    return b"\r\n".join(lines)


def main():
    seed, count, source, target = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
    for address in (source, target):
        if not address.startswith(("130.200.10.", "152.81.144.")):
            sys.exit(f"fuzz.py: {address} is not a lab address")
    corpus = []
    for path in sys.argv[5:]:
        with open(path, "rb") as f:
            data = f.read()
        if data.split(b" ", 1)[0].isalpha() and not data.startswith(b"SIP/"):
            corpus.append(data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    rng = random.Random(seed)
    # One victim per run, as PROTOS-style suites aim every case at one URI.
    user = rng.choice([b"bob", b"100", b"alice"])
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((source, 5070))
    for _ in range(count):
        message = mutate(rng, rng.choice(corpus), target, user)
        sock.sendto(message[:8000], (target, 5060))
        time.sleep(0.05)


if __name__ == "__main__":
    main()
