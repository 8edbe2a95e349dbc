// Runway's local console: plain script, no framework, nothing fetched from outside this server.
"use strict";

const INVOKE_PATH = "/2015-03-31/functions/function/invocations";
const $ = (id) => document.getElementById(id);

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([k, v]) => node.setAttribute(k, v));
  children.forEach((c) => node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

function pretty(text) {
  try { return JSON.stringify(JSON.parse(text), null, 2); } catch (e) { return text; }
}

// --- Event templates -------------------------------------------------------------------------------------------
async function loadTemplates() {
  const sources = await (await fetch("/console/api/events")).json();
  const select = $("event-template");
  Object.entries(sources).forEach(([name, what]) => select.append(el("option", { value: name }, name + " \u2014 " + what)));
  select.addEventListener("change", async () => {
    $("payload").value = select.value ? pretty(await (await fetch("/console/api/events/" + select.value)).text()) : "{}";
  });
}

// --- Invoke ----------------------------------------------------------------------------------------------------
async function invoke() {
  const button = $("invoke");
  const status = $("response-status");
  const response = $("response");
  button.disabled = true;
  status.className = "muted";
  status.textContent = "Invoking\u2026";
  response.className = "";
  response.textContent = "";
  const started = performance.now();
  try {
    const answer = await fetch(INVOKE_PATH, { method: "POST", body: $("payload").value,
      headers: { "Content-Type": "application/json" } });
    const body = await answer.text();
    const functionError = answer.headers.get("X-Amz-Function-Error");
    const requestId = answer.headers.get("X-Amzn-RequestId");
    const failed = !answer.ok || functionError !== null;
    status.className = failed ? "error" : "ok";
    status.textContent = "HTTP " + answer.status + (functionError ? " \u00b7 function error (" + functionError + ")" : "")
      + (requestId ? " \u00b7 RequestId " + requestId : "") + " \u00b7 " + Math.round(performance.now() - started) + " ms round trip";
    response.className = failed ? "error" : "";
    response.textContent = pretty(body);
  } catch (e) {
    status.className = "error";
    status.textContent = "The invoke endpoint did not answer: " + e;
  } finally {
    button.disabled = false;
  }
}

// --- Logs and telemetry, polled ------------------------------------------------------------------------------
let lastSeq = 0;
const groups = new Map(); // requestId -> {title, events}
let pendingInit = [];     // init events, until the invocation that caused the init starts

function logLine(entry) {
  const text = entry.text;
  const cls = /^(START|END|REPORT) RequestId:/.test(text) ? "platform"
    : text.startsWith("[runway local]") ? "runway" : entry.stream === "stderr" ? "stderr" : "";
  const logs = $("logs");
  const atBottom = logs.scrollTop + logs.clientHeight >= logs.scrollHeight - 4;
  logs.append(el("div", cls ? { class: cls } : {}, text));
  if (atBottom) logs.scrollTop = logs.scrollHeight;
}

function summary(event) {
  const r = event.record || {};
  if (typeof r !== "object") return String(r);
  const parts = [];
  ["phase", "initializationType", "name", "state", "status", "errorType", "version"].forEach((k) => {
    if (r[k] !== undefined && r[k] !== null) parts.push(k + "=" + r[k]);
  });
  if (r.events) parts.push("events=" + (r.events.length ? r.events.join(",") : "none"));
  if (r.metrics) Object.entries(r.metrics).forEach(([k, v]) => parts.push(k + "=" + v));
  return parts.join("  ");
}

function telemetry(event) {
  if (event.type === "function" || event.type === "extension") return; // shown with the logs
  const requestId = event.record && event.record.requestId;
  if (event.type === "platform.start" && requestId) {
    groups.set(requestId, { title: requestId, events: pendingInit.concat([event]) });
    pendingInit = [];
  } else if (requestId && groups.has(requestId)) {
    groups.get(requestId).events.push(event);
  } else {
    pendingInit.push(event);
  }
  renderTimeline();
}

function table(events) {
  const start = Date.parse(events[0].time);
  const rows = events.map((e) => el("tr", {},
    el("td", { class: "offset" }, "+" + (Date.parse(e.time) - start) + " ms"),
    el("td", { class: "type" }, e.type),
    el("td", {}, summary(e))));
  return el("table", {}, ...rows);
}

function renderTimeline() {
  const timeline = $("timeline");
  timeline.replaceChildren();
  if (pendingInit.length) {
    timeline.append(el("div", { class: "group" }, el("h3", {}, "init"), table(pendingInit)));
  }
  [...groups.values()].reverse().forEach((g) => {
    timeline.append(el("div", { class: "group" }, el("h3", {}, "RequestId " + g.title), table(g.events)));
  });
}

async function poll() {
  try {
    const answer = await (await fetch("/console/api/log/" + lastSeq)).json();
    answer.entries.forEach((entry) => {
      lastSeq = entry.seq;
      if (entry.kind === "log") logLine(entry); else telemetry(entry.event);
    });
  } catch (e) {
    // local mode stopped or restarting: keep trying
  }
  setTimeout(poll, 500);
}

// --- Environment -----------------------------------------------------------------------------------------------
function rows(object) {
  return el("table", {}, ...Object.entries(object).map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", {}, v === null ? "\u2014" : v))));
}

async function loadEnvironment() {
  const env = await (await fetch("/console/api/environment")).json();
  $("function-name").textContent = env.settings.functionName + " \u00b7 " + env.settings.handler;
  $("environment").replaceChildren(
    el("h3", {}, "Function"), rows(env.settings),
    el("h3", {}, "Limits in force"), rows(env.limits),
    el("h3", {}, "Variables Lambda defines"), rows(env.variables));
}

$("invoke").addEventListener("click", invoke);
loadTemplates();
loadEnvironment();
poll();
