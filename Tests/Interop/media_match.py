#!/usr/bin/env python3
"""media_match.py RECORDED.wav REFERENCE [--pcap-pt N] -- how well a recording matches what was sent.

REFERENCE is a WAV file (PCM 16-bit, any rate is resampled to 8 kHz) or a pcap of G.711 RTP (payload type
--pcap-pt, 0 = PCMU, 8 = PCMA; the packets are decoded in order). Prints the best normalised cross-correlation
of the two signals (aligned on their first sound, lags up to 25 ms) over 3 s, and the recorded duration; exits 0 when the correlation is at least
--min (default 0.9), 1 otherwise. Python 3 standard library only.
"""
import argparse, struct, sys, wave, math


def alaw_to_linear(byte):
    byte ^= 0x55
    sign = byte & 0x80
    exponent = (byte >> 4) & 0x07
    mantissa = byte & 0x0F
    sample = (mantissa << 4) + 8 if exponent == 0 else ((mantissa << 4) + 0x108) << (exponent - 1)
    return sample if sign else -sample


def ulaw_to_linear(byte):
    byte = ~byte & 0xFF
    sign = byte & 0x80
    exponent = (byte >> 4) & 0x07
    mantissa = byte & 0x0F
    sample = ((mantissa << 3) + 0x84) << exponent
    sample -= 0x84
    return -sample if sign else sample


def read_wav(path):
    with wave.open(path, 'rb') as w:
        rate, channels, width = w.getframerate(), w.getnchannels(), w.getsampwidth()
        frames = w.readframes(w.getnframes())
    if width != 2:
        sys.exit(f"{path}: only 16-bit PCM WAV")
    samples = struct.unpack('<%dh' % (len(frames) // 2), frames)
    if channels == 2:
        samples = [(samples[i] + samples[i + 1]) / 2 for i in range(0, len(samples) - 1, 2)]
    if rate != 8000:
        step = rate / 8000
        samples = [samples[int(i * step)] for i in range(int(len(samples) / step))]
    return list(samples)


def read_pcap(path, payload_type):
    data = open(path, 'rb').read()
    magic = struct.unpack('<I', data[:4])[0]
    endian = '<' if magic in (0xa1b2c3d4, 0xa1b23c4d) else '>'
    linktype = struct.unpack(endian + 'I', data[20:24])[0]
    offset, samples = 24, []
    decode = alaw_to_linear if payload_type == 8 else ulaw_to_linear
    while offset + 16 <= len(data):
        _, _, caplen, _ = struct.unpack(endian + 'IIII', data[offset:offset + 16])
        packet = data[offset + 16:offset + 16 + caplen]
        offset += 16 + caplen
        ip = packet[14:] if linktype == 1 else packet
        if not ip or ip[0] >> 4 != 4:
            continue
        header = (ip[0] & 0x0F) * 4
        if ip[9] != 17:
            continue
        rtp = ip[header + 8:]
        if len(rtp) < 12 or rtp[1] & 0x7F != payload_type:
            continue
        skip = 12 + 4 * (rtp[0] & 0x0F)
        samples += [decode(b) for b in rtp[skip:]]
    return samples


def correlation(a, b, max_lag):
    n = min(len(a), len(b))
    best = 0.0
    for lag in range(0, max_lag):
        for x, y in ((a[lag:], b), (a, b[lag:])):
            m = min(len(x), len(y), n)
            if m < 4000:
                continue
            xs, ys = x[:m], y[:m]
            sx = math.sqrt(sum(v * v for v in xs)) or 1
            sy = math.sqrt(sum(v * v for v in ys)) or 1
            best = max(best, sum(p * q for p, q in zip(xs, ys)) / (sx * sy))
    return best


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('recorded')
    parser.add_argument('reference')
    parser.add_argument('--pcap-pt', type=int, default=None)
    parser.add_argument('--min', type=float, default=0.9)
    args = parser.parse_args()
    recorded = read_wav(args.recorded)
    reference = read_pcap(args.reference, args.pcap_pt) if args.pcap_pt is not None else read_wav(args.reference)
    # Both are aligned on their first sound (the session opens before the caller's first packet), then the
    # best lag within 25 ms either way is searched over a 3 s window.
    start = next((i for i, v in enumerate(recorded) if abs(v) > 64), 0)
    origin = next((i for i, v in enumerate(reference) if abs(v) > 64), 0)
    value = correlation(recorded[start:start + 24000], reference[origin:origin + 24000], 200)
    print(f"correlation {value:.3f} over {min(len(recorded) - start, 24000) / 8000:.1f} s "
          f"(recorded {len(recorded) / 8000:.1f} s, reference {len(reference) / 8000:.1f} s)")
    sys.exit(0 if value >= args.min else 1)


main()
