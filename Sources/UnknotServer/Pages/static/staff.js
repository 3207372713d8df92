// The staff dashboard, live: every station's state twice a second over a WebSocket. The e-stop
// buttons are plain forms, so they work even if this script does not.
(function () {
  'use strict';
  var retry = 0;
  var lastAlerts = null;
  function render(floor) {
    floor.stations.forEach(function (station) {
      var card = document.getElementById('station-' + station.id);
      if (!card) return;
      var live = card.querySelector('.live-state .state');
      var hasForms = !!card.querySelector('.estop');
      var shownAlerts = card.querySelectorAll('.open-alerts li').length;
      var openAlerts = (station.alerts || []).length;
      if (!!station.session !== hasForms || shownAlerts !== openAlerts ||
          (station.session && live && live.textContent !== station.session.stateText)) {
        // A session started, ended, changed state, or its alerts changed: take the server's card.
        refreshCard(station.id);
      }
    });
    // The alerts list (live and recorded, newest first on the studio's clock) as the server renders it.
    var signature = JSON.stringify(floor.alerts);
    if (lastAlerts !== null && signature !== lastAlerts) refreshCard('alerts');
    lastAlerts = signature;
  }
  var pending = {};
  function refreshCard(id) {
    if (pending[id]) return;
    pending[id] = true;
    fetch('/staff', { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var key = id === 'alerts' ? 'alerts-section' : 'station-' + id;
      var fresh = doc.getElementById(key);
      var old = document.getElementById(key);
      if (fresh && old && !old.contains(document.activeElement)) old.replaceWith(fresh);
    }).finally(function () { pending[id] = false; });
  }
  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    var socket = new WebSocket(scheme + location.host + '/staff/live');
    var status = document.getElementById('connection');
    socket.addEventListener('open', function () { retry = 0; status.textContent = 'Live.'; });
    socket.addEventListener('message', function (event) {
      try { render(JSON.parse(event.data)); } catch (e) {}
    });
    socket.addEventListener('close', function () {
      status.textContent = 'Reconnecting…';
      retry = Math.min(retry + 1, 5);
      setTimeout(connect, 500 * retry);
    });
  }
  connect();
})();
