// The live console under the face cradle. It listens to the station over a WebSocket (the
// station's own, or the studio's relay: the page says which in data-socket), shows the state,
// pressure, place and messages, and sends the client's controls. It reconnects by itself; while
// no console is there the station pauses (the station's side of the bargain).
(function () {
  'use strict';
  var root = document.getElementById('console');
  if (!root) return;
  var session = root.dataset.session;
  var colors = (root.dataset.colors || '').trim().split(/\s+/); // the server's pressure palette, levels 1-10
  var socket = null;
  var retry = 0;
  var finished = false;
  var $ = function (id) { return document.getElementById(id); };

  function clock(ms) {
    var s = Math.max(0, Math.round(ms / 1000));
    var m = Math.floor(s / 60);
    return m + ':' + String(s % 60).padStart(2, '0');
  }
  function connection(text, lost) {
    $('connection').textContent = text;
    $('connection').classList.toggle('lost', !!lost);
  }
  function send(object) {
    if (socket && socket.readyState === WebSocket.OPEN) { socket.send(JSON.stringify(object)); return true; }
    return false;
  }
  function partId(code) { return 'live-map-' + code.replace(/ /g, '-'); }

  function showStatus(s) {
    $('state').textContent = s.stateText;
    $('phase').textContent = s.phase ? '· ' + s.phase : '';
    $('remaining').textContent = clock(s.remaining);
    $('area').textContent = s.area || '—';
    $('level').textContent = s.contact && s.level > 0 ? String(s.level) : '–';
    $('heart').textContent = s.heartRate > 0 ? s.heartRate + ' bpm' : '–';
    $('breathing').textContent = s.breathing > 0 ? s.breathing + ' / min' : '–';
    $('relaxation').textContent = s.relaxationWords;
    var percent = s.relaxation == null ? 0 : Math.round(s.relaxation * 100);
    $('gauge-fill').style.width = percent + '%';
    $('gauge').setAttribute('aria-valuenow', String(percent));
    ['posterior', 'anterior'].forEach(function (face) {
      var dot = $('live-map-contact-' + face);
      if (!dot) return;
      var here = s.contact && s.face === face;
      dot.setAttribute('visibility', here ? 'visible' : 'hidden');
      if (here) { dot.setAttribute('cx', s.x.toFixed(1)); dot.setAttribute('cy', s.y.toFixed(1)); }
    });
    // Resume only when it would work; Pause only while the arm works.
    $('resume').hidden = !s.canResume || s.finished;
    $('pause').hidden = !$('resume').hidden;
    $('pause').disabled = ['working', 'checking-in', 'settling-in'].indexOf(s.state) < 0;
    root.dataset.state = s.state;
    root.dataset.stopped = s.stopped ? 'true' : 'false';
    var question = s.checkIn;
    var box = $('check-in');
    if (question) {
      if (box.hidden || $('check-in-question').textContent !== question.question) {
        $('check-in-question').textContent = question.question;
        var answers = $('check-in-answers');
        answers.textContent = '';
        question.answers.forEach(function (answer) {
          var button = document.createElement('button');
          button.type = 'button';
          button.textContent = answer.label;
          button.addEventListener('click', function () { send({ control: 'answer', answer: answer.value }); });
          answers.appendChild(button);
        });
        box.hidden = false;
      }
      $('latest-message').hidden = true;
    } else {
      box.hidden = true;
      $('latest-message').hidden = false;
    }
    if (s.finished) {
      finished = true;
      $('end-confirm').hidden = true;
      connection('The session has ended.', false);
      document.querySelectorAll('.control').forEach(function (b) { b.disabled = true; });
      $('resume').hidden = true;
      if (s.report) {
        $('open-report').setAttribute('href', s.report);
        $('report-link').hidden = false;
      }
    }
  }
  function showMessage(m) {
    $('latest-message').textContent = m.text;
    var item = document.createElement('li');
    item.textContent = clock(m.t) + '  ' + m.text;
    var log = $('messages');
    log.insertBefore(item, log.firstChild);
    while (log.children.length > 30) log.removeChild(log.lastChild);
  }
  function showPressure(p) {
    document.querySelectorAll('[id="' + partId(p.part) + '"]').forEach(function (shape) {
      shape.setAttribute('fill', colors[Math.min(10, Math.max(1, p.level)) - 1]);
      var title = shape.querySelector('title');
      if (title) title.textContent = p.part + ': up to level ' + p.level + ' so far';
    });
  }

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + root.dataset.socket);
    socket.addEventListener('open', function () {
      retry = 0;
      connection('Connected to the station.', false);
    });
    socket.addEventListener('message', function (event) {
      var data;
      try { data = JSON.parse(event.data); } catch (e) { return; }
      // The station's own console follows its sessions: a new one reloads the page.
      if (data.type === 'session') { if (data.id !== session) location.reload(); return; }
      if (data.type === 'status') showStatus(data);
      else if (data.type === 'message') showMessage(data);
      else if (data.type === 'pressure') showPressure(data);
    });
    socket.addEventListener('close', function () {
      if (finished) return;
      connection('Connection lost: the station has paused. Reconnecting…', true);
      retry = Math.min(retry + 1, 5);
      setTimeout(connect, 300 * retry);
    });
    socket.addEventListener('error', function () { socket.close(); });
  }

  document.querySelectorAll('[data-control]').forEach(function (button) {
    button.addEventListener('click', function () {
      if (!send({ control: button.dataset.control })) connection('Not connected yet; try again in a moment.', true);
    });
  });
  // End asks first: a stray tap must not end the session.
  $('end').addEventListener('click', function () {
    $('end-confirm').hidden = false;
    $('end-no').focus();
  });
  $('end-no').addEventListener('click', function () { $('end-confirm').hidden = true; $('end').focus(); });
  $('end-yes').addEventListener('click', function () { $('end-confirm').hidden = true; });
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Escape' && !$('end-confirm').hidden) $('end-confirm').hidden = true;
  });
  // The station's own console with no session yet: nothing to press until one starts.
  if (!session) document.querySelectorAll('.control').forEach(function (b) { b.disabled = true; });
  connect();
})();
