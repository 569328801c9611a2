// SLA timers of the queue: minutes since a moment, marked when past the office's standard.
(function () {
  function tick() {
    document.querySelectorAll('.timer[data-since]').forEach(function (el) {
      var since = Date.parse(el.getAttribute('data-since'));
      if (isNaN(since)) { return; }
      var minutes = Math.max(0, Math.floor((Date.now() - since) / 60000));
      el.textContent = String(minutes);
      var standard = parseInt(el.getAttribute('data-standard'), 10);
      el.classList.toggle('overdue', !isNaN(standard) && minutes > standard);
    });
  }
  tick();
  setInterval(tick, 30000);
})();
