#!/usr/bin/env python3
"""The administrator interface in a real browser: headless Chromium driven by selenium (Tests/WebUI/run.sh).

    browser.py --screenshots DIR [--docs DIR]

Reads HONEYPHONE_WEB_URL, HONEYPHONE_WEB_PASSWORD, HONEYPHONE_SIP_HOST/PORT, HONEYPHONE_WEB_WORK (browser profile
and driver log). Expects the traffic of sip_traffic.py in the store. Prints "PASS what" / "FAIL what" per check;
exits 0 when it ran to its end (the caller counts the FAIL lines).

  - the detectors first prove they can fail: a page with a raw <script>alert()</script> raises an alert that is
    caught, a raw <img onerror> is found in the DOM
  - login: a wrong password shows #login-error; the right one opens the dashboard
  - a real `svmap` scan while the dashboard is open: within 15 s, without a reload, the scanner's User-Agent
    (friendly-scanner) appears (the #live-feed rows come by server-sent events, the panels refresh)
  - the hostile User-Agents (<script>…, "><img onerror…>) are shown as text on the traces, message and dashboard
    pages: no alert fires, no element with onerror exists, no inline script
  - profiles: one activated by its button, one written through /profiles/new (problems with a line number first)
  - a screenshot of each page, 1400 px wide, the full page up to 2000 px high; dashboard and message also to --docs
"""
import argparse
import os
import random
import shutil
import socket
import struct
import subprocess
import sys
import time
import urllib.parse

from selenium import webdriver
from selenium.common.exceptions import (NoAlertPresentException, NoSuchElementException,
                                        StaleElementReferenceException, UnexpectedAlertPresentException,
                                        WebDriverException)
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

import sip_probe  # Tests/WebUI/sip_probe.py, beside this script

BASE = os.environ.get("HONEYPHONE_WEB_URL", "http://127.0.0.1:28080")
PASSWORD = os.environ.get("HONEYPHONE_WEB_PASSWORD", "")
SIP_HOST = os.environ.get("HONEYPHONE_SIP_HOST", "127.0.0.1")
SIP_PORT = int(os.environ.get("HONEYPHONE_SIP_PORT", "25060"))
WORK = os.environ.get("HONEYPHONE_WEB_WORK", "/tmp")
SCRIPT_UA = "<script>alert(1)</script>"
IMG_UA = '"><img src=x onerror=alert(2)>'
LIVE_UA = "<img src=x onerror=alert(4)>"
WIDTH, MAX_HEIGHT = 1400, 2000

results = {"pass": 0, "fail": 0}
driver = None


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


def wait_until(condition, seconds, interval=0.25):
    """Polls condition() until it returns a true value or seconds pass; returns the last value."""
    deadline = time.monotonic() + seconds
    value = None
    while True:
        try:
            value = condition()
        except (WebDriverException, ValueError):
            value = None
        if value or time.monotonic() >= deadline:
            return value
        time.sleep(interval)


def pending_alert():
    """The text of an open alert/confirm/prompt (accepted so the session goes on), or None."""
    try:
        alert = driver.switch_to.alert
        text = alert.text
        alert.accept()
        return text if text is not None else ""
    except NoAlertPresentException:
        return None


def get(path):
    try:
        driver.get(BASE + path if path.startswith("/") else path)
    except UnexpectedAlertPresentException as error:
        return "alert: %s" % error.alert_text
    return None


def click_and_load(element, seconds=10):
    """Clicks a link or submit button and waits (bounded) until the next page has loaded."""
    old = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def loaded():
        try:
            old.tag_name
            return False
        except StaleElementReferenceException:
            return driver.execute_script("return document.readyState") == "complete"

    return wait_until(loaded, seconds, 0.1)


def page_name():
    try:
        return driver.execute_script("return document.body ? document.body.dataset.page || '' : ''")
    except WebDriverException:
        return ""


def text_of(selector):
    try:
        return driver.find_element(By.CSS_SELECTOR, selector).text
    except NoSuchElementException:
        return None


