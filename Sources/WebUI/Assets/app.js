// Honeyphone administrator interface: live updates of the dashboard. Attacker text only ever reaches the page as
// textContent (verdict events) or inside HTML the server escaped (the refreshed panels).
"use strict";

(function () {
  const body = document.body;
  if (!body || body.dataset.page !== "dashboard") return;
  const feed = document.querySelector("#live-feed tbody");
  const state = document.getElementById("live-state");
  const panels = document.getElementById("panels");
  const range = state ? state.dataset.range || "1h" : "1h";
  let dirty = false;
  let refreshing = false;

  function cell(row, text, className) {
    const td = document.createElement("td");
    if (className) td.className = className;
    td.textContent = text == null ? "" : String(text);
    row.appendChild(td);
    return td;
  }

  function verdictClass(name) {
    const letters = String(name || "").toLowerCase().replace(/[^a-z]/g, "").slice(0, 24);
    return letters || "unknown";
  }

  function time(ns) {
    const date = new Date(Math.floor(Number(ns) / 1e6));
    return isNaN(date.getTime()) ? "" : date.toISOString().replace("T", " ").replace("Z", "");
  }

  function addEvent(event) {
    if (!feed) return;
    const row = document.createElement("tr");
    row.className = "verdict-" + verdictClass(event.verdict) + " fresh";
    cell(row, time(event.timestamp));
    const source = cell(row, "");
    const link = document.createElement("a");
    link.href = "/traces?source=" + encodeURIComponent(String(event.source || ""));
    link.textContent = String(event.source || "");
    source.appendChild(link);
    cell(row, event.method || "");
    cell(row, event.calledNumber || "");
    cell(row, event.userAgent || "", "ua");
    const verdict = cell(row, "");
    const badge = document.createElement("span");
    badge.className = "badge " + verdictClass(event.verdict);
    badge.textContent = String(event.verdict || "") + " " + Number(event.belief || 0).toFixed(2);
    verdict.appendChild(badge);
    cell(row, (event.attacks || []).join(", "));
    feed.insertBefore(row, feed.firstChild);
    while (feed.rows.length > 50) feed.deleteRow(feed.rows.length - 1);
    dirty = true;
  }

  function refresh() {
    if (!dirty || refreshing || !panels) return;
    dirty = false;
    refreshing = true;
    fetch("/dashboard/panels?range=" + encodeURIComponent(range), { credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : Promise.reject(response.status); })
      .then(function (html) { panels.innerHTML = html; })
      .catch(function () { dirty = true; })
      .finally(function () { refreshing = false; });
  }

  if (window.EventSource) {
    const source = new EventSource("/events");
    source.addEventListener("open", function () { if (state) { state.textContent = "live"; state.className = "live on"; } });
    source.addEventListener("error", function () { if (state) { state.textContent = "reconnecting"; state.className = "live off"; } });
    source.addEventListener("verdict", function (message) {
      try { addEvent(JSON.parse(message.data)); } catch (error) { /* ignore a malformed event */ }
    });
    source.addEventListener("status", function () { dirty = true; });
  }
  setInterval(refresh, 2000);
})();
