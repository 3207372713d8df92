// The care plan's body map: clicking a region opens its fieldset; marks recolour the map as
// they change; a sensitive region's fields stay inert until its consent box is ticked.
(function () {
  'use strict';
  var colors = { focus: '#5aae61', avoid: '#9b9b9b', tender: '#e4572e', ticklish: '#e0b02c', off: '#d9d2c9', none: '#efe6dc' };
  function markOf(fieldset) {
    var id = fieldset.dataset.region;
    var consent = fieldset.querySelector('[data-consent]');
    var mark = (fieldset.querySelector('input[name="mark-' + id + '"]:checked') || {}).value || 'none';
    if (mark === 'avoid') return 'avoid';
    if (consent && !consent.checked) return 'off';
    if (fieldset.querySelector('input[name="tender-' + id + '"]').checked) return 'tender';
    if (fieldset.querySelector('input[name="ticklish-' + id + '"]').checked) return 'ticklish';
    return mark === 'focus' ? 'focus' : 'none';
  }
  function refresh(fieldset) {
    var id = fieldset.dataset.region;
    var consent = fieldset.querySelector('[data-consent]');
    var allowed = !consent || consent.checked;
    fieldset.classList.toggle('consented', allowed);
    fieldset.querySelectorAll('[data-needs-consent]').forEach(function (input) { input.disabled = !allowed; });
    var mark = markOf(fieldset);
    var side = fieldset.querySelector('select[name="side-' + id + '"]');
    var which = side ? side.value : 'both';
    document.querySelectorAll('#care-map .part[data-region="' + id + '"]').forEach(function (shape) {
      var onSide = which === 'both' || shape.dataset.part.indexOf(which + ' ') === 0;
      var shown = mark === 'off' || onSide ? mark : 'none';
      shape.setAttribute('fill', colors[shown]);
    });
  }
  document.querySelectorAll('fieldset.region').forEach(function (fieldset) {
    refresh(fieldset);
    fieldset.addEventListener('change', function () { refresh(fieldset); });
  });
  document.querySelectorAll('#care-map a').forEach(function (link) {
    link.addEventListener('click', function (event) {
      var target = document.querySelector(link.getAttribute('href'));
      if (!target) return;
      event.preventDefault();
      history.replaceState(null, '', link.getAttribute('href'));
      target.scrollIntoView({ block: 'center' });
      var first = target.querySelector('input, select');
      if (first) first.focus({ preventScroll: true });
      document.querySelectorAll('fieldset.region.picked').forEach(function (f) { f.classList.remove('picked'); });
      target.classList.add('picked');
    });
  });
  // Problems after saving: the list at the top takes the focus, so a screen reader reads it and
  // its links lead to each field (its section is open).
  var problems = document.getElementById('problems');
  if (problems) problems.focus();
})();
