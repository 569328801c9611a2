// The operator's call page: camera on, offer to the citizen's page, the citizen's counter code from
// the call's data channel scanned as at the counter, the registry record beside the video, and the
// decision taken in the call (channel VIDEO_CALL).
import { callSide, camera } from '/static/video/peer.js';

const $ = (id) => document.getElementById(id);
const root = $('video-call');
const callId = root.dataset.call;
const csrf = root.dataset.csrf;
const base = `/portal/video-calls/${callId}`;

const STATES = {
  connecting: 'Menghubungkan… / Connecting…',
  connected: 'Tersambung dengan pemohon / Connected with the citizen',
  disconnected: 'Sambungan terputus; menunggu… / The connection dropped; waiting…',
  failed: 'Sambungan gagal; memulai ulang… / The connection failed; restarting…',
  closed: 'Panggilan berakhir / The call has ended',
};

async function post(path, body) {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const payload = response.status === 204 || response.status === 202 ? null : await response.json();
  if (!response.ok) throw Object.assign(new Error(payload && payload.detail), { problem: payload || {}, status: response.status });
  return payload;
}

function problemText(error) {
  const p = error.problem || {};
  return [p.title, p.detail].filter(Boolean).join(': ') || 'Terjadi kesalahan / An error occurred';
}

function showCase(c) {
  $('call-case').hidden = false;
  $('case-nik').textContent = c.nikMasked;
  $('case-name').textContent = c.fullName || '-';
  $('case-birth').textContent = c.birth || '-';
  $('case-address').textContent = c.address || '-';
  $('case-ktp').textContent = c.ktpElStatus || '-';
  $('case-life').textContent = c.lifeStatus || '-';
  if (c.photo) $('registry-photo').src = c.photo;
  if (c.selfie) $('selfie').src = c.selfie;
  const remarks = $('case-remarks');
  remarks.replaceChildren(...c.remarks.map((r) => {
    const item = document.createElement('li');
    item.className = r.severity.toLowerCase();
    item.textContent = `${r.wordsId} / ${r.wordsEn}`;
    return item;
  }));
  $('approve').disabled = c.approvalBlocked;
}

let scanned = false;
let pendingCode = null;
let scanRetries = 0;
async function counterCodeArrived(code) {
  pendingCode = code;
  if (scanned) return;
  try {
    const c = await post('/scan', { counterCode: code });
    scanned = true;
    $('code-state').textContent = 'Kode loket pemohon diterima dan cocok. / The citizen\'s counter code arrived and matches.';
    $('code-state').dataset.state = 'matched';
    showCase(c);
  } catch (error) {
    $('code-state').textContent = problemText(error);
    $('code-state').dataset.state = 'refused';
    // "try again" answers (the registry or registration-service busy): the code is still good, scan it again
    if (error.status === 503 && scanRetries < 5) {
      scanRetries += 1;
      setTimeout(() => counterCodeArrived(code), 2000);
    }
  }
}

async function decide(decision) {
  $('decision-error').hidden = true;
  try {
    const outcome = await post('/decision', {
      decision,
      reasonCode: decision === 'REJECTED' ? ($('reason').value || null) : null,
      reasonNote: $('reason-note').value || null,
      ktpElChecked: $('ktp-checked').checked,
    });
    $('call-state').textContent = `Keputusan tersimpan: ${outcome.wordsId} / Decision recorded: ${outcome.wordsEn}`;
    $('call-state').dataset.outcome = outcome.outcome;
    finish();
  } catch (error) {
    $('decision-error').textContent = problemText(error);
    $('decision-error').hidden = false;
  }
}

// Stills (face, KTP-el) from the live video: only after the citizen's consent to stills, while connected.
const stillActions = $('still-actions');
let stillsConsented = stillActions.dataset.stillsConsented === 'true';
let connected = false;
function updateStillButtons() {
  const allowed = stillActions.dataset.stillsOn === 'true' && stillsConsented && connected;
  $('capture-face').disabled = !allowed;
  $('capture-ktp').disabled = !allowed;
}

