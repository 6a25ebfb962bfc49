/* Watchtower inbox: select many, keyboard shortcuts (j/k, x, a, o, ?), and a list that refreshes itself every
   15 s without a page load. No inline script (the CSP forbids it), no dependencies. Without JavaScript the queue
   still works: the checkboxes and the bulk buttons are a plain form. */
(function () {
  "use strict";
  var REFRESH_MS = 15000;
  var list, form, live, help, current = null, known = {}, timer = null;

  function cards() { return Array.prototype.slice.call(list.querySelectorAll("li.card")); }
  function picks() { return Array.prototype.slice.call(list.querySelectorAll("input.pick")); }
  function csrf() { var el = form && form.querySelector("input[name=csrf]"); return el ? el.value : ""; }
  function say(text) { if (live) { live.textContent = ""; window.setTimeout(function () { live.textContent = text; }, 30); } }

  function updateCount() {
    var n = picks().filter(function (p) { return p.checked; }).length;
    var el = document.getElementById("selected-count");
    if (el) el.textContent = n + " selected";
    var all = document.getElementById("pick-all");
    if (all) { var ps = picks(); all.checked = ps.length > 0 && n === ps.length; all.indeterminate = n > 0 && n < ps.length; }
  }

  function setCurrent(card, focus) {
    cards().forEach(function (c) { c.classList.remove("current"); c.removeAttribute("aria-current"); });
    current = card ? card.getAttribute("data-id") : null;
    if (!card) return;
    card.classList.add("current");
    card.setAttribute("aria-current", "true");
    if (focus) {
      var link = card.querySelector("a.open");
      if (link) link.focus({ preventScroll: true });
      card.scrollIntoView({ block: "nearest" });
    }
  }
  function currentCard() {
    return current ? list.querySelector('li.card[data-id="' + current + '"]') : null;
  }
  function move(step) {
    var cs = cards();
    if (!cs.length) return;
    var i = cs.indexOf(currentCard());
    i = i < 0 ? (step > 0 ? 0 : cs.length - 1) : Math.max(0, Math.min(cs.length - 1, i + step));
    setCurrent(cs[i], true);
  }

  function post(ids, what) {
    var body = new URLSearchParams();
    body.append("csrf", csrf());
    body.append("do", what);
    ids.forEach(function (id) { body.append("item", id); });
    return fetch("/bulk", { method: "POST", body: body, credentials: "same-origin",
                            headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); });
  }
  function acknowledge() {
    var ids = picks().filter(function (p) { return p.checked; }).map(function (p) { return p.value; });
    if (!ids.length && current) ids = [current];
    if (!ids.length || !form) return;
    post(ids, "ack").then(function (res) {
      say("Acknowledged " + res.done + " item" + (res.done === 1 ? "" : "s") +
          (res.skipped ? " (" + res.skipped + " already acknowledged)" : "") + ".");
      refresh();
    }).catch(function () { say("Could not acknowledge: reload the page and try again."); });
  }

  function toggleHelp(show) {
    if (!help) return;
    var open = show === undefined ? help.hidden : show;
    help.hidden = !open;
    if (open) { var b = document.getElementById("kbd-close"); if (b) b.focus(); }
    else { var c = currentCard(); if (c) setCurrent(c, true); }
  }

  function refresh() {
    var url = list.getAttribute("data-refresh");
    if (!url || (help && !help.hidden)) return;
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
      .then(apply)
      .catch(function () { /* offline or logged out: try again next time */ });
  }
  function apply(data) {
    var checked = {};
    picks().forEach(function (p) { if (p.checked) checked[p.value] = true; });
    var focused = document.activeElement && list.contains(document.activeElement);
    list.innerHTML = data.html;
    var fresh = [];
    cards().forEach(function (c) {
      var id = c.getAttribute("data-id");
      if (!known[id]) {
        fresh.push(id);
        known[id] = true;
        c.classList.add("arrived");
        var tag = document.createElement("span");
        tag.className = "new-tag";
        tag.textContent = "new";
        c.querySelector(".card-head").insertBefore(tag, c.querySelector(".card-head").firstChild);
      }
      var p = c.querySelector("input.pick");
      if (p && checked[id]) p.checked = true;
    });
    var cur = currentCard();
    if (cur) setCurrent(cur, focused);
    var count = document.getElementById("queue-count");
    if (count) count.textContent = data.total + " item" + (data.total === 1 ? "" : "s");
    var empty = document.getElementById("queue-empty");
    if (empty) empty.hidden = data.ids.length > 0;
    updateCount();
    if (fresh.length) say(fresh.length + " new item" + (fresh.length === 1 ? "" : "s") + " in the queue.");
  }

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)) &&
           !(el.tagName === "INPUT" && el.type === "checkbox");
  }
  function onKey(e) {
    if (e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
    if (help && !help.hidden) {
      if (e.key === "Escape" || e.key === "?") { e.preventDefault(); toggleHelp(false); }
      return;
    }
    var c = currentCard();
    switch (e.key) {
      case "j": e.preventDefault(); move(1); break;
      case "k": e.preventDefault(); move(-1); break;
      case "x":
        if (c) { var p = c.querySelector("input.pick"); if (p) { e.preventDefault(); p.checked = !p.checked; updateCount(); } }
        break;
      case "a": e.preventDefault(); acknowledge(); break;
      case "o": if (c) { e.preventDefault(); window.location.href = c.getAttribute("data-href"); } break;
      case "?": e.preventDefault(); toggleHelp(true); break;
      default: break;
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    list = document.getElementById("queue-list");
    if (!list) return;
    form = document.getElementById("bulk");
    live = document.getElementById("live");
    help = document.getElementById("kbd-help");
    cards().forEach(function (c) { known[c.getAttribute("data-id")] = true; });
    var all = document.getElementById("pick-all");
    if (all) {
      all.disabled = false;
      all.addEventListener("change", function () { picks().forEach(function (p) { p.checked = all.checked; }); updateCount(); });
    }
    list.addEventListener("change", function (e) { if (e.target.classList.contains("pick")) updateCount(); });
    list.addEventListener("focusin", function (e) {
      var c = e.target.closest ? e.target.closest("li.card") : null;
      if (c) setCurrent(c, false);
    });
    var open = document.getElementById("kbd-open");
    if (open) open.addEventListener("click", function () { toggleHelp(true); });
    var close = document.getElementById("kbd-close");
    if (close) close.addEventListener("click", function () { toggleHelp(false); });
    if (help) help.addEventListener("click", function (e) { if (e.target === help) toggleHelp(false); });
    document.addEventListener("keydown", onKey);
    updateCount();
    timer = window.setInterval(refresh, REFRESH_MS);
    window.watchtowerRefresh = refresh;  // tests and the acknowledge shortcut call it
  });
})();
