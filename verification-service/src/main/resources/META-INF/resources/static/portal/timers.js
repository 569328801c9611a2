// SLA timers of the queue: minutes since a moment, marked when past the office's standard.
// Countdowns of the central queue: working time left as rendered by the server, counted down only
// while the office's working time runs (data-running); a page with data-refresh reloads itself so
// the server counts again on the office's calendar.
(function () {
  function remaining(seconds) {
    var minutes = Math.floor(Math.abs(seconds) / 60);
    var mm = String(minutes % 60);
    var text = Math.floor(minutes / 60) + ' j ' + (mm.length < 2 ? '0' + mm : mm) + ' mnt';
    return seconds < 0 ? 'lewat ' + text : text;
  }
  var loaded = Date.now();
  function tick() {
    document.querySelectorAll('.timer[data-since]').forEach(function (el) {
      var since = Date.parse(el.getAttribute('data-since'));
      if (isNaN(since)) { return; }
      var minutes = Math.max(0, Math.floor((Date.now() - since) / 60000));
      el.textContent = String(minutes);
      var standard = parseInt(el.getAttribute('data-standard'), 10);
      el.classList.toggle('overdue', !isNaN(standard) && minutes > standard);
    });
    document.querySelectorAll('.countdown[data-remaining]').forEach(function (el) {
      var left = parseInt(el.getAttribute('data-remaining'), 10);
      if (isNaN(left)) { return; }
      if (el.getAttribute('data-running') === 'true') {
        left -= Math.floor((Date.now() - loaded) / 1000);
      }
      el.textContent = remaining(left);
      el.classList.toggle('overdue', left < 0);
    });
  }
  tick();
  setInterval(tick, 30000);
  var refreshing = document.querySelector('[data-refresh]');
  if (refreshing) {
    var seconds = parseInt(refreshing.getAttribute('data-refresh'), 10);
    if (seconds > 0) {
      setTimeout(function () { window.location.reload(); }, seconds * 1000);
    }
  }
})();