/** One frame of the remote video as a baseline JPEG (the canvas's), at the video's own size. */
async function frameAsJpeg() {
  const video = $('remote-video');
  const canvas = document.createElement('canvas');
  canvas.width = video.videoWidth;
  canvas.height = video.videoHeight;
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  // the canvas embeds an sRGB profile, which the server drops with the other metadata
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
}

async function capture(kind) {
  $('still-error').hidden = true;
  try {
    const jpeg = await frameAsJpeg();
    const response = await fetch(`${base}/stills?kind=${kind}`, {
      method: 'POST', headers: { 'Content-Type': 'image/jpeg', 'X-CSRF-Token': csrf }, body: jpeg,
    });
    const payload = await response.json();
    if (!response.ok) throw Object.assign(new Error(payload.detail), { problem: payload, status: response.status });
    const figure = document.createElement('figure');
    figure.dataset.still = payload.stillId;
    figure.dataset.kind = payload.kind;
    const image = document.createElement('img');
    image.src = payload.url;
    image.alt = `${payload.wordsId} / ${payload.wordsEn}`;
    image.className = 'portrait';
    const caption = document.createElement('figcaption');
    caption.textContent = `${payload.wordsId} / ${payload.wordsEn}`;
    figure.append(image, caption);
    $('call-stills').append(figure);
  } catch (error) {
    $('still-error').textContent = problemText(error);
    $('still-error').hidden = false;
  }
}

let side;
let stream;
let events;
function finish() {
  connected = false;
  updateStillButtons();
  if (events) events.close();
  if (side) side.close();
  if (stream) stream.getTracks().forEach((track) => track.stop());
}

async function main() {
  stream = await camera($('local-video'));
  side = callSide({
    role: 'offerer', iceServers: JSON.parse(root.dataset.iceServers || '[]'), localStream: stream,
    remoteVideo: $('remote-video'), send: (kind, body) => post('/signals', { kind, body }),
    onState: (state) => {
      if (STATES[state]) $('call-state').textContent = STATES[state];
      $('call-state').dataset.state = state;
      connected = state === 'connected';
      updateStillButtons();
      if (state === 'failed') side.offer();
    },
    onCounterCode: counterCodeArrived,
  });
  events = new EventSource(`${base}/signals`);
  for (const kind of ['answer', 'candidate']) {
    events.addEventListener(kind, (event) => side.handle(kind, JSON.parse(event.data)));
  }
  // the citizen's page says it is ready on every load (a reload too): each time, a new offer. Several
  // read back at once when this page opens are one offer.
  let offerSoon = null;
  events.addEventListener('ready', () => {
    clearTimeout(offerSoon);
    offerSoon = setTimeout(() => side.offer(), 300);
  });
  events.addEventListener('consent', (event) => {
    if (JSON.parse(event.data || '{}').stillsAt) {
      stillsConsented = true;
      $('stills-state').textContent = 'Pemohon menyetujui pengambilan foto. / The citizen agreed to stills.';
      $('stills-state').dataset.state = 'given';
      updateStillButtons();
    }
    $('consent-state').textContent = 'Pemohon menyetujui verifikasi lewat video. / The citizen agreed to verification by video.';
    $('consent-state').dataset.state = 'given';
    if (pendingCode) counterCodeArrived(pendingCode);
  });
  events.addEventListener('hangup', () => {
    $('call-state').textContent = 'Pemohon meninggalkan panggilan. / The citizen left the call.';
    finish();
  });
  $('capture-face').addEventListener('click', () => capture('FACE'));
  $('capture-ktp').addEventListener('click', () => capture('KTP_EL'));
  $('approve').addEventListener('click', () => decide('APPROVED'));
  $('reject').addEventListener('click', () => decide('REJECTED'));
  $('end-call').addEventListener('click', async () => {
    try { await post('/end'); } catch (ignored) { /* already over */ }
    finish();
    window.location.assign('/portal/video-calls');
  });
}

main();