def dom_injections():
    """Elements an injection would make: event handler attributes, inline scripts, the payloads' <img src=x>."""
    return driver.execute_script("""
        const found = [];
        for (const element of document.querySelectorAll('*')) {
          for (const attribute of element.attributes) {
            if (attribute.name.startsWith('on')) found.push(element.tagName + '[' + attribute.name + ']');
          }
        }
        for (const script of document.scripts) {
          if (!script.src || !script.src.startsWith(location.origin + '/assets/')) found.push('script ' + (script.src || script.text.slice(0, 40)));
        }
        for (const image of document.querySelectorAll('img')) {
          if (image.getAttribute('src') === 'x') found.push('img src=x');
        }
        return found;
    """)


def no_injection(page):
    """One check: no alert fired, no injected element, on the current page."""
    alert = pending_alert()
    injected = dom_injections() if alert is None else ["(alert open)"]
    recorded = driver.execute_script("return window.__alerts || []") if alert is None else []
    return check("%s: no alert fired, no element with an on* attribute, no inline or foreign script" % page,
                 alert is None and not injected and not recorded,
                 "alert: %r; injected: %s; alerts recorded: %s" % (alert, injected, recorded))


def png_size(data):
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return None
    return struct.unpack(">II", data[16:24])


def shot(name, directory, docs=None):
    """Screenshot of the whole page (up to MAX_HEIGHT) at WIDTH px; checks its size; copies it to docs."""
    try:
        height = driver.execute_script(
            "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)")
        height = max(600, min(int(height), MAX_HEIGHT))
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": WIDTH, "height": height, "deviceScaleFactor": 1, "mobile": False})
        time.sleep(0.3)
        data = driver.get_screenshot_as_png()
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    except WebDriverException as error:
        check("screenshot %s.png" % name, False, error)
        return
    path = os.path.join(directory, name + ".png")
    with open(path, "wb") as handle:
        handle.write(data)
    size = png_size(data)
    copied = ""
    if docs:
        os.makedirs(docs, exist_ok=True)
        shutil.copyfile(path, os.path.join(docs, name + ".png"))
        copied = ", copied to " + os.path.join(docs, name + ".png")
    check("screenshot %s.png (%s px%s)" % (name, "x".join(map(str, size or ())), copied),
          size and size[0] == WIDTH and 600 <= size[1] <= MAX_HEIGHT, "size %s" % (size,))


def send_options(user_agent):
    sip_probe.send_options(SIP_HOST, SIP_PORT, user_agent, "browser")


def body_text():
    try:
        return driver.find_element(By.TAG_NAME, "body").text[:200]
    except WebDriverException:
        return ""


def set_value(selector, value):
    element = driver.find_element(By.CSS_SELECTOR, selector)
    driver.execute_script("arguments[0].value = arguments[1];", element, value)


def start_browser():
    options = webdriver.ChromeOptions()
    if os.path.exists("/usr/bin/chromium"):
        options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--window-size=%d,1000" % WIDTH, "--no-first-run", "--no-default-browser-check",
                     "--disable-extensions", "--disable-background-networking", "--disable-sync",
                     "--disable-component-update", "--disable-default-apps", "--hide-scrollbars",
                     "--no-proxy-server", "--user-data-dir=" + os.path.join(WORK, "chromium-profile")]:
        options.add_argument(argument)
    options.set_capability("unhandledPromptBehavior", "ignore")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service("/usr/bin/chromedriver", log_output=os.path.join(WORK, "chromedriver.log"))
    browser = webdriver.Chrome(service=service, options=options)
    browser.set_page_load_timeout(20)
    browser.set_script_timeout(10)
    # Records every alert() a page calls (and still shows it), from before any script of the page runs.
    browser.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": """
        window.__alerts = [];
        for (const name of ['alert', 'confirm', 'prompt']) {
          const original = window[name].bind(window);
          window[name] = function (message) { window.__alerts.push(name + ':' + String(message)); return original(message); };
        }
    """})
    return browser


def console_errors():
    """SEVERE browser log entries: script errors, CSP violations, failed subresources (scripts, styles, the panels,
    the event stream). A page's own status (401 of a wrong login, 422 of a form with problems) is checked elsewhere."""
    try:
        entries = driver.get_log("browser")
    except WebDriverException:
        return []
    errors = []
    for entry in entries:
        message = entry.get("message", "")
        if entry.get("level") != "SEVERE" or "favicon.ico" in message:
            continue
        if "Failed to load resource" in message:
            path = urllib.parse.urlsplit(message.split(" ", 1)[0]).path
            if not (path.startswith("/assets/") or path in ("/dashboard/panels", "/events")):
                continue
        errors.append(message)
    return errors


