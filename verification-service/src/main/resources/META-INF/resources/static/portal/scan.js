// Camera scanning of the citizen's counter QR with jsQR (Apache-2.0; the suite's one copy, platform/web-assets, /vendor/jsqr/).
// The decoded text (a signed compact JWS) is posted as qrPayload; the server verifies it.
(function () {
  var start = document.getElementById('camera-start');
  var video = document.getElementById('camera');
  var canvas = document.getElementById('frame');
  var status = document.getElementById('camera-status');
  var form = document.getElementById('qr-form');
  var payload = document.getElementById('qrPayload');
  if (!start || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
    if (status) { status.textContent = 'Kamera tidak tersedia: ketik kode singkat. / No camera: type the short code.'; }
    if (start) { start.disabled = true; }
    return;
  }
  var stream = null;
  function stop() {
    if (stream) { stream.getTracks().forEach(function (t) { t.stop(); }); stream = null; }
  }
  function scanFrame() {
    if (!stream) { return; }
    if (video.readyState === video.HAVE_ENOUGH_DATA) {
      canvas.width = video.videoWidth;
      canvas.height = video.videoHeight;
      var context = canvas.getContext('2d', { willReadFrequently: true });
      context.drawImage(video, 0, 0, canvas.width, canvas.height);
      var image = context.getImageData(0, 0, canvas.width, canvas.height);
      var code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' });
      if (code && code.data) {
        stop();
        payload.value = code.data;
        status.textContent = 'Kode terbaca, memeriksa... / Code read, checking...';
        form.submit();
        return;
      }
    }
    requestAnimationFrame(scanFrame);
  }
  start.addEventListener('click', function () {
    navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } }).then(function (s) {
      stream = s;
      video.srcObject = s;
      video.hidden = false;
      video.play();
      status.textContent = 'Arahkan kamera ke QR di aplikasi pemohon. / Point the camera at the QR in the citizen\'s app.';
      requestAnimationFrame(scanFrame);
    }).catch(function () {
      status.textContent = 'Kamera tidak dapat dibuka: ketik kode singkat. / The camera cannot be opened: type the short code.';
    });
  });
  window.addEventListener('pagehide', stop);
})();
