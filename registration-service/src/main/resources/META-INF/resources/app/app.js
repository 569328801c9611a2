// The IKD mobile app, played in the browser against the public APIs (same paths as a phone).
import qrcode from './vendor/qrcode.mjs';
import { deviceKey, forgetDeviceKey, publicJwk, signCompact } from './device-key.js';

const REGISTRATIONS = '/api/v1/registrations';
const SECRET_HEADER = 'X-Registration-Secret';
const STORAGE_KEY = 'ikd.app.registration';
const RECONNECT_MS = 3000;
const QR_RENEW_BEFORE_MS = 15000;
const SELFIE_MAX_SIDE = 1280;

const $ = (id) => document.getElementById(id);

const TIMELINE_LABELS = {
  SUBMITTED: ['Pendaftaran diterima, menunggu verifikasi', 'Registration received, awaiting verification'],
  APPROVED: ['Disetujui', 'Approved'],
  REJECTED: ['Ditolak', 'Rejected'],
  ACTIVATION_CODE_ISSUED: ['PIN aktivasi dibuat', 'Activation PIN issued'],
  NOTIFICATION_SENT: ['Pesan terkirim', 'Message sent'],
  NOTIFICATION_RETRYING: ['Pengiriman pesan sedang diulang', 'Message delivery being retried'],
  NOTIFICATION_FAILED: ['Pengiriman pesan gagal', 'Message delivery failed'],
  ACTIVATED: ['IKD aktif', 'IKD activated'],
  REVOKED: ['IKD dicabut', 'IKD revoked'],
  WITHDRAWN: ['Pendaftaran dibatalkan', 'Registration withdrawn'],
  SUPERSEDED: ['Digantikan pendaftaran yang lebih baru', 'Replaced by a newer registration'],
  EXPIRED: ['Pendaftaran kedaluwarsa', 'Registration expired'],
};

const CHANNELS = { EMAIL: 'email', SMS: 'SMS', COUNTER: 'loket / counter', VIDEO_CALL: 'panggilan video / video call' };

const state = {
  config: null,
  registration: null, // {registrationId, registrationSecret, counterCode}
  status: null,
  seenEntries: new Set(),
  lastEventId: null,
  selfie: null, // Blob
  cameraStream: null,
  appPin: null, // memory only, for this app session
  session: null, // {accessToken, expiresAt}
  counterTimer: null,
  qrTimer: null,
  qrRenewal: null,
};

// ---- helpers ---------------------------------------------------------------------------------

function show(id, visible = true) { $(id).hidden = !visible; }

function showError(id, message) {
  const element = $(id);
  element.textContent = message || '';
  element.hidden = !message;
}

function bilingual(indonesian, english) { return `${indonesian} / ${english}`; }

class ProblemError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.status = status;
    this.problem = problem;
  }
}

async function readProblem(response) {
  try {
    return await response.json();
  } catch {
    return { title: `HTTP ${response.status}` };
  }
}

function describe(error) {
  if (error instanceof ProblemError) {
    const p = error.problem;
    const lines = [[p.title, p.detail].filter(Boolean).join(': ')];
    if (p.attemptsLeft !== undefined) lines.push(bilingual(`Sisa percobaan: ${p.attemptsLeft}`, `attempts left: ${p.attemptsLeft}`));
    if (p.code) lines.push(`(${p.code})`);
    return lines.join('\n');
  }
  return bilingual('Tidak dapat terhubung ke layanan', 'Cannot reach the service') + ` (${error.message})`;
}

async function call(url, { method = 'GET', headers = {}, json, body } = {}) {
  const init = { method, headers: { Accept: 'application/json', 'Accept-Language': 'id', ...headers } };
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(url, init);
  if (!response.ok) throw new ProblemError(response.status, await readProblem(response));
  return response.status === 204 ? null : response.json();
}

function countdown(expiresAt) {
  const seconds = Math.max(0, Math.round((new Date(expiresAt).getTime() - Date.now()) / 1000));
  return { seconds, text: `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}` };
}


// ---- registration ----------------------------------------------------------------------------

function saveRegistration() { localStorage.setItem(STORAGE_KEY, JSON.stringify(state.registration)); }

function loadRegistration() {
  try {
    return JSON.parse(localStorage.getItem(STORAGE_KEY));
  } catch {
    return null;
  }
}