# ----------------------------------------------------------------------------------------------------------
def run(shots, docs):
    errors = []

    # The detectors can fail: a raw <script> alert and a raw <img onerror> are caught.
    get("data:text/html,<title>self-test</title><p id=x>&lt;b&gt;</p><script>alert('self-test')</script>")
    caught = pending_alert()
    check("self-test: a raw <script>alert()</script> fires an alert the checks catch", caught == "self-test", caught)
    get("data:text/html,<img src=x onerror=\"document.title='pwned'\"><script>window.__x=1</script>")
    injected = wait_until(dom_injections, 3)
    check("self-test: a raw <img src=x onerror> and an inline script are found in the DOM",
          injected and "IMG[onerror]" in injected and any(i.startswith("script") for i in injected), injected)
    console_errors()  # the self-test pages' messages are not the site's

    # Login.
    get("/")
    check("an anonymous visit to / lands on /login?next=%2F", "/login?next=%2F" in driver.current_url, driver.current_url)
    shot("login", shots)
    driver.find_element(By.ID, "password").send_keys("wrong-" + PASSWORD)
    click_and_load(driver.find_element(By.ID, "login-button"))
    error = text_of("#login-error")
    check("a wrong password shows #login-error (%r)" % error, error and "Wrong password" in error, driver.page_source[:300])
    shot("login-error", shots)
    console_errors()  # the 401 of the wrong password is expected
    driver.find_element(By.ID, "password").send_keys(PASSWORD)
    click_and_load(driver.find_element(By.ID, "login-button"))
    on_dashboard = page_name() == "dashboard"
    check("the right password opens the dashboard (%s)" % driver.current_url,
          on_dashboard and urllib.parse.urlsplit(driver.current_url).path == "/", driver.current_url)

    # The dashboard during a real scan.
    agents = text_of("#top-agents") or ""
    check("dashboard: #top-agents lists both hostile User-Agents as text", SCRIPT_UA in agents and IMG_UA in agents, agents)
    feed = text_of("#live-feed") or ""
    check("dashboard: #live-feed lists the recent requests, hostile User-Agents as text", SCRIPT_UA in feed and IMG_UA in feed,
          feed[:300])
    no_injection("dashboard")
    page_text = driver.find_element(By.TAG_NAME, "body").text
    check("dashboard before the scan: no friendly-scanner yet (so the next check can fail)",
          "friendly-scanner" not in page_text, page_text[:200])
    live = wait_until(lambda: "on" in (driver.find_element(By.ID, "live-state").get_attribute("class") or "").split(), 8)
    check("dashboard: the live stream is connected (#live-state on)", live,
          driver.find_element(By.ID, "live-state").get_attribute("outerHTML"))
    marker = "no-reload-%d" % random.randrange(1 << 30)
    driver.execute_script("window.__marker = arguments[0];", marker)
    rows_before = driver.execute_script("return document.querySelectorAll('#live-feed tbody tr').length")
    started = time.monotonic()
    scan = subprocess.run(["timeout", "30", "svmap", "-b", SIP_HOST, "-x", SIP_HOST, "-p", str(SIP_PORT), SIP_HOST],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=40)
    scan_text = scan.stdout.decode("utf-8", "replace")
    check("svmap -p %d %s finds the honeypot (%.1f s)" % (SIP_PORT, SIP_HOST, time.monotonic() - started),
          scan.returncode == 0 and "%s:%d" % (SIP_HOST, SIP_PORT) in scan_text, scan_text)
    send_options(LIVE_UA)

    def scanner_shown():
        return ("friendly-scanner" in (text_of("#top-agents") or "")) or ("friendly-scanner" in (text_of("#live-feed") or ""))

    shown = wait_until(scanner_shown, max(1, 15 - (time.monotonic() - started)))
    elapsed = time.monotonic() - started
    same_page = driver.execute_script("return window.__marker") == marker
    check("the scan shows on the dashboard within 15 s without a reload (friendly-scanner in #top-agents or "
          "#live-feed, %.1f s)" % elapsed, shown and same_page,
          "shown: %s, same page: %s; #top-agents: %s" % (shown, same_page, (text_of("#top-agents") or "")[:300]))

    def feed_has_scanner():
        rows = driver.execute_script(
            "return Array.from(document.querySelectorAll('#live-feed tbody tr')).map(r => r.textContent)")
        return len(rows) > rows_before and any("friendly-scanner" in r for r in rows)

    fed = wait_until(feed_has_scanner, max(1, 15 - (time.monotonic() - started)))
    check("the #live-feed got rows for the scan by server-sent events (friendly-scanner, without a reload)",
          fed and driver.execute_script("return window.__marker") == marker,
          "rows before %s, now %s; first row: %s" % (
              rows_before, driver.execute_script("return document.querySelectorAll('#live-feed tbody tr').length"),
              driver.execute_script("const r = document.querySelector('#live-feed tbody tr'); return r ? r.textContent : ''")))
    refreshed = wait_until(lambda: LIVE_UA in (text_of("#top-agents") or ""), max(1, 15 - (time.monotonic() - started)))
    check("the refreshed panels show a new hostile User-Agent as text (%s)" % LIVE_UA, refreshed,
          (text_of("#top-agents") or "")[:300])
    no_injection("dashboard after the live updates")
    shot("dashboard", shots, docs)
    errors += [("dashboard", e) for e in console_errors()]

    # Traces and the message of the <script> INVITE.
    get("/traces?q=script")
    rows = driver.find_elements(By.CSS_SELECTOR, "#traces tbody tr.received")
    invite_links = [r.find_element(By.CSS_SELECTOR, "td:nth-child(5) a") for r in rows
                    if r.find_element(By.CSS_SELECTOR, "td:nth-child(5)").text.startswith("INVITE")]
    agents = [r.find_element(By.CSS_SELECTOR, "td.ua").text for r in rows]
    check("/traces?q=script: received INVITE rows, User-Agent shown as text",
          invite_links and agents and all(a == SCRIPT_UA for a in agents), agents)
    no_injection("traces")
    shot("traces", shots)
    errors += [("traces", e) for e in console_errors()]
    if not invite_links:
        return errors
    click_and_load(invite_links[0])
    alert = pending_alert()
    raw = text_of("#raw-message") or ""
    headers = text_of("#headers") or ""
    check("message page: #raw-message shows the line 'User-Agent: %s' as text" % SCRIPT_UA,
          alert is None and ("User-Agent: " + SCRIPT_UA) in raw, "alert %r; raw: %s" % (alert, raw[:400]))
    check("message page: #headers shows the User-Agent value as text",
          any(c.text == SCRIPT_UA for c in driver.find_elements(By.CSS_SELECTOR, "#headers td.value")), headers[:400])
    no_injection("message page (<script> User-Agent)")
    verdict = driver.find_elements(By.CSS_SELECTOR, "#verdict svg")
    check("message page: #verdict with its belief chart (svg)", verdict, (text_of("#main") or "")[:300])
    check("message page: #investigation (Table I)", driver.find_elements(By.ID, "investigation"),
          (text_of("#main") or "")[-300:])
    message_url = driver.current_url
    shot("message", shots, docs)
    errors += [("message", e) for e in console_errors()]

    # The call and the routes of that INVITE.
    call_links = driver.find_elements(By.CSS_SELECTOR, "p.links a[href^='/call?id=']")
    if check("message page: a link to its call", call_links, ""):
        click_and_load(call_links[0])
        check("call page: #ladder holds an svg ladder diagram and #call-messages its messages",
              driver.find_elements(By.CSS_SELECTOR, "#ladder svg")
              and len(driver.find_elements(By.CSS_SELECTOR, "#call-messages tbody tr")) >= 4,
              (text_of("#main") or "")[:300])
        no_injection("call page")
        shot("call", shots)
        errors += [("call", e) for e in console_errors()]
    get(message_url)
    routes = driver.find_elements(By.ID, "routes-link")
    if check("message page: #routes-link", routes, ""):
        click_and_load(routes[0])
        check("routes page: the SIP route lists the Via hop %s and the map is an svg" % SIP_HOST,
              SIP_HOST in (text_of("#sip-route") or "") and driver.find_elements(By.CSS_SELECTOR, "#route-map svg"),
              (text_of("#main") or "")[:300])
        no_injection("routes page")
        shot("routes", shots)
        errors += [("routes", e) for e in console_errors()]

    # The message of the attribute-breakout User-Agent.
    get("/traces?q=onerror&method=INVITE&direction=received")
    links = driver.find_elements(By.CSS_SELECTOR, "#traces tbody tr.received td:nth-child(5) a")
    if check("/traces?q=onerror: the INVITE with the <img onerror> User-Agent", links, (text_of("#main") or "")[:300]):
        click_and_load(links[0])
        raw = text_of("#raw-message") or ""
        check("message page: #raw-message shows 'User-Agent: %s' as text" % IMG_UA, ("User-Agent: " + IMG_UA) in raw,
              raw[:400])
        no_injection("message page (<img onerror> User-Agent)")

    # Alerts: the scan raised some; acknowledge one through its form.
    get("/alerts")
    rows = driver.find_elements(By.CSS_SELECTOR, "#alerts tbody tr")
    open_rows = [r for r in rows if r.find_elements(By.CSS_SELECTOR, "form.ack")]
    check("alerts page: open alerts after the scan, each with an Acknowledge form", open_rows,
          (text_of("#alerts") or "")[:300])
    no_injection("alerts page")
    shot("alerts", shots)
    errors += [("alerts", e) for e in console_errors()]
    if open_rows:
        source = open_rows[0].find_element(By.CSS_SELECTOR, "input[name=source]").get_attribute("value")
        note = "browser-ack-%d" % random.randrange(1 << 20)
        open_rows[0].find_element(By.CSS_SELECTOR, "input[name=note]").send_keys(note)
        click_and_load(open_rows[0].find_element(By.CSS_SELECTOR, "form.ack button"))
        after_url, after_text = driver.current_url, body_text()
        get("/alerts?state=acknowledged")
        acknowledged = text_of("#alerts") or ""
        check("alerts page: the Acknowledge form acknowledged the alert of %s (note shown under state=acknowledged)" % source,
              note in acknowledged, "after the form: %s: %r\n%s" % (after_url, after_text, acknowledged[:300]))

    # Profiles: switch with a button.
    get("/profiles")
    buttons = driver.find_elements(By.ID, "activate-busy")
    if not buttons:
        buttons = driver.find_elements(By.CSS_SELECTOR, "button[id^='activate-']")
    if check("profiles page: an activate-NAME button (activate-busy)", buttons, (text_of("#profiles") or "")[:300]):
        target = buttons[0].get_attribute("id")[len("activate-"):]
        click_and_load(buttons[0])
        message = text_of("#profile-message")
        check("profiles page: #profile-message says %s is active (%r)" % (target, message),
              message and target in message and "activated=" + target in driver.current_url,
              "after the form: %s: %r" % (driver.current_url, body_text()))
        active_rows = driver.find_elements(By.CSS_SELECTOR, "#profiles tbody tr.active")
        names = [r.find_element(By.CSS_SELECTOR, "td a").text for r in active_rows]
        check("profiles page: exactly the row of %s is marked active, without its button" % target,
              names == [target] and "active" in active_rows[0].text and not driver.find_elements(By.ID, "activate-" + target),
              "active rows: %s; page %s: %r" % (names, driver.current_url, body_text()))
        if page_name() != "profiles":
            get("/profiles")
        no_injection("profiles page")
        shot("profiles", shots)
        errors += [("profiles", e) for e in console_errors()]
        get("/profiles/" + target)
        check("profile page of %s: #state-machine holds an svg, marked active" % target,
              driver.find_elements(By.CSS_SELECTOR, "#state-machine svg") and "active" in (text_of("p.summary") or ""),
              (text_of("#main") or "")[:300])
        shot("profile", shots)
        errors += [("profile", e) for e in console_errors()]

    # A new profile through the form: a broken one first, then a valid one.
    name = "webui-browser-%d" % random.randrange(1 << 20)
    get("/profiles/new")
    check("new profile form: #profile-form with #name, #behaviour, #environment, #check-profile, #save-profile",
          all(driver.find_elements(By.ID, i) for i in ["profile-form", "name", "behaviour", "environment", "check-profile",
                                                         "save-profile"]), (text_of("#main") or "")[:300])
    broken = "# broken on line 5\nMode : Deterministic\nIdle {\n  INVITE/OpRing,\n  INVITE/OpNoSuch(,\n}\n"
    driver.find_element(By.ID, "name").clear()
    driver.find_element(By.ID, "name").send_keys(name)
    set_value("#behaviour", broken)
    click_and_load(driver.find_element(By.ID, "check-profile"))
    problems = text_of("#problems")
    check("new profile form: Check of a broken profile shows #problems with 'line 5' (%r)" % (problems or "")[:120],
          problems and "line 5" in problems, "after the form: %s: %r" % (driver.current_url, body_text()))
    if page_name() != "profile-new":
        get("/profiles/new")  # the form did not come back: refill it so the next checks still run
        set_value("#name", name)
        set_value("#behaviour", broken)
    check("new profile form: the name and text are kept after the check",
          driver.find_element(By.ID, "name").get_attribute("value") == name
          and driver.find_element(By.ID, "behaviour").get_attribute("value").replace("\r\n", "\n") == broken,
          driver.find_element(By.ID, "behaviour").get_attribute("value")[:200])
    shot("profile-form-errors", shots)
    click_and_load(driver.find_element(By.ID, "save-profile"))
    problems = text_of("#problems")
    check("new profile form: Save of the broken profile is refused with #problems", problems and "line 5" in problems,
          "after the form: %s: %r" % (driver.current_url, body_text()))
    if page_name() != "profile-new":
        get("/profiles/new")
        set_value("#name", name)
    valid = ("# Tests/WebUI browser profile: <script>alert(3)</script> stays text\nMode : Deterministic\n"
             "Idle {\n  INVITE/OpInvestigate,\n  INVITE/OpRing,\n}\nRinging {\n  entry/OpStartRing(2),\n"
             "  ringtimeout/OpAnswerCall,\n  CANCEL/OpRingCancel,\n}\nInCall {\n  entry/OpHangupAfter(5),\n"
             "  BYE/OpEndCall,\n}\n")
    set_value("#behaviour", valid)
    click_and_load(driver.find_element(By.ID, "check-profile"))
    checked = text_of("#checked")
    check("new profile form: Check of the valid profile shows #checked and no #problems",
          checked and not driver.find_elements(By.ID, "problems"), "after the form: %s: %r" % (driver.current_url, body_text()))
    if page_name() != "profile-new":
        get("/profiles/new")
        set_value("#name", name)
        set_value("#behaviour", valid)
    click_and_load(driver.find_element(By.ID, "save-profile"))
    landed = urllib.parse.urlsplit(driver.current_url).path == "/profiles/" + name
    check("new profile form: Save lands on /profiles/%s with #state-machine holding an svg" % name,
          landed and driver.find_elements(By.CSS_SELECTOR, "#state-machine svg"),
          "after the form: %s: %r" % (driver.current_url, body_text()))
    text = text_of("#profile-text") or ""
    check("saved profile page: its text, <script> comment included, shown as text",
          "<script>alert(3)</script>" in text, text[:200])
    no_injection("saved profile page")
    shot("profile-saved", shots)
    errors += [("profile", e) for e in console_errors()]
    get("/profiles")
    check("profiles page: the new profile is listed", driver.find_elements(By.ID, "activate-" + name),
          (text_of("#profiles") or "")[:300])

    # The pages not visited yet render too.
    for path, page in [("/calls", "calls"), ("/sources", "sources"), ("/exports", "exports")]:
        get(path)
        check("%s renders (body data-page=%s)" % (path, page), page_name() == page, driver.current_url)
        no_injection(path)
        errors += [(path, e) for e in console_errors()]
    return errors


def main():
    global driver
    parser = argparse.ArgumentParser()
    parser.add_argument("--screenshots", required=True)
    parser.add_argument("--docs", default="")
    arguments = parser.parse_args()
    os.makedirs(arguments.screenshots, exist_ok=True)
    try:
        driver = start_browser()
    except WebDriverException as error:
        check("headless chromium starts (chromedriver /usr/bin/chromedriver)", False, error)
        return 0
    try:
        errors = run(arguments.screenshots, arguments.docs or None)
        check("no script error or CSP violation in the browser console", not errors,
              "\n".join("%s: %s" % e for e in errors))
    except Exception as error:  # a crash is a failed check, with where it happened
        import traceback
        check("browser.py ran without an exception", False, "\n".join(traceback.format_exc().splitlines()[-12:]))
        try:
            with open(os.path.join(arguments.screenshots, "crash.png"), "wb") as handle:
                handle.write(driver.get_screenshot_as_png())
        except Exception:
            pass
    finally:
        driver.quit()
    print("browser.py: %d passed, %d failed" % (results["pass"], results["fail"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
