// The staff dashboard, live: every station's state twice a second over a WebSocket. The e-stop
// buttons are plain forms, so they work even if this script does not.
(function () {
  'use strict';
  var retry = 0;
  function text(node, value) { node.textContent = value; }
  function render(floor) {
    floor.stations.forEach(function (station) {
      var card = document.getElementById('station-' + station.id);
      if (!card) return;
      var live = card.querySelector('.live-state .state');
      var hasForms = !!card.querySelector('.estop');
      if (!!station.session !== hasForms || (station.session && live && live.textContent !== station.session.stateText)) {
        // A session started, ended, or changed state: take the server's rendering of the card.
        refreshCard(station.id);
      }
    });
    var list = document.getElementById('alerts');
    if (list && floor.alerts.length) {
      list.textContent = '';
      floor.alerts.forEach(function (alert) {
        var item = document.createElement('li');
        text(item, alert.at + ' ' + alert.station + ' · ' + alert.client + ': ' + alert.text);
        list.appendChild(item);
      });
      var none = document.getElementById('no-alerts');
      if (none) none.hidden = true;
    }
  }
  var pending = {};
  function refreshCard(id) {
    if (pending[id]) return;
    pending[id] = true;
    fetch('/staff', { credentials: 'same-origin' }).then(function (r) { return r.text(); }).then(function (html) {
      var doc = new DOMParser().parseFromString(html, 'text/html');
      var fresh = doc.getElementById('station-' + id);
      var old = document.getElementById('station-' + id);
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