function secretHeaders() { return { [SECRET_HEADER]: state.registration.registrationSecret }; }

async function openCamera() {
  try {
    state.cameraStream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'user' }, audio: false });
    $('camera').srcObject = state.cameraStream;
    show('camera');
    show('capture-button');
    show('selfie-preview', false);
    showError('register-error', null);
  } catch (error) {
    showError('register-error', bilingual('Kamera tidak tersedia; pilih berkas foto', 'Camera not available; choose a photo file')
      + ` (${error.name})`);
  }
}

function stopCamera() {
  if (state.cameraStream) state.cameraStream.getTracks().forEach((track) => track.stop());
  state.cameraStream = null;
  show('camera', false);
  show('capture-button', false);
}

function capturePhoto() {
  const video = $('camera');
  const scale = Math.min(1, SELFIE_MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(video.videoWidth * scale);
  canvas.height = Math.round(video.videoHeight * scale);
  canvas.getContext('2d').drawImage(video, 0, 0, canvas.width, canvas.height);
  canvas.toBlob((blob) => {
    stopCamera();
    useSelfie(blob);
  }, 'image/jpeg', 0.9);
}

function useSelfie(blob) {
  state.selfie = blob;
  const preview = $('selfie-preview');
  if (preview.src) URL.revokeObjectURL(preview.src);
  preview.src = URL.createObjectURL(blob);
  show('selfie-preview');
}

async function register(event) {
  event.preventDefault();
  showError('register-error', null);
  if (!state.selfie) {
    showError('register-error', bilingual('Ambil swafoto atau pilih berkas foto', 'Take a selfie or choose a photo file'));
    return;
  }
  const button = $('register-button');
  button.disabled = true;
  try {
    const form = new FormData();
    for (const field of ['nik', 'email', 'phone', 'language']) form.append(field, $(field).value.trim());
    form.append('deviceKey', await publicJwk(await deviceKey()));
    form.append('selfie', state.selfie, state.selfie.type === 'image/png' ? 'selfie.png' : 'selfie.jpg');
    const accepted = await call(REGISTRATIONS, { method: 'POST', body: form });
    state.registration = {
      registrationId: accepted.registrationId,
      registrationSecret: accepted.registrationSecret,
      counterCode: accepted.counterCode,
    };
    saveRegistration();
    $('register-form').reset();
    state.selfie = null;
    show('selfie-preview', false);
    startRegistered();
  } catch (error) {
    showError('register-error', describe(error));
  } finally {
    button.disabled = false;
  }
}

// ---- counter code ----------------------------------------------------------------------------

function drawQr(canvas, text) {
  const qr = qrcode(0, 'M');
  qr.addData(text);
  qr.make();
  const modules = qr.getModuleCount();
  const quietZone = 4;
  const scale = Math.max(2, Math.floor(528 / (modules + 2 * quietZone)));
  const size = (modules + 2 * quietZone) * scale;
  canvas.width = size;
  canvas.height = size;
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size, size);
  context.fillStyle = '#000';
  for (let row = 0; row < modules; row += 1) {
    for (let col = 0; col < modules; col += 1) {
      if (qr.isDark(row, col)) context.fillRect((col + quietZone) * scale, (row + quietZone) * scale, scale, scale);
    }
  }
  canvas.dataset.rendered = 'true';
}

function showCounterCode() {
  const code = state.registration.counterCode;
  drawQr($('counter-qr'), code.payload);
  $('short-code').textContent = code.shortCode;
  clearInterval(state.counterTimer);
  const tick = () => {
    const left = countdown(code.expiresAt);
    $('counter-expiry').textContent = left.seconds > 0
      ? bilingual(`Berlaku ${left.text} lagi`, `valid for ${left.text}`)
      : bilingual('Kode kedaluwarsa — minta kode baru', 'code expired — ask for a new code');
    $('counter-qr').classList.toggle('expired', left.seconds === 0);
    if (left.seconds === 0) clearInterval(state.counterTimer);
  };
  tick();
  state.counterTimer = setInterval(tick, 1000);
}

