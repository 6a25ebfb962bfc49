/* Watchtower: refresh deadline countdowns between page loads. The server computes the state; this only keeps the
   words and colour current. No inline script (the CSP forbids it), no dependencies. */
(function () {
  "use strict";
  function words(ms) {
    var late = ms < 0, s = Math.floor(Math.abs(ms) / 1000);
    var d = Math.floor(s / 86400), h = Math.floor((s % 86400) / 3600), m = Math.floor((s % 3600) / 60);
    var t = d ? d + "d " + h + "h" : (h ? h + "h " + m + "m" : m + "m");
    return late ? "overdue by " + t : "due in " + t;
  }
  function tick() {
    var now = Date.now();
    var els = document.querySelectorAll(".countdown[data-deadline]");
    for (var i = 0; i < els.length; i++) {
      var el = els[i];
      var due = Date.parse(el.getAttribute("data-deadline"));
      var start = Date.parse(el.getAttribute("data-start"));
      var warn = parseFloat(el.getAttribute("data-warn"));  // the moderators' reminder fraction, from the config
      if (isNaN(warn)) warn = 0.75;
      if (isNaN(due)) continue;
      var state = "cd-ok";
      if (now >= due) state = "cd-breached";
      else if (!isNaN(start) && due > start && now - start >= warn * (due - start)) state = "cd-warn";
      el.classList.remove("cd-ok", "cd-warn", "cd-breached");
      el.classList.add(state);
      var text = el.querySelector(".cd-text");
      if (text) text.textContent = words(due - now);
    }
  }
  document.addEventListener("DOMContentLoaded", function () {
    tick();
    window.setInterval(tick, 30000);
  });
})();
