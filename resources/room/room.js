// The room's phone page: join with the room code, pick your name, then send what the
// current session asks for. Every text from the server is set with textContent (never
// parsed as HTML), so a note "<script>" shows as text.
"use strict";

const store = window.localStorage;
const screen = document.getElementById("screen");
let state = null;
let events = null;
let openPerson = null; // the colleague whose feedback is open stays open after a save
let picked = null;
let dragging = false; // a dot held under a finger: a live update waits for the drop // the rep chosen in the tray, waiting for a tap on the grid

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (key === "text") node.textContent = value;
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children) if (child) node.append(child);
  return node;
}

function say(text, ok) {
  const box = document.getElementById("message");
  box.textContent = text || "";
  box.hidden = !text;
  box.className = ok ? "ok" : "";
  if (text && ok) setTimeout(() => { if (box.textContent === text) box.hidden = true; }, 2500);
}

async function call(method, path, body) {
  const headers = { "X-Room-Code": store.getItem("code") || "", "X-Room-Token": store.getItem("token") || "" };
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: "omit" });
  } catch (e) {
    throw new Error("The laptop cannot be reached. Check you are on the room's Wi-Fi.");
  }
  const data = await response.json().catch(() => ({ error: "The laptop sent something unexpected." }));
  if (!response.ok) {
    const error = new Error(data.error || "That did not work.");
    error.rejoin = !!data.rejoin;
    error.status = response.status;
    throw error;
  }
  return data;
}

function failed(error) {
  say(error.message);
  if (error.rejoin) { store.removeItem("token"); stopEvents(); showJoin(); }
}

// ----- joining -----------------------------------------------------------------------
function showJoin() {
  document.getElementById("who").textContent = "";
  const given = new URLSearchParams(location.search).get("code") || store.getItem("code") || "";
  const input = el("input", { class: "code", id: "code", maxlength: "4", autocomplete: "off", autocapitalize: "characters", "aria-label": "Room code", value: given });
  const go = async () => {
    store.setItem("code", input.value.trim().toUpperCase());
    try { showNames(await call("POST", "/api/roster", { code: store.getItem("code") })); say(""); }
    catch (e) { failed(e); }
  };
  input.addEventListener("keydown", (e) => { if (e.key === "Enter") go(); });
  screen.replaceChildren(el("h1", { text: "Join the room" }),
    el("p", { class: "hint", text: "Type the 4-character room code shown on the screen." }),
    input, el("div", { class: "row" }, el("button", { id: "join", onclick: go, text: "Join" })));
}

function showNames(roster) {
  document.getElementById("title").textContent = roster.title || "Keeper";
  const list = el("div", { class: "names" });
  for (const person of roster.people) {
    list.append(el("button", { class: person.taken ? "taken" : "", "data-person": person.id,
      text: person.taken ? person.name + " (already joined)" : person.name,
      onclick: () => claim(person.id) }));
  }
  screen.replaceChildren(el("h1", { text: "Who are you?" }),
    el("p", { class: "hint", text: "Pick your own name, once. The Keeper sees who joined." }), list);
}

async function claim(personId) {
  try {
    const answer = await call("POST", "/api/claim", { code: store.getItem("code"), person: personId });
    store.setItem("token", answer.token);
    say("");
    if (answer.waiting) showWaiting(answer.name); else start();
  } catch (e) { failed(e); }
}

function showWaiting(name) {
  screen.replaceChildren(el("h1", { text: "Waiting for the Keeper" }),
    el("p", { class: "hint", text: "Someone already joined as " + name + ". The Keeper has to let this phone in." }));
  startEvents();
  setTimeout(poll, 3000);
}

async function poll() {
  try { await refresh(); } catch (e) { if (e.status === 403 && !e.rejoin) setTimeout(poll, 3000); }
}

// ----- live updates ------------------------------------------------------------------
function startEvents() {
  if (events) return;
  const query = new URLSearchParams({ code: store.getItem("code") || "", token: store.getItem("token") || "" });
  events = new EventSource("/api/events?" + query);
  events.addEventListener("changed", (e) => {
    // the first event only says where the room is now (the page has just loaded); after a
    // dropped connection, a different number means something was missed
    if (seenVersion !== null && e.data !== seenVersion) later();
    seenVersion = e.data;
  });
  events.addEventListener("rejoin", () => { stopEvents(); store.removeItem("token"); say("The Keeper removed this phone from the room. Join again if that was a mistake."); showJoin(); });
}

// Sixty phones hearing one change do not all ask at once: each waits 0.3-2.5 s, and
// several changes in that time are one reload.
let pending = null;
let seenVersion = null;
function later() {
  if (pending) return;
  pending = setTimeout(() => {
    pending = null;
    refresh().catch((e) => { if (e.status !== 403) failed(e); });
  }, 300 + Math.random() * 2200);
}

