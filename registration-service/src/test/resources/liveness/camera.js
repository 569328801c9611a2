// A scripted camera for MovingSelfieBrowserTest: getUserMedia answers a canvas stream showing the
// public-domain astronaut portrait (or a drawn cartoon), moved as a citizen would follow the app's
// instruction (#challenge-instruction's data-move), or held still. Set before the page's scripts run.
(() => {
  const { mode, photoBase64 } = window.__ikdCamera;
  const bytes = Uint8Array.from(atob(photoBase64), (c) => c.charCodeAt(0));
  let photo = null;
  createImageBitmap(new Blob([bytes], { type: 'image/jpeg' })).then((bitmap) => { photo = bitmap; });
  const FACE_X = 223;
  navigator.mediaDevices.getUserMedia = async () => {
    const canvas = document.createElement('canvas');
    canvas.width = 320;
    canvas.height = 320;
    const g = canvas.getContext('2d');
    let share = 0.5;
    let size = 300;
    const draw = () => {
      const move = document.getElementById('challenge-instruction')?.dataset.move;
      if (mode !== 'still') {
        // the citizen's left is the camera's right: the face moves right in the frame
        if (move === 'LEFT') share = Math.min(0.7, share + 0.02);
        else if (move === 'RIGHT') share = Math.max(0.3, share - 0.02);
        else if (move === 'CLOSER') size = Math.max(192, size - 6);
      }
      if (mode === 'cartoon') {
        g.fillStyle = '#87ceeb';
        g.fillRect(0, 0, 320, 320);
        const cx = 320 * share;
        const r = 70 * (300 / size);
        g.fillStyle = '#ffd54f';
        g.beginPath(); g.ellipse(cx, 160, r, r * 1.15, 0, 0, 2 * Math.PI); g.fill();
        g.fillStyle = '#000';
        g.beginPath(); g.ellipse(cx - r * 0.35, 140, r * 0.14, r * 0.2, 0, 0, 2 * Math.PI); g.fill();
        g.beginPath(); g.ellipse(cx + r * 0.35, 140, r * 0.14, r * 0.2, 0, 0, 2 * Math.PI); g.fill();
        g.lineWidth = 4;
        g.beginPath(); g.arc(cx, 175, r * 0.5, 0.2 * Math.PI, 0.8 * Math.PI); g.stroke();
      } else if (photo) {
        const x = Math.max(0, Math.min(512 - size, Math.round(FACE_X - share * size)));
        g.drawImage(photo, x, 0, size, size, 0, 0, 320, 320);
      }
    };
    draw();
    setInterval(draw, 40);
    return canvas.captureStream(25);
  };
})();
