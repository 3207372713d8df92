// The booking page: the price updates as a promo code is typed (the server's quote), and a
// changed program or length shows its free times at once.
(function () {
  'use strict';
  var form = document.getElementById('book-form');
  if (!form) return;
  var code = document.getElementById('code');
  var timer = null;
  function selectedProgram() {
    var checked = form.querySelector('input[name="program"]:checked');
    return checked ? checked.value : '';
  }
  function showQuote(quote) {
    var summary = document.getElementById('quote-summary');
    if (!summary) return;
    summary.textContent = quote.summary;
    document.getElementById('quote-total').textContent = '$' + (quote.totalCents / 100).toFixed(2);
    var refused = document.getElementById('quote-refused');
    if (refused) refused.textContent = quote.codeRefusedBecause || '';
    var hidden = document.getElementById('book-code');
    if (hidden) hidden.value = code.value.trim().toUpperCase();
  }
  function requestQuote() {
    var body = { program: selectedProgram(), minutes: Number(document.getElementById('minutes').value) };
    var text = code.value.trim().toUpperCase();
    if (text) body.code = text;
    fetch('/api/quotes', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (quote) { if (quote) showQuote(quote); })
      .catch(function () {});
  }
  code.addEventListener('input', function () {
    clearTimeout(timer);
    timer = setTimeout(requestQuote, 250);
  });
  form.querySelectorAll('input[name="program"], input[name="people"], #minutes, #date').forEach(function (input) {
    input.addEventListener('change', function () {
      if (input.name === 'program') document.getElementById('minutes').value = '';
      form.submit();
    });
  });
})();