function stopEvents() { if (events) { events.close(); events = null; seenVersion = null; } }

function start() { startEvents(); refresh().catch(failed); }

async function refresh() {
  const fresh = await call("GET", "/api/state");
  render(fresh);
}

async function send(action, body, okText) {
  try {
    render(await call("POST", "/api/" + action, body));
    if (okText) say(okText, true); else say("");
    return true;
  } catch (e) { failed(e); return false; }
}

// ----- the current session -----------------------------------------------------------
function render(fresh) {
  const focused = document.activeElement;
  if (state && dragging && state.activity === fresh.activity) { state = fresh; return; } // mid-drag
  if (state && focused && (focused.tagName === "TEXTAREA" || focused.tagName === "INPUT") && state.activity === fresh.activity) {
    state = fresh; // do not take the keyboard from someone typing; the next send redraws
    return;
  }
  state = fresh;
  document.getElementById("title").textContent = state.title || "Keeper";
  document.getElementById("who").textContent = state.me.name + (state.session ? " · " + state.session : "");
  const parts = [el("h1", { text: state.label })];
  if (state.paused) parts.push(el("p", { class: "private", text: "The Keeper has paused sending for a moment." }));
  const draw = { notes: drawNotes, vote: drawVote, questions: drawQuestions, reflections: drawReflections, feedback: drawFeedback, mapping: drawMapping }[state.activity];
  if (draw) parts.push(...draw(state[state.activity]));
  else parts.push(el("p", { class: "hint", text: "Nothing to send right now. Keep this page open: it changes when the Keeper starts the next part." }));
  screen.replaceChildren(...parts);
}

function composer(id, placeholder, button, onSend) {
  const box = el("textarea", { id, placeholder, maxlength: "2000", "aria-label": placeholder });
  const go = async () => { if (await onSend(box.value)) box.value = ""; };
  return [box, el("div", { class: "row" }, el("button", { id: id + "-send", onclick: go, text: button }))];
}

function editable(item, action, locked) {
  const card = el("div", { class: "card", "data-id": item.id }, el("p", { text: item.text }));
  if (locked) { card.append(el("div", { class: "tag", text: "Grouped by the Keeper: it stays as it is." })); return card; }
  const edit = () => {
    const box = el("textarea", { "aria-label": "Edit" });
    box.value = item.text;
    card.replaceChildren(box, el("div", { class: "row" },
      el("button", { text: "Save", onclick: () => send(action + "/edit", { id: item.id, text: box.value }, "Saved") }),
      el("button", { class: "quiet", text: "Cancel", onclick: () => render(state) })));
    box.focus();
  };
  card.append(el("div", { class: "row" },
    el("button", { class: "quiet", text: "Edit", onclick: edit }),
    el("button", { class: "danger", text: "Delete", onclick: () => send(action + "/delete", { id: item.id }, "Deleted") })));
  return card;
}

function drawNotes(data) {
  const count = data.notes.length;
  return [el("p", { class: "hint", text: `One opportunity per note (a new line starts a new note). You have written ${count}; the guide asks for ${data.target}.` }),
    ...composer("note", "An opportunity we could act on", "Add note", (text) => send("notes/add", { text }, "Added to the board")),
    el("h2", { text: "Your notes" }),
    ...(count ? data.notes.map((n) => editable(n, "notes", n.locked)) : [el("p", { class: "hint", text: "None yet." })])];
}

function drawVote(data) {
  const dots = data.mode === "dots";
  const parts = [el("p", { class: "hint", id: "budget", text: dots ? `You have ${data.limit} dots; ${data.used} placed.` : `Tick each idea you support (${data.used} so far).` })];
  if (!data.ideas.length) parts.push(el("p", { class: "hint", text: "No ideas on the board yet." }));
  for (const idea of data.ideas) {
    const card = el("div", { class: "card", "data-idea": idea.kind + "-" + idea.id }, el("p", { text: idea.title }));
    for (const line of idea.notes) card.append(el("div", { class: "tag", text: "• " + line }));
    const set = (n) => send("vote", { kind: idea.kind, id: idea.id, dots: n });
    if (dots) {
      card.append(el("div", { class: "dots" },
        el("button", { class: "quiet", text: "−", "aria-label": "One dot less", disabled: idea.mine === 0, onclick: () => set(idea.mine - 1) }),
        el("b", { text: String(idea.mine) }),
        el("button", { text: "+", "aria-label": "One dot more", onclick: () => set(idea.mine + 1) })));
    } else {
      card.append(el("div", { class: "row" }, el("button", { class: idea.mine ? "on" : "quiet", "aria-pressed": idea.mine ? "true" : "false",
        text: idea.mine ? "Supporting ✓" : "Support", onclick: () => set(idea.mine ? 0 : 1) })));
    }
    parts.push(card);
  }
  return parts;
}

