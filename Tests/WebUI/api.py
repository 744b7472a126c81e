#!/usr/bin/env python3
"""The REST API, /metrics, /events and the pages of a running Honeyphone, over HTTP (Tests/WebUI/run.sh).

Standard library only (urllib). Reads HONEYPHONE_WEB_URL, HONEYPHONE_WEB_TOKEN (the bearer token),
HONEYPHONE_WEB_PASSWORD, HONEYPHONE_WEB_PROFILES (the --profiles folder), HONEYPHONE_REPO (the repository, for
the route lists), HONEYPHONE_BIN (for the resource bundle), HONEYPHONE_SIP_HOST/PORT. Expects the traffic of
sip_traffic.py to be in the store. Prints "PASS what" / "FAIL what" (with the request and response that failed)
per check; exits 0 when it ran to its end (the caller counts the FAIL lines).

  (a) access: every API route, /metrics and /events without credentials -> 401 (+ WWW-Authenticate), pages ->
      303 to /login?next=..., /health, /login and /assets public; a wrong bearer token -> 401
  (b) with the token: every API route's status and JSON shape; alerts acknowledged; a profile checked (a bad one
      -> 422 with line/column), saved (201, 409 again), activated and reported by /api/v1/status, and obeyed
      by the next INVITE; block lists as text; /metrics with honeyphone_verdicts_total; /events streaming
  (c) a browser session (POST /login): pages render, and a state-changing POST without the CSRF token -> 403,
      with a foreign Origin -> 403, with the token -> accepted; logout ends the session
"""
import base64
import glob
import json
import os
import random
import re
import socket
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import sip_probe  # Tests/WebUI/sip_probe.py, beside this script

