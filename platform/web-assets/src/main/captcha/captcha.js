/*
 * The suite's proof-of-work captcha widget (ALTCHA scheme, own code, no external service): the
 * activation page (/static/activation/captcha.js) and the complaint form (/static/complaints/captcha.js)
 * are served this one file by their services' builds (platform/web-assets/src/main/captcha).
 * The server's signed challenge says: find number in [0, maxnumber] with
 * SHA-256(salt + number) = challenge. The browser searches with WebCrypto, then puts
 * base64(JSON {algorithm, challenge, number, salt, signature}) into the form and enables it.
 */
(function () {
  'use strict';
  var widget = document.getElementById('captcha');
  if (!widget) {
    return;
  }
  var form = widget.closest('form');
  var submit = form.querySelector('button[type=submit]');
  var field = form.querySelector('input[name=captcha]');
  var status = document.getElementById('captcha-status');
  var challenge = JSON.parse(widget.getAttribute('data-challenge'));
  var encoder = new TextEncoder();
  var BATCH = 500;

  function say(id, en, className) {
    status.textContent = id + ' ';
    var english = document.createElement('span');
    english.className = 'en';
    english.textContent = en;
    status.appendChild(english);
    status.className = className || '';
  }

  function hex(buffer) {
    var bytes = new Uint8Array(buffer);
    var out = '';
    for (var i = 0; i < bytes.length; i++) {
      out += (bytes[i] < 16 ? '0' : '') + bytes[i].toString(16);
    }
    return out;
  }

  function searchFrom(start) {
    var end = Math.min(start + BATCH, challenge.maxnumber + 1);
    var digests = [];
    for (var n = start; n < end; n++) {
      digests.push(crypto.subtle.digest('SHA-256', encoder.encode(challenge.salt + n)));
    }
    return Promise.all(digests).then(function (results) {
      for (var i = 0; i < results.length; i++) {
        if (hex(results[i]) === challenge.challenge) {
          return start + i;
        }
      }
      return end > challenge.maxnumber ? -1 : searchFrom(end);
    });
  }

  if (!window.crypto || !crypto.subtle) {
    say('Captcha membutuhkan koneksi aman (HTTPS).', 'The captcha needs a secure connection (HTTPS).', 'error');
    return;
  }
  submit.disabled = true;
  searchFrom(0).then(function (number) {
    if (number < 0) {
      say('Captcha gagal; muat ulang halaman.', 'The captcha failed; reload the page.', 'error');
      return;
    }
    field.value = btoa(JSON.stringify({
      algorithm: challenge.algorithm, challenge: challenge.challenge, number: number,
      salt: challenge.salt, signature: challenge.signature
    }));
    say('Verifikasi selesai.', 'Verification complete.', 'captcha-done');
    widget.setAttribute('data-solved', 'true');
    submit.disabled = false;
  });
})();