function drawQuestions(data) {
  if (!data.questions.length) return [el("p", { class: "hint", text: "The Keeper has not written the questions yet." })];
  return data.questions.map((q) => {
    const [box, row] = composer("answer-" + q.id, "Your answer", "Send answer", (text) => send("answer", { id: q.id, text }, "Answer sent"));
    return el("div", { class: "card" }, el("p", { text: q.text }), box, row);
  });
}

function drawReflections(data) {
  const parts = [el("p", { class: "hint", text: `One or two reflections from the day (${data.reflections.length} of ${data.max}).` })];
  parts.push(...data.reflections.map((r) => editable(r, "reflections", false)));
  if (data.reflections.length < data.max) parts.push(...composer("reflection", "What you take from today", "Share", (text) => send("reflections/add", { text }, "Shared")));
  return parts;
}

function drawFeedback(data) {
  const parts = [el("p", { class: "private", text: "Private: only the Keeper sees what you write. Nobody else can read it, here or anywhere." }),
    el("p", { class: "hint", id: "progress", text: `Complete for ${data.complete} of ${data.total} colleagues.` })];
  for (const person of data.people) {
    const box = el("details", { class: "card" + (person.complete ? " done" : ""), "data-person": person.id }, el("summary", { text: person.name }));
    for (const kind of data.kinds) {
      const area = el("textarea", { "aria-label": kind + " for " + person.name, "data-kind": kind });
      area.value = person.kinds[kind] || "";
      box.append(el("label", { text: kind[0].toUpperCase() + kind.slice(1) }), area);
    }
    if (openPerson === person.id) box.open = true;
    box.addEventListener("toggle", () => { if (box.open) openPerson = person.id; });
    box.append(el("div", { class: "row" }, el("button", { text: "Save", onclick: async () => {
      const texts = {};
      for (const area of box.querySelectorAll("textarea")) texts[area.dataset.kind] = area.value;
      if (await send("feedback", { to: person.id, texts })) say("Saved for " + person.name, true);
    } })));
    parts.push(box);
  }
  return parts;
}

function initialsOf(name) {
  return name.split(/\s+/).filter(Boolean).map((w) => w[0]).join("").slice(0, 2).toUpperCase();
}

function drawMapping(data) {
  if (!data.manager) return [el("p", { class: "hint", text: "Managers place their own reps now. Nothing to send from this phone." })];
  const grid = el("div", { class: "grid", id: "grid", "aria-label": "Skill (left to right) by motivation (bottom to top)" });
  const tray = el("div", { class: "tray", id: "tray" });
  const place = (rep, x, y) => send("place", { rep: rep.id, skill: x, motivation: y }, "Placed " + rep.name);
  const spot = (event) => {
    const box = grid.getBoundingClientRect();
    const clamp = (v) => Math.min(1, Math.max(0, v));
    return [clamp((event.clientX - box.left) / box.width), clamp(1 - (event.clientY - box.top) / box.height)];
  };
  for (const rep of data.reps) {
    const label = initialsOf(rep.name);
    const dot = el("div", { class: "dot", "data-rep": rep.id, title: rep.name, role: "button", "aria-label": rep.name, text: label });
    if (rep.skill === null) {
      dot.addEventListener("click", () => { picked = rep; say("Tap the grid where " + rep.name + " stands.", true); });
      tray.append(dot);
      continue;
    }
    dot.style.left = rep.skill * 100 + "%";
    dot.style.top = (1 - rep.motivation) * 100 + "%";
    dot.addEventListener("pointerdown", (e) => { dragging = true; dot.setPointerCapture(e.pointerId); e.preventDefault(); });
    dot.addEventListener("pointermove", (e) => {
      if (!dot.hasPointerCapture(e.pointerId)) return;
      const [x, y] = spot(e);
      dot.style.left = x * 100 + "%"; dot.style.top = (1 - y) * 100 + "%";
    });
    dot.addEventListener("pointerup", (e) => { dragging = false; const [x, y] = spot(e); place(rep, x, y); });
    dot.addEventListener("pointercancel", () => { dragging = false; render(state); });
    grid.append(dot);
  }
  grid.addEventListener("click", (e) => { if (picked && e.target === grid) { const rep = picked; picked = null; const [x, y] = spot(e); place(rep, x, y); } });
  const legend = data.reps.filter((r) => r.skill !== null).map((r) => initialsOf(r.name) + " " + r.name).join(" · ");
  return [el("p", { class: "private", text: "Only you and the Keeper see your reps. Drag a dot; tap a name below, then the grid, to place someone new." }),
    el("div", { class: "axis", text: "↑ motivation" }), grid, el("div", { class: "axis", text: "skill →" }),
    el("p", { class: "tag", id: "legend", text: legend }),
    el("h2", { text: "Not placed yet" }), tray.childElementCount ? tray : el("p", { class: "hint", text: "Everyone is on the grid." })];
}

if (store.getItem("token")) start(); else showJoin();
