// The moving selfie (issue 18): the server picks a challenge (two moves), the app shows each move's
// instruction and records a few frames from the camera while the citizen follows it, as JPEG blobs
// drawn through a canvas. The server checks that one live face followed the moves and keeps the best
// frame as the selfie; the other frames are never stored.

const CHALLENGES = '/api/v1/selfie-challenges';
const FRAME_LONG_SIDE = 640;
const FRAME_QUALITY = 0.8;
const SETTLE_MS = 1200; // the citizen reads the first instruction before the first frame
const FRAMES_PER_MOVE = 3;
const FRAME_GAP_MS = 550;

const sleep = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });

/** The camera's current picture as a JPEG blob, at most FRAME_LONG_SIDE long, as the camera sees it (not mirrored). */
function grab(video) {
  const scale = Math.min(1, FRAME_LONG_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  return new Promise((resolve, reject) => {
    canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('no frame'))), 'image/jpeg', FRAME_QUALITY);
  });
}

function waitForPicture(video) {
  if (video.readyState >= 2 && video.videoWidth > 0) return Promise.resolve();
  return new Promise((resolve) => video.addEventListener('loadeddata', () => resolve(), { once: true }));
}

/**
 * Opens the camera (the caller shows `video`, mirrored like a mirror), asks for a challenge and records
 * the citizen following it: a frame at rest, then FRAMES_PER_MOVE frames during each move, each move's
 * instruction shown in `instruction` (Bahasa Indonesia, then English). Resolves to {challengeId, frames}.
 * Rejects when the camera cannot be opened (the caller falls back to a photo file where that is allowed).
 */
export async function recordMovingSelfie({ call, video, instruction }) {
  const stream = await navigator.mediaDevices.getUserMedia({
    video: { facingMode: 'user', width: { ideal: 640 }, height: { ideal: 480 } }, audio: false,
  });
  try {
    video.srcObject = stream;
    await waitForPicture(video);
    const challenge = await call(CHALLENGES, { method: 'POST' });
    const frames = [];
    instruction.dataset.move = 'READY';
    instruction.textContent = 'Hadapkan wajah ke kamera… / Face the camera…';
    await sleep(SETTLE_MS);
    frames.push(await grab(video));
    for (const step of challenge.moves) {
      instruction.dataset.move = step.move;
      instruction.textContent = `${step.instructionId} / ${step.instructionEn}`;
      for (let i = 0; i < FRAMES_PER_MOVE; i++) {
        await sleep(FRAME_GAP_MS);
        frames.push(await grab(video));
      }
    }
    instruction.dataset.move = 'DONE';
    instruction.textContent = 'Selesai direkam / Recorded';
    return { challengeId: challenge.challengeId, frames, expiresAt: challenge.expiresAt };
  } finally {
    stream.getTracks().forEach((track) => track.stop());
    video.srcObject = null;
  }
}