BASE = os.environ.get("HONEYPHONE_WEB_URL", "http://127.0.0.1:28080")
TOKEN = os.environ.get("HONEYPHONE_WEB_TOKEN", "")
PASSWORD = os.environ.get("HONEYPHONE_WEB_PASSWORD", "")
PROFILES = os.environ.get("HONEYPHONE_WEB_PROFILES", "")
REPO = os.environ.get("HONEYPHONE_REPO", os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BIN = os.environ.get("HONEYPHONE_BIN", "")
SIP_HOST = os.environ.get("HONEYPHONE_SIP_HOST", "127.0.0.1")
SIP_PORT = int(os.environ.get("HONEYPHONE_SIP_PORT", "25060"))
SCRIPT_UA = "<script>alert(1)</script>"
IMG_UA = '"><img src=x onerror=alert(2)>'
CALL_PAGES = ("/call", "/call/pcap", "/call/bundle")

results = {"pass": 0, "fail": 0}
missing_headers = []


def check(what, ok, detail=""):
    if ok:
        results["pass"] += 1
        print("PASS " + what)
    else:
        results["fail"] += 1
        print("FAIL " + what)
        for line in str(detail).splitlines()[:12]:
            print("       " + line[:300])
    sys.stdout.flush()
    return bool(ok)


class Response:
    def __init__(self, method, path, status, headers, body):
        self.method, self.path, self.status, self.headers, self.body = method, path, status, headers, body

    @property
    def text(self):
        return self.body.decode("utf-8", "replace")

    def json(self):
        try:
            return json.loads(self.body)
        except ValueError:
            return None

    def header(self, name):
        return self.headers.get(name, "") if self.headers is not None else ""

    def __str__(self):
        return "%s %s -> %s %s: %s" % (self.method, self.path, self.status, self.header("Content-Type"), self.text[:400])


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(urllib.request.ProxyHandler({}), NoRedirect)


def http(method, path, token=None, cookie=None, headers=None, body=None, form=None, timeout=10):
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = "Bearer " + token
    if cookie:
        all_headers["Cookie"] = cookie
    data = None
    if form is not None:
        data = urllib.parse.urlencode(form).encode()
        all_headers["Content-Type"] = "application/x-www-form-urlencoded"
    elif body is not None:
        data = json.dumps(body).encode() if not isinstance(body, (bytes, str)) else (
            body.encode() if isinstance(body, str) else body)
        all_headers.setdefault("Content-Type", "application/json")
    request = urllib.request.Request(BASE + path, data=data, method=method, headers=all_headers)
    try:
        with OPENER.open(request, timeout=timeout) as response:
            result = Response(method, path, response.status, response.headers, response.read())
    except urllib.error.HTTPError as error:
        result = Response(method, path, error.code, error.headers, error.read() if error.fp else b"")
    except (urllib.error.URLError, OSError) as error:
        result = Response(method, path, 0, None, str(error).encode())
    # Every response carries the security headers (errors included).
    if result.status and (
        "default-src 'none'" not in result.header("Content-Security-Policy")
        or result.header("X-Content-Type-Options") != "nosniff"
        or result.header("X-Frame-Options") != "DENY"
    ):
        missing_headers.append("%s %s -> %s" % (method, path, result.status))
    return result


def api(path, **kwargs):
    return http("GET", path, token=TOKEN, **kwargs)


def is_json(response):
    return response.header("Content-Type").startswith("application/json") and response.json() is not None


def missing_keys(value, keys):
    if not isinstance(value, dict):
        return ["(not an object: %r)" % (value,)]
    return [key for key in keys if key not in value]


def shape(what, response, status, keys=(), item_keys=(), nonempty=False):
    """Status, JSON and keys of a response (and of its items, when item_keys)."""
    value = response.json()
    problems = []
    if response.status != status:
        problems.append("status %s, expected %s" % (response.status, status))
    if not is_json(response):
        problems.append("not JSON (%s)" % response.header("Content-Type"))
    else:
        missing = missing_keys(value, keys)
        if missing:
            problems.append("missing keys %s" % missing)
        if item_keys or nonempty:
            items = value.get("items") if isinstance(value, dict) else None
            if not isinstance(items, list):
                problems.append("no items list")
            else:
                if nonempty and not items:
                    problems.append("items is empty")
                for item in items[:5]:
                    missing = missing_keys(item, item_keys)
                    if missing:
                        problems.append("an item misses %s" % missing)
                        break
    check(what, not problems, "; ".join(problems) + "\n" + str(response))
    return value if isinstance(value, dict) else {}


def routes(pattern, files):
    found = set()
    for name in files:
        with open(name, encoding="utf-8") as source:
            for method, path in re.findall(pattern, source.read()):
                found.add((method.upper(), path))
    return found


def sip_invite(user, user_agent, seconds=6):
    """An INVITE; returns the final status code (or None), ACKing it like a caller."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    sock.bind((SIP_HOST, 0))
    port = sock.getsockname()[1]
    call_id = "webui-api-%x" % random.getrandbits(40)
    branch = "z9hG4bK-api-%x" % random.getrandbits(40)
    head = ("Via: SIP/2.0/UDP %s:%d;branch=%s;rport\r\nMax-Forwards: 70\r\nFrom: <sip:api@%s>;tag=a1\r\n"
            "To: <sip:%s@%s>\r\nCall-ID: %s\r\n" % (SIP_HOST, port, branch, SIP_HOST, user, SIP_HOST, call_id))
    sock.sendto(("INVITE sip:%s@%s:%d SIP/2.0\r\n%sCSeq: 1 INVITE\r\nContact: <sip:api@%s:%d>\r\nUser-Agent: %s\r\n"
                 "Content-Length: 0\r\n\r\n" % (user, SIP_HOST, SIP_PORT, head, SIP_HOST, port, user_agent)).encode(),
                (SIP_HOST, SIP_PORT))
    deadline = time.monotonic() + seconds
    final = None
    try:
        while time.monotonic() < deadline:
            sock.settimeout(max(0.05, deadline - time.monotonic()))
            try:
                text = sock.recvfrom(65535)[0].decode("utf-8", "replace")
            except socket.timeout:
                break
            if call_id not in text or not text.startswith("SIP/2.0 "):
                continue
            code = int(text.split()[1])
            if code >= 200:
                final = code
                to = re.search(r"^To: (.*)$", text, re.M)
                if code >= 300:  # ACK of a non-2xx: the INVITE's branch, the response's To
                    sock.sendto(("ACK sip:%s@%s:%d SIP/2.0\r\n%sCSeq: 1 ACK\r\nContent-Length: 0\r\n\r\n"
                                 % (user, SIP_HOST, SIP_PORT,
                                    head.replace("To: <sip:%s@%s>\r\n" % (user, SIP_HOST), "To: %s\r\n" % to.group(1).strip())
                                    if to else head)).encode(), (SIP_HOST, SIP_PORT))
                break
    finally:
        sock.close()
    return final


def sip_options(user_agent):
    sip_probe.send_options(SIP_HOST, SIP_PORT, user_agent, "sse")


# ----------------------------------------------------------------------------------------------------------
def main():
    api_file = os.path.join(REPO, "Sources/WebUI/Routes/WebSite+API.swift")
    api_routes = {(m, "/api/v1" + p) for m, p in routes(r'api\.(get|post)\("([^"]+)"', [api_file])}
    page_files = sorted(glob.glob(os.path.join(REPO, "Sources/WebUI/**/*.swift"), recursive=True))
    page_routes = routes(r'router\.(get|post)\("([^"]+)"', page_files)

    # Values for the routes' parameters, from the traffic of sip_traffic.py.
    received = api("/api/v1/messages?q=script&direction=received&method=INVITE").json() or {}
    invite = (received.get("items") or [{}])[0]
    message_id = invite.get("id", 1)
    call_id = invite.get("callID", "none")
    sent = (api("/api/v1/messages?direction=sent&limit=1").json() or {}).get("items") or [{}]
    sent_id = sent[0].get("id", 2)
    verdicts = api("/api/v1/verdicts?limit=1").json() or {}
    verdict_id = ((verdicts.get("items") or [{}])[0]).get("id", 1)
    values = {"id": str(message_id), "messageID": str(message_id), "name": "busy"}

    def concrete(path):
        if path.startswith("/assets/"):
            return "/assets/app.css"
        if path.startswith("/recordings/"):
            return "/recordings/call-1-caller.wav"
        if path.startswith("/api/v1/verdicts/"):
            return "/api/v1/verdicts/%s" % verdict_id
        return re.sub(r"\{(\w+)\}", lambda m: values.get(m.group(1), "1"), path)

    # The API routes this test knows; a route added to WebSite+API.swift without a test here fails.
    known_api = {
        ("GET", "/api/v1/openapi.json"), ("GET", "/api/v1/status"), ("GET", "/api/v1/registrations"),
        ("GET", "/api/v1/messages"), ("GET", "/api/v1/messages/{id}"), ("GET", "/api/v1/calls"),
        ("GET", "/api/v1/call"), ("GET", "/api/v1/sources"), ("GET", "/api/v1/numbers"),
        ("GET", "/api/v1/user-agents"), ("GET", "/api/v1/verdicts"), ("GET", "/api/v1/verdicts/{id}"),
        ("GET", "/api/v1/investigations/{messageID}"), ("GET", "/api/v1/alerts"),
        ("POST", "/api/v1/alerts/acknowledge"), ("GET", "/api/v1/stats"), ("GET", "/api/v1/profiles"),
        ("GET", "/api/v1/profiles/{name}"), ("POST", "/api/v1/profiles/active"), ("POST", "/api/v1/profiles"),
        ("GET", "/api/v1/blocklist"),
    }
    check("the API routes of WebSite+API.swift were found (%d)" % len(api_routes), len(api_routes) >= 15, api_file)
    check("every API route of WebSite+API.swift is covered by this test", api_routes <= known_api,
          "not covered: %s" % sorted(api_routes - known_api))
    check("every route this test covers still exists", known_api <= api_routes,
          "gone: %s" % sorted(known_api - api_routes))

    # ---- (a) without credentials, and with a wrong token ----------------------------------------------------
    public = {"/health", "/login", "/assets/{name}"}
    machine = {"/metrics", "/events"}
    wrong = []
    for method, path in sorted(api_routes) + [("GET", "/metrics"), ("GET", "/events")]:
        url = concrete(path)
        body = {} if method == "POST" else None
        response = http(method, url, body=body, timeout=5)
        if response.status != 401 or not is_json(response) or "Bearer" not in response.header("WWW-Authenticate"):
            wrong.append(str(response))
    check("without credentials every API route, /metrics and /events answer 401 JSON with WWW-Authenticate "
          "(%d requests)" % (len(api_routes) + 2), not wrong, "\n".join(wrong))
    wrong = []
    for method, path in sorted(api_routes) + [("GET", "/metrics"), ("GET", "/events")]:
        response = http(method, concrete(path), token="not-the-token-" + TOKEN[:8], body={} if method == "POST" else None,
                        timeout=5)
        if response.status != 401:
            wrong.append(str(response))
    check("a wrong bearer token gets 401 on every API route, /metrics and /events", not wrong, "\n".join(wrong))
    response = http("GET", "/api/v1/status", headers={"Authorization": "Basic " + base64.b64encode(b"admin:" + PASSWORD.encode()).decode()})
    check("HTTP Basic with the admin password is not accepted by the API (401)", response.status == 401, response)
    response = http("GET", "/api/v1/status", headers={"Authorization": "Bearer"})
    check("an empty bearer token gets 401", response.status == 401, response)

    wrong = []
    pages = sorted((m, p) for m, p in page_routes if p not in public and p not in machine)
    for method, path in pages:
        url = concrete(path) + ("?id=" + urllib.parse.quote(call_id) if path in CALL_PAGES else "")
        response = http(method, url, form={} if method == "POST" else None, timeout=5)
        location = response.header("Location")
        if response.status != 303 or not location.startswith("/login?next="):
            wrong.append(str(response) + " Location: " + location)
    check("without credentials every page (%d routes, GET and POST) answers 303 to /login?next=…" % len(pages),
          len(pages) >= 20 and not wrong, "\n".join(wrong) or "only %d page routes found" % len(pages))
    response = http("GET", "/traces?q=script")
    check("the login redirect keeps the page asked for (next=/traces?q=script)",
          response.header("Location") == "/login?next=" + urllib.parse.quote("/traces?q=script", safe=""), response)
    response = http("GET", "/health")
    check("/health is public: 200 ok", response.status == 200 and response.text.strip() == "ok", response)
    response = http("GET", "/login")
    check("/login is public: 200 with the password form", response.status == 200 and 'id="password"' in response.text,
          response)
    response = http("GET", "/assets/app.js")
    check("/assets/app.js is public: 200 text/javascript",
          response.status == 200 and "javascript" in response.header("Content-Type"), response)
    response = http("GET", "/assets/..%2F..%2FPackage.swift")
    check("/assets/ does not serve files outside the assets (404)", response.status == 404, response)

    # ---- (b) the API with the token ---------------------------------------------------------------------
    status = shape("GET /api/v1/status: 200 with identity, listening, counters, registrations", api("/api/v1/status"), 200,
                   ["identity", "startedAt", "listening", "received", "sent", "tracesWritten", "registrations",
                    "investigationAnalysed"])
    check("status: identity honeyphone-webui, SIP listening on %s:%d, messages received" % (SIP_HOST, SIP_PORT),
          status.get("identity") == "honeyphone-webui" and "udp %s:%d" % (SIP_HOST, SIP_PORT) in status.get("listening", [])
          and status.get("received", 0) >= 5, json.dumps(status)[:400])
    registrations = shape("GET /api/v1/registrations: 200 with items (aor, state)", api("/api/v1/registrations"), 200,
                          ["items"], ["aor", "state"], nonempty=True)
    check("registrations: the environment's two uri: entries",
          sorted(r.get("aor") for r in registrations.get("items", [])) == ["sip:2001@%s" % SIP_HOST, "sip:2002@%s" % SIP_HOST],
          json.dumps(registrations)[:400])

    message_keys = ["id", "time", "timeNs", "direction", "transport", "local", "remote", "remoteAddress", "kind"]
    messages = shape("GET /api/v1/messages: 200 with a page of messages", api("/api/v1/messages"), 200, ["items"],
                     message_keys, nonempty=True)
    found = shape("GET /api/v1/messages?q=script&direction=received: the hostile User-Agent's requests",
                  api("/api/v1/messages?q=script&direction=received"), 200, ["items"], message_keys, nonempty=True)
    check("messages?q=script: every item received, with the User-Agent %r verbatim" % SCRIPT_UA,
          found.get("items") and all(m.get("userAgent") == SCRIPT_UA and m.get("direction") == "received"
                                     for m in found["items"]), json.dumps(found)[:500])
    first = api("/api/v1/messages?limit=2").json() or {}
    cursor = first.get("next")
    second = api("/api/v1/messages?limit=2&cursor=" + urllib.parse.quote(cursor or "")).json() or {} if cursor else {}
    ids1 = [m.get("id") for m in first.get("items", [])]
    ids2 = [m.get("id") for m in second.get("items", [])]
    check("messages?limit=2 pages: a next cursor, and the next page holds older, different messages",
          len(ids1) == 2 and cursor and len(ids2) == 2 and max(ids2) < min(ids1), "%s %s %s" % (ids1, cursor, ids2))
    response = api("/api/v1/messages?method=INVITE&direction=received")
    check("messages?method=INVITE&direction=received: only received INVITEs (3)",
          response.status == 200 and len((response.json() or {}).get("items", [])) >= 3
          and all(m.get("method") == "INVITE" and m.get("direction") == "received" for m in response.json()["items"]),
          response)

    detail = shape("GET /api/v1/messages/{id}: 200 with message, raw, rawBase64, anomalies, verdict",
                   api("/api/v1/messages/%s" % message_id), 200, ["message", "raw", "rawBase64", "anomalies", "verdict"])
    raw_ok = ("User-Agent: " + SCRIPT_UA) in detail.get("raw", "") and \
        base64.b64decode(detail.get("rawBase64", "")).decode("utf-8", "replace") == detail.get("raw")
    check("messages/{id}: the raw INVITE holds the User-Agent verbatim, rawBase64 decodes to raw", raw_ok,
          json.dumps(detail)[:400])
    check("messages/{id}: the received INVITE has a verdict (winner, belief)",
          isinstance(detail.get("verdict"), dict) and detail["verdict"].get("winner") and "belief" in detail["verdict"],
          json.dumps(detail.get("verdict"))[:300])
    response = api("/api/v1/messages/99999999")
    check("messages/99999999: 404 JSON error", response.status == 404 and "error" in (response.json() or {}), response)
    response = api("/api/v1/messages/abc")
    check("messages/abc: 404 JSON error", response.status == 404 and "error" in (response.json() or {}), response)

    calls = shape("GET /api/v1/calls: 200 with calls", api("/api/v1/calls"), 200, ["items"],
                  ["callID", "started", "startedNs", "source", "messages"], nonempty=True)
    agents = {c.get("userAgent") for c in calls.get("items", [])}
    check("calls: the two hostile User-Agents' calls are listed verbatim", {SCRIPT_UA, IMG_UA} <= agents, agents)
    call = shape("GET /api/v1/call?id=: 200 with callID, messages, recordings",
                 api("/api/v1/call?id=" + urllib.parse.quote(call_id)), 200, ["callID", "messages", "recordings"])
    check("call?id=: every message of the call (INVITE, responses, ACK, BYE) in time order",
          len(call.get("messages", [])) >= 4 and all(m.get("callID") == call_id for m in call["messages"])
          and [m.get("timeNs") for m in call["messages"]] == sorted(m.get("timeNs") for m in call["messages"]),
          json.dumps(call)[:400])
    response = api("/api/v1/call")
    check("call without id: 400 JSON error", response.status == 400 and "error" in (response.json() or {}), response)

    sources = shape("GET /api/v1/sources: 200 with sources", api("/api/v1/sources"), 200, ["items"],
                    ["address", "messages", "firstSeen", "lastSeen", "userAgents", "alerts"], nonempty=True)
    check("sources: %s with its messages and 3 User-Agents" % SIP_HOST,
          any(s.get("address") == SIP_HOST and s.get("messages", 0) >= 5 and s.get("userAgents", 0) >= 3
              for s in sources.get("items", [])), json.dumps(sources)[:400])
    numbers = shape("GET /api/v1/numbers: 200 with called numbers", api("/api/v1/numbers"), 200, ["items"],
                    ["value", "count"], nonempty=True)
    check("numbers: 2001, 2002 and 900441234567 were called",
          {"2001", "2002", "900441234567"} <= {n.get("value") for n in numbers.get("items", [])}, json.dumps(numbers))
    agents = shape("GET /api/v1/user-agents: 200 with User-Agents", api("/api/v1/user-agents"), 200, ["items"],
                   ["value", "count"], nonempty=True)
    check("user-agents: both hostile User-Agents verbatim",
          {SCRIPT_UA, IMG_UA} <= {a.get("value") for a in agents.get("items", [])}, json.dumps(agents))
    response = api("/api/v1/user-agents?limit=1")
    check("user-agents?limit=1: one item", response.status == 200 and len((response.json() or {}).get("items", [])) == 1,
          response)

    verdict_keys = ["id", "time", "timeNs", "source", "sourcePort", "transport", "winner", "winnerBelief", "belief",
                    "alert", "explanation", "attackLabels", "investigation"]
    listed = shape("GET /api/v1/verdicts: 200 with verdicts", api("/api/v1/verdicts"), 200, ["items"], verdict_keys,
                   nonempty=True)
    items = listed.get("items", [])
    check("verdicts: newest first, beliefs sum to 1, the winner is the largest belief",
          items and [v["timeNs"] for v in items] == sorted((v["timeNs"] for v in items), reverse=True)
          and all(abs(sum(v["belief"].values()) - 1) < 1e-6 and v["belief"][v["winner"]] == max(v["belief"].values())
                  for v in items), json.dumps(items[:2])[:400])
    response = api("/api/v1/verdicts?limit=1")
    check("verdicts?limit=1: one item", response.status == 200 and len((response.json() or {}).get("items", [])) == 1,
          response)
    one = shape("GET /api/v1/verdicts/{id}: 200 with that verdict", api("/api/v1/verdicts/%s" % verdict_id), 200,
                verdict_keys)
    check("verdicts/{id}: the id asked for", one.get("id") == verdict_id, json.dumps(one)[:200])
    response = api("/api/v1/verdicts/99999999")
    check("verdicts/99999999: 404 JSON error", response.status == 404 and "error" in (response.json() or {}), response)
    response = api("/api/v1/investigations/%s" % message_id)
    check("GET /api/v1/investigations/{messageID}: 200 with the investigation object",
          response.status == 200 and is_json(response) and isinstance(response.json(), dict) and response.json(),
          response)
    response = api("/api/v1/investigations/99999999")
    check("investigations/99999999: 404 JSON error", response.status == 404 and is_json(response), response)

    stats = shape("GET /api/v1/stats: 200 with range, buckets, series, distribution, status", api("/api/v1/stats"), 200,
                  ["range", "bucketSeconds", "messages", "verdicts", "distribution", "status"])
    counted = sum(sum(b.get("counts", {}).values()) for b in stats.get("messages", []))
    check("stats: range 1h in 60 s buckets; the messages series counts the traffic (INVITE class present)",
          stats.get("range") == "1h" and stats.get("bucketSeconds") == 60 and counted >= 5
          and all("INVITE" in b.get("counts", {}) for b in stats.get("messages", [])), json.dumps(stats)[:400])
    response = api("/api/v1/stats?range=7d")
    check("stats?range=7d: 7200 s buckets", response.status == 200 and (response.json() or {}).get("bucketSeconds") == 7200,
          response)

    # Alerts: list, acknowledge, see it acknowledged.
    alerts = shape("GET /api/v1/alerts: 200 with open alerts", api("/api/v1/alerts"), 200, ["items"],
                   ["source", "verdict", "count", "first", "last", "lastNs", "maximumBelief", "latestVerdictID",
                    "acknowledged"], nonempty=True)
    alert = (alerts.get("items") or [{}])[0]
    check("alerts: open (acknowledged false) by default", alerts.get("items") and not any(
        a.get("acknowledged") for a in alerts["items"]), json.dumps(alerts)[:300])
    note = "webui-ack-%d" % random.randrange(1 << 20)
    response = http("POST", "/api/v1/alerts/acknowledge", token=TOKEN,
                    body={"source": alert.get("source", ""), "verdict": alert.get("verdict", ""),
                          "untilNs": alert.get("lastNs"), "note": note})
    check("POST /api/v1/alerts/acknowledge: 200 {acknowledged: true}",
          response.status == 200 and (response.json() or {}).get("acknowledged") is True, response)
    acked = api("/api/v1/alerts?state=acknowledged").json() or {}
    check("alerts?state=acknowledged: the alert, acknowledged, with its note and time",
          any(a.get("source") == alert.get("source") and a.get("verdict") == alert.get("verdict") and a.get("acknowledged")
              and a.get("note") == note and a.get("acknowledgedAt") for a in acked.get("items", [])), json.dumps(acked)[:400])
    still = api("/api/v1/alerts").json() or {}
    check("alerts (open): the acknowledged alert is gone",
          not any(a.get("source") == alert.get("source") and a.get("verdict") == alert.get("verdict")
                  and a.get("lastNs", 0) <= (alert.get("lastNs") or 0) for a in still.get("items", [])),
          json.dumps(still)[:400])
    response = http("POST", "/api/v1/alerts/acknowledge", token=TOKEN,
                    body={"source": "192.0.2.77", "verdict": "Crafted"})
    check("alerts/acknowledge of an unknown alert: 404 JSON error", response.status == 404 and is_json(response), response)
    response = http("POST", "/api/v1/alerts/acknowledge", token=TOKEN, body='{"source": ')
    check("alerts/acknowledge with malformed JSON: 400", response.status == 400, response)

    # Profiles: list, one, check, save, activate.
    profiles = shape("GET /api/v1/profiles: 200 with the built-in profiles", api("/api/v1/profiles"), 200, ["items"],
                     ["name", "source", "states", "active", "hasEnvironment"], nonempty=True)
    check("profiles: busy, voicemail and fig4-phone are listed",
          {"busy", "voicemail", "fig4-phone"} <= {p.get("name") for p in profiles.get("items", [])}, json.dumps(profiles)[:300])
    busy = shape("GET /api/v1/profiles/busy: 200 with summary, behaviour, states, transitions",
                 api("/api/v1/profiles/busy"), 200, ["summary", "behaviour", "initialState", "states", "transitions"])
    check("profiles/busy: states Idle and Ringing, initial Idle, transitions with from/to/label",
          busy.get("initialState") == "Idle" and set(busy.get("states", [])) == {"Idle", "Ringing"}
          and busy.get("transitions") and not missing_keys(busy["transitions"][0], ["from", "to", "label"]),
          json.dumps(busy)[:400])
    for bad in ["nosuch", "..%2Fetc", "%2Fetc%2Fpasswd"]:
        response = api("/api/v1/profiles/" + bad)
        check("profiles/%s: 404 JSON error" % bad, response.status == 404 and is_json(response), response)

    name = "webui-api-%d" % random.randrange(1 << 20)
    broken = "# broken on line 4\nMode : Deterministic\nIdle {\n  INVITE/OpNoSuchOperator(,\n}\n"
    response = http("POST", "/api/v1/profiles", token=TOKEN, body={"name": name, "behaviour": broken, "save": False})
    result = response.json() or {}
    problems = result.get("problems") or [{}]
    check("POST /api/v1/profiles (check) of a broken profile: 422, ok false, problems with part, line 4 and a column",
          response.status == 422 and result.get("ok") is False and problems[0].get("part") == "behaviour"
          and problems[0].get("line") == 4 and isinstance(problems[0].get("column"), int), response)
    response = http("POST", "/api/v1/profiles", token=TOKEN, body={"name": name, "behaviour": broken})
    check("POST /api/v1/profiles (save) of a broken profile: 422, and nothing is written",
          response.status == 422 and not os.path.exists(os.path.join(PROFILES, name + ".profile")), response)
    response = http("POST", "/api/v1/profiles", token=TOKEN,
                    body={"name": name, "behaviour": "Mode : Deterministic\nIdle {\n  INVITE/OpRing,\n}\n",
                          "environment": "listen: nonsense here\n", "save": False})
    result = response.json() or {}
    check("POST /api/v1/profiles (check) with a broken environment part: 422 with a problem in part environment",
          response.status == 422 and any(p.get("part") == "environment" for p in result.get("problems", [])), response)
    decline = ("# Tests/WebUI: declines every call after a short ring. <b>not bold</b>\n"
               "Mode : Deterministic\nIdle {\n  INVITE/OpInvestigate,\n  INVITE/OpRing,\n}\n"
               "Ringing {\n  entry/OpStartTimer(decline, 0.2),\n  decline/OpReject(603, \"Decline\"),\n}\n")
    response = http("POST", "/api/v1/profiles", token=TOKEN, body={"name": name, "behaviour": decline, "save": False})
    check("POST /api/v1/profiles (check, save false) of a valid profile: 200 ok true, no problem, nothing written",
          response.status == 200 and (response.json() or {}).get("ok") is True and not (response.json() or {}).get("problems")
          and not os.path.exists(os.path.join(PROFILES, name + ".profile")), response)
    response = http("POST", "/api/v1/profiles", token=TOKEN, body={"name": name, "behaviour": decline})
    path = (response.json() or {}).get("path") or ""
    written = open(path, encoding="utf-8").read() if path and os.path.isfile(path) else None
    check("POST /api/v1/profiles (save): 201 with the path of PROFILES/%s.profile, holding the text sent" % name,
          response.status == 201 and os.path.realpath(path) == os.path.realpath(os.path.join(PROFILES, name + ".profile"))
          and written == decline, response)
    response = http("POST", "/api/v1/profiles", token=TOKEN, body={"name": name, "behaviour": decline})
    check("POST /api/v1/profiles again with the same name: 409 (never overwritten)", response.status == 409, response)
    response = http("POST", "/api/v1/profiles", token=TOKEN, body={"name": "busy", "behaviour": decline})
    check("POST /api/v1/profiles with a built-in profile's name: 409", response.status == 409, response)
    for bad in ["../escape", "/tmp/x", ".hidden", ""]:
        response = http("POST", "/api/v1/profiles", token=TOKEN, body={"name": bad, "behaviour": decline})
        check("POST /api/v1/profiles with the name %r: 422 (part name), nothing written outside" % bad,
              response.status == 422 and any(p.get("part") == "name" for p in (response.json() or {}).get("problems", []))
              and not os.path.exists(os.path.join(PROFILES, "..", "escape.profile")), response)
    response = api("/api/v1/profiles/" + name)
    check("GET /api/v1/profiles/%s: the saved profile's text and its 2 states" % name,
          response.status == 200 and (response.json() or {}).get("behaviour") == decline
          and set((response.json() or {}).get("states", [])) == {"Idle", "Ringing"}, response)

    response = http("POST", "/api/v1/profiles/active", token=TOKEN, body={"name": name})
    check("POST /api/v1/profiles/active {name}: 200 ok with a summary",
          response.status == 200 and (response.json() or {}).get("ok") is True and (response.json() or {}).get("summary"),
          response)
    status = api("/api/v1/status").json() or {}
    check("GET /api/v1/status reports the active profile %s" % name, status.get("activeProfile") == name,
          json.dumps(status)[:400])
    listed = api("/api/v1/profiles").json() or {}
    active = [p.get("name") for p in listed.get("items", []) if p.get("active")]
    check("GET /api/v1/profiles marks exactly that profile active", active == [name], active)
    code = sip_invite("2001", "webui-profile-probe/1.0")
    check("the next INVITE is answered by the active profile: 603 Decline", code == 603, "final status %s" % code)
    for bad, codes in [("nosuch-profile", (404, 422)), ("../etc/passwd", (404, 422))]:
        response = http("POST", "/api/v1/profiles/active", token=TOKEN, body={"name": bad})
        check("POST /api/v1/profiles/active {name: %r}: %s with ok false, the active profile unchanged" % (bad, "/".join(map(str, codes))),
              response.status in codes and (response.json() or {}).get("ok") in (False, None)
              and (api("/api/v1/status").json() or {}).get("activeProfile") == name, response)

    # Block lists: text in three formats.
    for fmt in ["plain", "nftables", "ipset"]:
        response = api("/api/v1/blocklist?format=%s&min_belief=0.5" % fmt)
        ok = response.status == 200 and response.header("Content-Type").startswith("text/plain")
        if ok and fmt == "plain":
            lines = [l for l in response.text.splitlines() if l.strip() and not l.startswith("#")]
            ok = not any(l.startswith("127.") for l in lines)
        check("GET /api/v1/blocklist?format=%s: 200 text/plain (loopback never listed)" % fmt, ok, response)
    response = api("/api/v1/blocklist")
    check("GET /api/v1/blocklist (default plain): 200 text/plain",
          response.status == 200 and response.header("Content-Type").startswith("text/plain"), response)
    response = api("/api/v1/blocklist?format=iptables")
    check("GET /api/v1/blocklist?format=iptables: 400", response.status == 400, response)
    response = api("/api/v1/blocklist?min_belief=2")
    check("GET /api/v1/blocklist?min_belief=2: 400", response.status == 400, response)
    response = api("/exports/blocklist?format=nftables")
    check("GET /exports/blocklist?format=nftables (page route, token): 200 text/plain download",
          response.status == 200 and response.header("Content-Type").startswith("text/plain")
          and "attachment" in response.header("Content-Disposition"), response)

    # The OpenAPI document: served as the resource bundle has it.
    bundled = os.path.join(os.path.dirname(BIN), "honeyphone_WebUI.resources", "Assets", "openapi.json") if BIN else ""
    response = api("/api/v1/openapi.json")
    if bundled and os.path.isfile(bundled):
        with open(bundled, encoding="utf-8") as handle:
            expected = json.load(handle)
        document = response.json() or {}
        check("GET /api/v1/openapi.json: 200 JSON, the bundled document (openapi %s, %d paths)"
              % (document.get("openapi"), len(document.get("paths", {}))),
              response.status == 200 and is_json(response) and document == expected, response)
    else:
        print("note: the binary's resource bundle has no Assets/openapi.json: GET /api/v1/openapi.json gave %s; "
              "not checked" % response.status)

    # ---- /metrics and /events ---------------------------------------------------------------------------
    events = None
    try:
        request = urllib.request.Request(BASE + "/events", headers={"Authorization": "Bearer " + TOKEN})
        events = OPENER.open(request, timeout=8)
    except (urllib.error.URLError, OSError) as error:
        check("GET /events: 200 text/event-stream", False, error)
    if events is not None:
        check("GET /events: 200 text/event-stream",
              events.status == 200 and events.headers.get("Content-Type", "").startswith("text/event-stream"),
              events.headers)
        probe = "webui-sse-probe/%d" % random.randrange(1 << 20)
        sip_options(probe)
        seen = {"status": None, "verdict": None}
        deadline = time.monotonic() + 8
        event_name, lines = None, []
        try:
            while time.monotonic() < deadline and not (seen["status"] and seen["verdict"]):
                line = events.readline().decode("utf-8", "replace").rstrip("\n")
                if line.startswith("event: "):
                    event_name = line[7:]
                elif line.startswith("data: "):
                    data = json.loads(line[6:])
                    if event_name == "status":
                        seen["status"] = data
                    elif event_name == "verdict" and data.get("userAgent") == probe:
                        seen["verdict"] = data
                elif line == "":
                    event_name = None
        except (OSError, ValueError) as error:
            lines.append(str(error))
        finally:
            events.close()
        check("/events: an `event: status` with the live status within 8 s",
              isinstance(seen["status"], dict) and "received" in seen["status"], seen["status"] or lines)
        check("/events: an `event: verdict` for a new OPTIONS (its User-Agent, method, verdict, belief) within 8 s",
              isinstance(seen["verdict"], dict) and seen["verdict"].get("method") == "OPTIONS"
              and seen["verdict"].get("verdict") and "belief" in seen["verdict"],
              "no verdict event for User-Agent %s arrived (the verdicts API has it: %s)" % (
                  probe, any(probe in json.dumps(v) for v in (api("/api/v1/messages?q=" + urllib.parse.quote(probe)).json() or {}).get("items", []))))

    response = api("/metrics")
    check("GET /metrics: 200 text/plain; version=0.0.4",
          response.status == 200 and response.header("Content-Type").startswith("text/plain; version=0.0.4"), response)
    received_metric = re.search(r"^honeyphone_messages_received ([0-9.e+]+)$", response.text, re.M)
    check("/metrics: honeyphone_messages_received counts the traffic (>= 5)",
          received_metric and float(received_metric.group(1)) >= 5, response.text[:300])
    verdict_lines = re.findall(r'^honeyphone_verdicts_total\{verdict="(\w+)"\} ([0-9.e+]+)$', response.text, re.M)
    check("/metrics: honeyphone_verdicts_total{verdict=…} after traffic (sum >= 5)",
          verdict_lines and sum(float(v) for _, v in verdict_lines) >= 5,
          "verdicts_total lines: %s; the verdicts API holds %d verdicts; the requests_total lines: %s" % (
              verdict_lines, len((api("/api/v1/verdicts?limit=500").json() or {}).get("items", [])),
              re.findall(r"^honeyphone_requests_total.*$", response.text, re.M)))
    requests_lines = re.findall(r'^honeyphone_requests_total\{method="(\w+)"\} ([0-9.e+]+)$', response.text, re.M)
    check("/metrics: honeyphone_requests_total{method=INVITE} counts the INVITEs (>= 3)",
          any(m == "INVITE" and float(v) >= 3 for m, v in requests_lines), requests_lines)
    states = re.findall(r'^honeyphone_registration_state\{aor_index="(\d+)",state="([\w-]+)"\} ([0-9.]+)$', response.text, re.M)
    per_aor = {}
    for index, state, value in states:
        per_aor[index] = per_aor.get(index, 0) + float(value)
    check("/metrics: honeyphone_registration_state has exactly one state at 1 per URI (2 URIs)",
          sorted(per_aor) == ["0", "1"] and all(v == 1 for v in per_aor.values()),
          "sum per aor_index: %s; /api/v1/registrations states: %s" % (
              per_aor, [r.get("state") for r in (api("/api/v1/registrations").json() or {}).get("items", [])]))

    # ---- (c) a browser session: login, pages, CSRF and Origin -----------------------------------------------
    response = http("POST", "/login", form={"password": "wrong-" + PASSWORD, "next": "/"})
    check("POST /login with a wrong password: 401, the login page with the error, no cookie",
          response.status == 401 and 'id="login-error"' in response.text and not response.header("Set-Cookie"), response)
    response = http("POST", "/login", form={"password": PASSWORD, "next": "//evil.example/x"})
    check("POST /login with next=//evil.example/x: 303 to a local path only",
          response.status == 303 and response.header("Location").startswith("/")
          and not response.header("Location").startswith("//"), str(response) + " Location: " + response.header("Location"))
    response = http("POST", "/login", form={"password": PASSWORD, "next": "/alerts"})
    set_cookie = response.header("Set-Cookie")
    check("POST /login with the password: 303 to next=/alerts, a session cookie HttpOnly; SameSite=Strict",
          response.status == 303 and response.header("Location") == "/alerts" and set_cookie.startswith("hp_session=")
          and "HttpOnly" in set_cookie and "SameSite=Strict" in set_cookie, str(response) + " " + set_cookie)
    cookie = set_cookie.split(";", 1)[0]

    page = http("GET", "/", cookie=cookie)
    csrf_match = re.search(r'name="csrf" value="([^"]+)"', page.text)
    csrf = csrf_match.group(1) if csrf_match else ""
    check("GET / with the session: 200 dashboard with a CSRF token in its forms",
          page.status == 200 and 'id="live-feed"' in page.text and len(csrf) >= 16, page)

    # Every GET page renders with the session; attacker text is escaped in all of them.
    wrong = []
    escaped = []
    downloads = {"/traces/pcap": "application/vnd.tcpdump.pcap", "/messages/{id}/pcap": "application/vnd.tcpdump.pcap",
                 "/call/pcap": "application/vnd.tcpdump.pcap", "/call/bundle": "application/x-tar",
                 "/exports/blocklist": "text/plain", "/dashboard/panels": "text/html"}
    expected_status = {"/recordings/{name}": 404}
    for method, path in pages:
        if method != "GET":
            continue
        url = concrete(path)
        if path in CALL_PAGES:
            url += "?id=" + urllib.parse.quote(call_id)
        elif path == "/routes":
            url += "?message=%s" % message_id
        response = http("GET", url, cookie=cookie)
        want = expected_status.get(path, 200)
        kind = downloads.get(path, "text/html")
        if response.status != want or (want == 200 and not response.header("Content-Type").startswith(kind)):
            wrong.append("%s (expected %s %s)" % (response, want, kind))
        if kind == "text/html" and ("<script>alert(" in response.text or "<img src=x" in response.text):
            escaped.append(url)
    check("with the session every GET page renders: 200 HTML, the pcap/tar/text downloads their types "
          "(%d routes)" % len([p for p in pages if p[0] == "GET"]), not wrong, "\n".join(wrong))
    check("no page carries the hostile User-Agents unescaped", not escaped, escaped)
    message_page = http("GET", "/messages/%s" % message_id, cookie=cookie).text
    check("the message page shows the User-Agent escaped (&lt;script&gt;alert(1)&lt;/script&gt;)",
          "&lt;script&gt;alert(1)&lt;/script&gt;" in message_page and "<script>alert(1)" not in message_page,
          message_page[:300])
    dashboard = http("GET", "/", cookie=cookie).text
    check("the dashboard shows the attribute breakout escaped (&quot;&gt;&lt;img src=x onerror=alert(2)&gt;)",
          "&quot;&gt;&lt;img src=x onerror=alert(2)&gt;" in dashboard and '"><img' not in dashboard, dashboard[:200])
    response = http("GET", "/messages/%s" % sent_id, cookie=cookie)
    check("a sent message's page: 200 with 'No verdict'", response.status == 200 and "No verdict" in response.text,
          response)
    response = http("GET", "/messages/99999999", cookie=cookie)
    check("a missing message's page: 404 HTML", response.status == 404 and "No such message" in response.text, response)

    # CSRF: JSON API with the session cookie.
    target = {"name": "busy"}
    response = http("POST", "/api/v1/profiles/active", cookie=cookie, body=target)
    check("session POST /api/v1/profiles/active without X-CSRF-Token: 403", response.status == 403, response)
    response = http("POST", "/api/v1/profiles/active", cookie=cookie, body=target, headers={"X-CSRF-Token": "x" * 43})
    check("session POST /api/v1/profiles/active with a wrong X-CSRF-Token: 403", response.status == 403, response)
    response = http("POST", "/api/v1/profiles/active", cookie=cookie, body=target,
                    headers={"X-CSRF-Token": csrf, "Origin": "http://evil.example"})
    check("session POST /api/v1/profiles/active with the token but Origin: http://evil.example: 403",
          response.status == 403, response)
    response = http("POST", "/api/v1/profiles/active", token=TOKEN, body=target, headers={"Origin": "http://evil.example"})
    check("token POST /api/v1/profiles/active with Origin: http://evil.example: 403", response.status == 403, response)
    check("…and the active profile is still %s" % name, (api("/api/v1/status").json() or {}).get("activeProfile") == name,
          "")
    response = http("POST", "/api/v1/alerts/acknowledge", cookie=cookie, body={"source": SIP_HOST, "verdict": "Suspicious"})
    check("session POST /api/v1/alerts/acknowledge without X-CSRF-Token: 403", response.status == 403, response)
    response = http("POST", "/api/v1/profiles", cookie=cookie, body={"name": name + "-x", "behaviour": decline})
    check("session POST /api/v1/profiles without X-CSRF-Token: 403, nothing written",
          response.status == 403 and not os.path.exists(os.path.join(PROFILES, name + "-x.profile")), response)
    response = http("POST", "/api/v1/profiles/active", cookie=cookie, body=target,
                    headers={"X-CSRF-Token": csrf, "Origin": BASE})
    check("session POST /api/v1/profiles/active with X-CSRF-Token and its own Origin: 200",
          response.status == 200 and (response.json() or {}).get("ok") is True, response)
    check("…and /api/v1/status reports busy", (api("/api/v1/status").json() or {}).get("activeProfile") == "busy", "")
    # CSRF: HTML forms.
    for path, form in [("/profiles/activate", {"name": name}), ("/alerts/ack", {"source": SIP_HOST, "verdict": "Suspicious"}),
                       ("/profiles/new", {"name": name + "-y", "behaviour": decline, "action": "save"}), ("/logout", {})]:
        response = http("POST", path, cookie=cookie, form=form)
        check("session form POST %s without the csrf field: 403" % path, response.status == 403, response)
        response = http("POST", path, cookie=cookie, form=dict(form, csrf=csrf), headers={"Origin": "http://evil.example"})
        check("session form POST %s with csrf but Origin: http://evil.example: 403" % path, response.status == 403, response)
    check("…nothing was written by the refused forms", not os.path.exists(os.path.join(PROFILES, name + "-y.profile")), "")
    response = http("POST", "/profiles/activate", cookie=cookie, form={"name": name, "csrf": csrf})
    check("session form POST /profiles/activate with the csrf field: 303 to /profiles?activated=%s" % name,
          response.status == 303 and response.header("Location") == "/profiles?activated=" + name,
          str(response) + " Location: " + response.header("Location"))
    response = http("POST", "/alerts/ack", cookie=cookie, form={"csrf": csrf, "source": SIP_HOST, "verdict": "Crafted",
                                                                 "note": "form-ack"})
    check("session form POST /alerts/ack with the csrf field: 303 to /alerts",
          response.status == 303 and response.header("Location") == "/alerts", response)
    form_name = name + "-form"
    response = http("POST", "/profiles/new", cookie=cookie,
                    form={"csrf": csrf, "name": form_name, "behaviour": broken, "environment": "", "action": "check"})
    check("session form POST /profiles/new (check) of a broken profile: 422 page with #problems naming line 4",
          response.status == 422 and 'id="problems"' in response.text and "line 4" in response.text, response)
    response = http("POST", "/profiles/new", cookie=cookie,
                    form={"csrf": csrf, "name": form_name, "behaviour": decline, "environment": "", "action": "check"})
    check("session form POST /profiles/new (check) of a valid profile: 200 page with #checked",
          response.status == 200 and 'id="checked"' in response.text and 'id="problems"' not in response.text, response)
    response = http("POST", "/profiles/new", cookie=cookie,
                    form={"csrf": csrf, "name": form_name, "behaviour": decline, "environment": "", "action": "save"})
    check("session form POST /profiles/new (save): 303 to /profiles/%s, the file written" % form_name,
          response.status == 303 and response.header("Location") == "/profiles/" + form_name
          and os.path.isfile(os.path.join(PROFILES, form_name + ".profile")),
          str(response) + " Location: " + response.header("Location"))
    policy = http("GET", "/login").header("Referrer-Policy")
    if policy == "no-referrer":  # then browsers send "Origin: null" with every form POST (Fetch: request origin)
        response = http("POST", "/profiles/activate", cookie=cookie, form={"name": name, "csrf": csrf},
                        headers={"Origin": "null"})
        check("pages say Referrer-Policy: no-referrer, so browsers send Origin: null on form POSTs: such a POST with "
              "the csrf field is accepted (303)", response.status == 303, response)
    else:
        print("note: Referrer-Policy %r: browsers send their origin on same-origin form POSTs" % policy)
    response = http("POST", "/logout", cookie=cookie, form={"csrf": csrf})
    check("session POST /logout with the csrf field: 303 to /login, the cookie cleared",
          response.status == 303 and response.header("Location") == "/login" and "Max-Age=0" in response.header("Set-Cookie"),
          response)
    response = http("GET", "/", cookie=cookie)
    check("after logout the old session cookie is refused (303 to /login)",
          response.status == 303 and response.header("Location").startswith("/login"), response)
    response = http("POST", "/api/v1/profiles/active", cookie=cookie, body=target, headers={"X-CSRF-Token": csrf})
    check("after logout the old session cookie gets 401 on the API", response.status == 401, response)

    check("every response carried the security headers (CSP default-src 'none', nosniff, X-Frame-Options DENY)",
          not missing_headers, "\n".join(missing_headers))
    print("api.py: %d passed, %d failed" % (results["pass"], results["fail"]))
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception:  # a crash is a failed check, with where it happened; the checks after it did not run
        import traceback
        check("api.py ran without an exception", False, "\n".join(traceback.format_exc().splitlines()[-12:]))
        sys.exit(1)