async function newCounterCode() {
  showError('counter-error', null);
  const button = $('new-code-button');
  button.disabled = true;
  try {
    const code = await call(`${REGISTRATIONS}/${state.registration.registrationId}/counter-code`,
      { method: 'POST', headers: secretHeaders() });
    state.registration.counterCode = code;
    saveRegistration();
    showCounterCode();
  } catch (error) {
    showError('counter-error', describe(error));
  } finally {
    button.disabled = false;
  }
}

// ---- live status (SSE over fetch, since EventSource cannot send the secret header) -------------

function renderEntry(entry) {
  if (state.seenEntries.has(entry.id)) return;
  state.seenEntries.add(entry.id);
  const pinSent = entry.kind === 'NOTIFICATION_SENT' && entry.messageKind === 'ACTIVATION_CODE';
  const [indonesian, english] = pinSent ? ['PIN aktivasi terkirim', 'Activation PIN sent']
    : TIMELINE_LABELS[entry.kind] || [entry.kind, entry.kind];
  const item = document.createElement('li');
  item.dataset.kind = entry.kind;
  item.dataset.id = entry.id;
  const title = document.createElement('strong');
  title.textContent = indonesian;
  const translation = document.createElement('span');
  translation.className = 'en';
  translation.textContent = ` / ${english}`;
  item.append(title, translation);
  const details = [];
  if (entry.channel) details.push(CHANNELS[entry.channel] || entry.channel);
  if (entry.recipient) details.push(entry.recipient);
  if (entry.reasonCode) details.push(entry.reasonCode);
  if (details.length) item.append(document.createTextNode(` (${details.join(', ')})`));
  if (entry.note) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = entry.note;
    item.append(note);
  }
  const time = document.createElement('time');
  time.dateTime = entry.at;
  time.textContent = new Date(entry.at).toLocaleString('id-ID');
  item.append(time);
  const timeline = $('timeline');
  const later = [...timeline.children].find((child) => Number(child.dataset.id) > entry.id);
  timeline.insertBefore(item, later || null);
}

function applyStatus(status) {
  state.status = status;
  const pending = status === 'PENDING_VERIFICATION';
  show('counter-section', pending);
  if (!pending) clearInterval(state.counterTimer);
  show('pin-section', status === 'ACTIVATED' && !state.session);
  if (status !== 'ACTIVATED') stopIdentityQr();
}

