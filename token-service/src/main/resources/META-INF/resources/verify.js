// Camera scanning for /verify: frames go through jsQR in the browser; the first QR found is
// posted as text, so the picture never leaves the device.
(function () {
  const button = document.getElementById('start-camera');
  const video = document.getElementById('camera');
  const canvas = document.getElementById('frame');
  const status = document.getElementById('camera-status');
  button.addEventListener('click', async function () {
    if (!navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) {
      status.textContent = 'Kamera tidak tersedia di peramban ini · The camera is not available in this browser';
      return;
    }
    try {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      video.srcObject = stream;
      video.style.display = 'block';
      await video.play();
      status.textContent = 'Arahkan kamera ke kode QR · Point the camera at the QR code';
      scan(stream);
    } catch (e) {
      status.textContent = 'Kamera tidak dapat dibuka · The camera cannot be opened';
    }
  });

  function scan(stream) {
    const context = canvas.getContext('2d', { willReadFrequently: true });
    function tick() {
      if (video.readyState === video.HAVE_ENOUGH_DATA) {
        canvas.width = video.videoWidth;
        canvas.height = video.videoHeight;
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const pixels = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'dontInvert' });
        if (code && code.data) {
          stream.getTracks().forEach(function (track) { track.stop(); });
          document.getElementById('token').value = code.data;
          document.getElementById('scan-form').submit();
          return;
        }
      }
      requestAnimationFrame(tick);
    }
    requestAnimationFrame(tick);
  }
})();