function handleFrame(frame) {
  let name = 'message';
  let id = null;
  const data = [];
  for (const line of frame.split(/\r?\n/)) {
    if (line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') name = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  if (id) state.lastEventId = id;
  if (name !== 'registration' || !data.length) return;
  const update = JSON.parse(data.join('\n'));
  renderEntry(update.entry);
  applyStatus(update.status);
}

async function followStatus() {
  const registrationId = state.registration.registrationId;
  for (;;) {
    try {
      const headers = { ...secretHeaders(), Accept: 'text/event-stream' };
      if (state.lastEventId) headers['Last-Event-ID'] = state.lastEventId;
      const response = await fetch(`${REGISTRATIONS}/${registrationId}/events`, { headers });
      if (response.status === 401) {
        $('status-connection').textContent = bilingual('Pendaftaran tidak dikenal lagi', 'Registration no longer known');
        return;
      }
      if (!response.ok || !response.body) throw new Error(`HTTP ${response.status}`);
      $('status-connection').textContent = bilingual('Tersambung, status diperbarui langsung', 'Connected, status updates live');
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        const frames = buffer.split(/\r?\n\r?\n/);
        buffer = frames.pop();
        frames.forEach(handleFrame);
      }
    } catch (error) {
      // network drop: reconnect below with Last-Event-ID
    }
    if (state.registration?.registrationId !== registrationId) return;
    $('status-connection').textContent = bilingual('Terputus, menyambung ulang…', 'Disconnected, reconnecting…');
    await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
  }
}

// ---- citizen session and the 90 s IKD QR -----------------------------------------------------

async function openSession() {
  const activation = state.config.activationUrl;
  const challenge = await call(`${activation}/api/v1/citizen/session-challenges`,
    { method: 'POST', json: { registrationId: state.registration.registrationId } });
  const deviceSignature = await signCompact(challenge.nonce);
  const session = await call(`${activation}/api/v1/citizen/sessions`,
    { method: 'POST', json: { nonce: challenge.nonce, deviceSignature, appPin: state.appPin } });
  state.session = { accessToken: session.accessToken, expiresAt: Date.now() + (session.expiresIn - 30) * 1000 };
}

async function fetchIdentityQr() {
  if (!state.session || Date.now() >= state.session.expiresAt) await openSession();
  const bearer = { Authorization: `Bearer ${state.session.accessToken}` };
  const proof = await call(`${state.config.activationUrl}/api/v1/citizen/pin-proofs`,
    { method: 'POST', headers: bearer, json: { appPin: state.appPin } });
  // what the QR shows is the citizen's choice; the default shows nothing personal
  const disclosure = $('qr-disclosure').value;
  return call(`${state.config.tokenUrl}/api/v1/qr-tokens`,
    { method: 'POST', headers: bearer, json: { pinProof: proof.pinProof, disclosure } });
}

function showIdentityQr(token) {
  $('identity-qr').src = `data:image/png;base64,${token.qr.pngBase64}`;
  show('qr-section');
  clearInterval(state.qrTimer);
  const tick = () => {
    const left = countdown(token.expiresAt);
    $('qr-countdown').textContent = bilingual(`Berlaku ${left.text} lagi`, `valid for ${left.text}`);
  };
  tick();
  state.qrTimer = setInterval(tick, 1000);
  clearTimeout(state.qrRenewal);
  const renewIn = Math.max(1000, new Date(token.expiresAt).getTime() - Date.now() - QR_RENEW_BEFORE_MS);
  state.qrRenewal = setTimeout(renewIdentityQr, renewIn);
}

async function renewIdentityQr() {
  try {
    showIdentityQr(await fetchIdentityQr());
    showError('qr-error', null);
  } catch (error) {
    showError('qr-error', describe(error));
    state.qrRenewal = setTimeout(renewIdentityQr, RECONNECT_MS * 5);
  }
}

function stopIdentityQr() {
  clearInterval(state.qrTimer);
  clearTimeout(state.qrRenewal);
  show('qr-section', false);
}

async function enterPin(event) {
  event.preventDefault();
  showError('pin-error', null);
  const pin = $('app-pin').value.trim();
  if (!/^[0-9]{6}$/.test(pin)) {
    showError('pin-error', bilingual('PIN harus 6 angka', 'The PIN must be 6 digits'));
    return;
  }
  const button = $('pin-button');
  button.disabled = true;
  state.appPin = pin;
  try {
    await openSession();
    $('app-pin').value = '';
    show('pin-section', false);
    showIdentityQr(await fetchIdentityQr());
  } catch (error) {
    state.appPin = null;
    state.session = null;
    showError('pin-error', describe(error));
  } finally {
    button.disabled = false;
  }
}

// ---- start -----------------------------------------------------------------------------------

function startRegistered() {
  show('register-section', false);
  show('status-section');
  show('reset-section');
  showCounterCode();
  show('counter-section');
  followStatus();
}

async function reset() {
  if (!window.confirm(bilingual('Hapus pendaftaran dan kunci perangkat dari peramban ini?',
    'Forget the registration and the device key in this browser?'))) return;
  localStorage.removeItem(STORAGE_KEY);
  await forgetDeviceKey();
  window.location.reload();
}

async function start() {
  $('register-form').addEventListener('submit', register);
  $('camera-button').addEventListener('click', openCamera);
  $('capture-button').addEventListener('click', capturePhoto);
  $('selfie-file').addEventListener('change', (event) => {
    const [file] = event.target.files;
    if (file) {
      stopCamera();
      useSelfie(file);
    }
  });
  $('new-code-button').addEventListener('click', newCounterCode);
  $('pin-form').addEventListener('submit', enterPin);
  // another choice of what the QR shows: a new QR at once (the shown one keeps its content until it expires)
  $('qr-disclosure').addEventListener('change', () => {
    clearTimeout(state.qrRenewal);
    renewIdentityQr();
  });
  $('reset-button').addEventListener('click', reset);
  if (!window.isSecureContext || !crypto.subtle) {
    showError('app-error', bilingual('Buka aplikasi ini lewat HTTPS atau localhost (WebCrypto diperlukan)',
      'Open this app over HTTPS or localhost (WebCrypto is required)'));
    return;
  }
  state.config = await call('config.json');
  state.registration = loadRegistration();
  if (state.registration) startRegistered();
  else show('register-section');
}

start().catch((error) => showError('app-error', describe(error)));
