// The IKD mobile app, played in the browser against the public APIs (same paths as a phone).
import qrcode from './vendor/qrcode.mjs';
import { deviceKey, forgetDeviceKey, publicJwk, signCompact } from './device-key.js';
import { ktpCard } from './card.js';
import { initDataRights, onStatus } from './data-rights.js';
import { recordMovingSelfie } from './moving-selfie.js';

const REGISTRATIONS = '/api/v1/registrations';
const SECRET_HEADER = 'X-Registration-Secret';
const STORAGE_KEY = 'ikd.app.registration';
const RECONNECT_MS = 3000;
const QR_RENEW_BEFORE_MS = 15000;
const SELFIE_MAX_SIDE = 1280;

const $ = (id) => document.getElementById(id);

// Fallback words for a step from an older server that sends no `text` (the server words each step).
const TIMELINE_LABELS = {
  SUBMITTED: ['Pendaftaran diterima, menunggu verifikasi', 'Registration received, awaiting verification'],
  CENTRAL_REVIEW_PENDING: ['Menunggu verifikasi pusat', 'Awaiting central verification'],
  CENTRAL_REVIEW_RETURNED: ['Dikembalikan ke kantor untuk diperiksa ulang', 'Sent back to the office to be checked again'],
  APPROVED: ['Data Anda disetujui', 'Your data was approved'],
  REJECTED: ['Verifikasi belum disetujui', 'Verification was not approved'],
  ACTIVATION_CODE_ISSUED: ['PIN aktivasi sudah dibuat', 'The activation PIN was created'],
  NOTIFICATION_SENT: ['Pesan terkirim', 'Message sent'],
  NOTIFICATION_RETRYING: ['Pengiriman pesan sedang diulang', 'Message delivery being retried'],
  NOTIFICATION_FAILED: ['Pengiriman pesan gagal', 'Message delivery failed'],
  ACTIVATED: ['IKD Anda aktif', 'Your IKD is active'],
  REVOKED: ['IKD Anda sudah dicabut', 'Your IKD was revoked'],
  WITHDRAWN: ['Pendaftaran dibatalkan', 'Registration withdrawn'],
  SUPERSEDED: ['Digantikan pendaftaran yang lebih baru', 'Replaced by a newer registration'],
  EXPIRED: ['Pendaftaran kedaluwarsa', 'Registration expired'],
  SELFIE_ERASED: ['Swafoto Anda sudah dihapus', 'Your selfie was deleted'],
  CONTACT_CORRECTED: ['Kontak diperbarui di kantor', 'Contact updated at the office'],
};
const UNKNOWN_STEP = ['Status pendaftaran diperbarui', 'The registration status was updated'];
// statuses that end a registration: the app shows what to do next
const FINAL_STATUSES = new Set(['REJECTED', 'EXPIRED', 'WITHDRAWN', 'REVOKED']);
// the steps that end a registration (a failed message after a rejection does not replace its next step)
const FINAL_KINDS = new Set(['REJECTED', 'EXPIRED', 'APPROVAL_LAPSED', 'WITHDRAWN', 'SUPERSEDED', 'REVOKED']);
// problems of a citizen session that an ended identity causes (activation-service does not say which)
const SESSION_ENDED_CODES = new Set(['SESSION_REFUSED', 'IDENTITY_NOT_ACTIVE', 'REFRESH_REFUSED']);

const CHANNELS = { EMAIL: 'email', SMS: 'SMS', COUNTER: 'loket / counter', VIDEO_CALL: 'panggilan video / video call' };

const state = {
  config: null,
  registration: null, // {registrationId, registrationSecret, counterCode}
  status: null,
  seenEntries: new Set(),
  lastEventId: null,
  selfie: null, // Blob
  moving: null, // the moving selfie: {challengeId, frames: [Blob]}
  cameraStream: null,
  appPin: null, // memory only, for this app session
  session: null, // {accessToken, expiresAt}
  sessionEnd: null, // locks the card when the session ends
  card: null, // the KTP Digital card (card.js)
  counterTimer: null,
  qrTimer: null,
  qrRenewal: null,
  nextStep: null, // the newest step that ended the registration, with its next step
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
    const indonesian = [p.title, p.detail].filter(Boolean).join(': ');
    const english = [p.titleEn, p.detailEn].filter(Boolean).join(': ');
    const lines = [english ? bilingual(indonesian, english) : indonesian];
    if (p.attemptsLeft !== undefined) lines.push(bilingual(`Sisa percobaan: ${p.attemptsLeft}`, `attempts left: ${p.attemptsLeft}`));
    return lines.join('\n');
  }
  return bilingual('Tidak dapat terhubung ke layanan', 'Cannot reach the service') + ` (${error.message})`;
}

// 128 random bits, base64url. Every POST carries one (Idempotency-Key): the gateway may then send it
// to another replica when the first dies before answering, and the service answers that repeat as
// the first. getRandomValues, not randomUUID: the latter needs a secure context (https or localhost).
function newRequestKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

// A "later" answer (502, 503, 504) or a lost connection is tried again, with the same key, at most
// twice, after Retry-After (capped) or 1 s, 2 s: the service answers a repeat as the first, so
// nothing happens twice, and a replica restarting or a busy moment does not reach the citizen.
const RETRIES = 2;
const MAX_RETRY_WAIT_MS = 5000;

function retryWait(response, attempt) {
  const seconds = Number(response?.headers.get('Retry-After'));
  const wait = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000 * (attempt + 1);
  return new Promise((resolve) => setTimeout(resolve, Math.min(wait, MAX_RETRY_WAIT_MS)));
}

async function call(url, { method = 'GET', headers = {}, json, body } = {}) {
  const init = { method, headers: { Accept: 'application/json', 'Accept-Language': 'id', ...headers } };
  if (method === 'POST') init.headers['Idempotency-Key'] = newRequestKey();
  if (json !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  for (let attempt = 0; ; attempt++) {
    let response;
    try {
      response = await fetch(url, init);
    } catch (lost) {
      if (attempt >= RETRIES) throw lost;
      await retryWait(null, attempt);
      continue;
    }
    if ([502, 503, 504].includes(response.status) && attempt < RETRIES) {
      await retryWait(response, attempt);
      continue;
    }
    if (!response.ok) throw new ProblemError(response.status, await readProblem(response));
    return response.status === 204 ? null : response.json();
  }
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
  state.moving = null;
  show('moving-recorded', false);
  const preview = $('selfie-preview');
  if (preview.src) URL.revokeObjectURL(preview.src);
  preview.src = URL.createObjectURL(blob);
  show('selfie-preview');
}

/** Records the moving selfie under a fresh challenge; without a camera, says so (and where allowed, points to a file). */
async function recordMoving() {
  stopCamera();
  showError('register-error', null);
  const button = $('moving-button');
  button.disabled = true;
  const video = $('camera');
  video.classList.add('mirrored');
  show('camera');
  show('challenge-instruction');
  try {
    state.moving = await recordMovingSelfie({ call, video, instruction: $('challenge-instruction') });
    state.selfie = null;
    show('selfie-preview', false);
    show('moving-recorded');
  } catch (error) {
    state.moving = null;
    const fallback = state.config.livenessRequired ? ''
      : ` ${bilingual('Atau pilih berkas foto', 'Or choose a photo file')}`;
    showError('register-error', error instanceof ProblemError ? describe(error)
      : `${bilingual('Kamera tidak tersedia', 'Camera not available')} (${error.name}).${fallback}`);
  } finally {
    show('camera', false);
    show('challenge-instruction', false);
    video.classList.remove('mirrored');
    button.disabled = false;
  }
}

async function register(event) {
  event.preventDefault();
  showError('register-error', null);
  if (!state.selfie && !state.moving) {
    showError('register-error', state.config.livenessRequired
      ? bilingual('Rekam swafoto bergerak dahulu', 'Record a moving selfie first')
      : bilingual('Rekam swafoto bergerak atau pilih berkas foto', 'Record a moving selfie or choose a photo file'));
    return;
  }
  const button = $('register-button');
  button.disabled = true;
  try {
    const form = new FormData();
    for (const field of ['nik', 'email', 'phone', 'language']) form.append(field, $(field).value.trim());
    form.append('deviceKey', await publicJwk(await deviceKey()));
    if (state.moving) {
      form.append('challengeId', state.moving.challengeId);
      state.moving.frames.forEach((frame, i) => form.append('frame', frame, `frame-${i}.jpg`));
    } else {
      form.append('selfie', state.selfie, state.selfie.type === 'image/png' ? 'selfie.png' : 'selfie.jpg');
    }
    const accepted = await call(REGISTRATIONS, { method: 'POST', body: form });
    state.registration = {
      registrationId: accepted.registrationId,
      registrationSecret: accepted.registrationSecret,
      counterCode: accepted.counterCode,
      timeZone: accepted.timeZone,
    };
    saveRegistration();
    $('register-form').reset();
    state.selfie = null;
    state.moving = null;
    show('selfie-preview', false);
    show('moving-recorded', false);
    startRegistered();
  } catch (error) {
    // a challenge works once: a refused moving selfie is recorded again under a new one
    if (state.moving) {
      state.moving = null;
      show('moving-recorded', false);
    }
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

/**
 * Opens the office's video call page with a counter code that still has a few minutes to live; the code
 * travels in the fragment, which the browser never sends, and the call page posts it.
 */
async function videoCall() {
  const code = state.registration.counterCode;
  if (!code || countdown(code.expiresAt).seconds < 120) await newCounterCode();
  window.location.assign(`${state.config.pagesUrl}/panggilan-video#code=${encodeURIComponent(state.registration.counterCode.payload)}`);
}

// ---- live status (SSE over fetch, since EventSource cannot send the secret header) -------------

function words(entry) {
  if (entry.text) return [entry.text.id, entry.text.en];
  return TIMELINE_LABELS[entry.kind] || UNKNOWN_STEP;
}

function bilingualParagraph(className, wording) {
  const paragraph = document.createElement('p');
  paragraph.className = className;
  paragraph.textContent = wording.id;
  const translation = document.createElement('span');
  translation.className = 'en';
  translation.textContent = ` / ${wording.en}`;
  paragraph.append(translation);
  return paragraph;
}

function renderEntry(entry) {
  if (state.seenEntries.has(entry.id)) return;
  state.seenEntries.add(entry.id);
  const [indonesian, english] = words(entry);
  const item = document.createElement('li');
  item.dataset.kind = entry.kind;
  item.dataset.id = entry.id;
  const title = document.createElement('strong');
  title.textContent = indonesian;
  const translation = document.createElement('span');
  translation.className = 'en';
  translation.textContent = ` / ${english}`;
  item.append(title, translation);
  if (entry.channel && CHANNELS[entry.channel] && !entry.kind.startsWith('NOTIFICATION')) {
    item.append(document.createTextNode(` (${CHANNELS[entry.channel]})`));
  }
  if (entry.reason) item.append(bilingualParagraph('reason', entry.reason));
  if (entry.note && (entry.kind === 'REJECTED' || entry.kind === 'APPROVED')) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = `${bilingual('Catatan petugas', "Officer's note")}: ${entry.note}`;
    item.append(note);
  }
  if (entry.nextStep) item.append(bilingualParagraph('next-step', entry.nextStep));
  if (entry.expectedBy) {
    // a pending central verification: when Ditjen Dukcapil is expected to have decided; a video call: its slot
    const expected = document.createElement('p');
    expected.className = 'expected';
    const when = document.createElement('time');
    when.dateTime = entry.expectedBy;
    when.textContent = localTime(entry.expectedBy);
    const label = entry.kind.startsWith('VIDEO_CALL') ? bilingual('Jadwal', 'Appointment')
      : bilingual('Perkiraan selesai', 'Expected by');
    expected.append(document.createTextNode(`${label}: `), when);
    item.append(expected);
  }
  const time = document.createElement('time');
  time.dateTime = entry.at;
  time.textContent = localTime(entry.at);
  item.append(time);
  const timeline = $('timeline');
  const later = [...timeline.children].find((child) => Number(child.dataset.id) > entry.id);
  timeline.insertBefore(item, later || null);
  const ending = FINAL_KINDS.has(entry.kind);
  if (ending && entry.nextStep && (!state.nextStep || state.nextStep.id < entry.id)) state.nextStep = entry;
}

// the zones the server names (IndonesianTimeZone), as IANA zones
const OFFICE_ZONES = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

/**
 * A time as the citizen reads it: in the local time of the registration's office (WIB, WITA or WIT,
 * which the server names), wherever the phone is; the phone's own zone only until it is known.
 */
function localTime(at) {
  const zone = state.registration && state.registration.timeZone;
  if (OFFICE_ZONES[zone]) {
    return new Date(at).toLocaleString('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: OFFICE_ZONES[zone] })
      + ` ${zone}`;
  }
  return new Date(at).toLocaleString('id-ID', { dateStyle: 'long', timeStyle: 'short' })
    + ` ${zoneName(new Date(at))}`;
}

/** A registration saved before the server named its office's zone learns it once. */
async function learnTimeZone() {
  if (state.registration.timeZone) return;
  try {
    const report = await call(`${REGISTRATIONS}/${state.registration.registrationId}`, { headers: secretHeaders() });
    if (report.timeZone && state.registration) {
      state.registration.timeZone = report.timeZone;
      saveRegistration();
    }
  } catch {
    // not now: the phone's zone until the next start
  }
}

function zoneName(date) {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const indonesian = { 'Asia/Jakarta': 'WIB', 'Asia/Pontianak': 'WIB', 'Asia/Makassar': 'WITA', 'Asia/Jayapura': 'WIT' };
  if (indonesian[zone]) return indonesian[zone];
  const part = new Intl.DateTimeFormat('id-ID', { timeZoneName: 'short' }).formatToParts(date)
    .find((p) => p.type === 'timeZoneName');
  return part ? part.value : '';
}

/** After a final status: what happened, why, and the next step with its button and the office to contact. */
function showNextStep(status) {
  const entry = state.nextStep;
  const final = FINAL_STATUSES.has(status) && entry && entry.status === status;
  show('next-step-section', Boolean(final));
  if (!final) return;
  const [indonesian, english] = words(entry);
  const summary = $('next-step-summary');
  summary.replaceChildren(document.createTextNode(indonesian),
    Object.assign(document.createElement('span'), { className: 'en', textContent: ` / ${english}` }));
  const reason = $('next-step-reason');
  reason.replaceChildren();
  if (entry.reason) reason.append(bilingualParagraph('reason', entry.reason));
  $('next-step-text').replaceChildren(bilingualParagraph('next-step', entry.nextStep));
  show('register-again-button', entry.nextStep.action === 'REGISTER_AGAIN');
  const call = $('office-call');
  const office = entry.office;
  if (office && office.phone) {
    call.href = `tel:${office.phone.replace(/[^0-9+]/g, '')}`;
    call.textContent = bilingual(`Hubungi ${office.name} (${office.phone})`, 'Call the office');
  }
  show('office-call', Boolean(office && office.phone));
  $('office-address').textContent = office && office.address ? bilingual('Alamat', 'Address') + `: ${office.address}` : '';
  show('office-address', Boolean(office && office.address));
}

function applyStatus(status) {
  state.status = status;
  const pending = status === 'PENDING_VERIFICATION';
  show('counter-section', pending);
  if (!pending) clearInterval(state.counterTimer);
  show('pin-section', status === 'ACTIVATED' && !state.session);
  if (status !== 'ACTIVATED' && state.session) lockCard();
  if (status !== 'ACTIVATED') stopIdentityQr();
  if (status !== 'ACTIVATED') showError('pin-error', null);
  showNextStep(status);
  onStatus(status);
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
  // when the session ends the card locks: the citizen enters the app PIN again (SOP step 6)
  clearTimeout(state.sessionEnd);
  state.sessionEnd = setTimeout(lockCard, Math.max(0, state.session.expiresAt - Date.now()));
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
    const token = await fetchIdentityQr();
    if (!state.appPin) return; // locked meanwhile: no QR behind the PIN form
    showIdentityQr(token);
    showError('qr-error', null);
  } catch (error) {
    if (!state.appPin) return;
    showError('qr-error', await explain(error));
    if (state.status === 'ACTIVATED') state.qrRenewal = setTimeout(renewIdentityQr, RECONNECT_MS * 5);
  }
}

function stopIdentityQr() {
  clearInterval(state.qrTimer);
  clearTimeout(state.qrRenewal);
  show('qr-section', false);
}

/** The QR, one tap from the card: it takes the card's place at the top of the screen. */
async function showQrFromCard() {
  showError('card-error', null);
  const button = $('show-qr-button');
  button.disabled = true;
  try {
    const token = await fetchIdentityQr();
    if (!state.appPin) return;
    state.card.hide();
    showIdentityQr(token);
  } catch (error) {
    showError('card-error', await explain(error));
  } finally {
    button.disabled = false;
  }
}

function backToCard() {
  stopIdentityQr();
  showError('qr-error', null);
  state.card.show();
}

/** Ends the app session here: the card and the QR close, the PIN is forgotten, the PIN form returns. */
function lockCard() {
  clearTimeout(state.sessionEnd);
  stopIdentityQr();
  if (state.card) state.card.lock();
  state.appPin = null;
  state.session = null;
  show('pin-section', state.status === 'ACTIVATED');
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
    onStatus(state.status);
    await state.card.open();
  } catch (error) {
    state.appPin = null;
    state.session = null;
    showError('pin-error', await explain(error));
  } finally {
    button.disabled = false;
  }
}

/**
 * A refused session says nothing about why (activation-service does not tell strangers whether
 * an identity exists); this app may ask its own registration, so a revoked IKD is named as such.
 */
async function explain(error) {
  if (!(error instanceof ProblemError) || !SESSION_ENDED_CODES.has(error.problem.code)) return describe(error);
  try {
    const report = await call(`${REGISTRATIONS}/${state.registration.registrationId}`, { headers: secretHeaders() });
    report.timeline.forEach(renderEntry);
    if (report.status === 'REVOKED') {
      const revoked = [...report.timeline].reverse().find((entry) => entry.kind === 'REVOKED');
      const reason = revoked && revoked.reason ? `\n${bilingual(revoked.reason.id, revoked.reason.en)}` : '';
      const message = bilingual('IKD Anda sudah dicabut dan tidak dapat dibuka lagi di perangkat ini',
        'Your IKD was revoked and can no longer be opened on this device') + reason;
      applyStatus(report.status);
      showError('app-error', message); // the PIN and QR sections close with the revoked status
      return message;
    }
  } catch {
    // the registration cannot be read now: the general explanation below
  }
  return bilingual('IKD tidak dapat dibuka di perangkat ini. Jika IKD Anda baru dicabut atau diaktifkan di perangkat lain, '
    + 'IKD di perangkat ini tidak berlaku lagi', 'The IKD cannot be opened on this device. If your IKD was just revoked '
    + 'or activated on another device, the IKD on this device is no longer valid');
}

/** The next step of a final status: forget this registration here (the device key stays) and register again. */
function registerAgain() {
  localStorage.removeItem(STORAGE_KEY);
  window.location.reload();
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
  $('moving-button').addEventListener('click', recordMoving);
  $('capture-button').addEventListener('click', capturePhoto);
  $('selfie-file').addEventListener('change', (event) => {
    const [file] = event.target.files;
    if (file) {
      stopCamera();
      useSelfie(file);
    }
  });
  $('new-code-button').addEventListener('click', newCounterCode);
  $('video-call-button').addEventListener('click', videoCall);
  $('pin-form').addEventListener('submit', enterPin);
  // another choice of what the QR shows: a new QR at once (the shown one keeps its content until it expires)
  $('qr-disclosure').addEventListener('change', () => {
    clearTimeout(state.qrRenewal);
    renewIdentityQr();
  });
  $('show-qr-button').addEventListener('click', showQrFromCard);
  $('back-to-card-button').addEventListener('click', backToCard);
  $('lock-button').addEventListener('click', lockCard);
  $('card-nik').addEventListener('click', () => state.card.toggleNik());
  $('reset-button').addEventListener('click', reset);
  $('register-again-button').addEventListener('click', registerAgain);
  if (!window.isSecureContext || !crypto.subtle) {
    showError('app-error', bilingual('Buka aplikasi ini lewat HTTPS atau localhost (WebCrypto diperlukan)',
      'Open this app over HTTPS or localhost (WebCrypto is required)'));
    return;
  }
  state.config = await call('config.json');
  // where the moving selfie is required, a still photo is not offered
  if (state.config.livenessRequired) show('still-options', false);
  // the office directory and the complaint page (verification-service's public pages)
  document.getElementById('directory-link').href = `${state.config.pagesUrl}/offices`;
  document.getElementById('complaint-link').href = `${state.config.pagesUrl}/pengaduan`;
  state.card = ktpCard({ call, bearer: () => ({ Authorization: `Bearer ${state.session.accessToken}` }),
    activationUrl: state.config.activationUrl });
  state.registration = loadRegistration();
  initDataRights({
    state, call, secretHeaders, openSession, localTime, explain, showError,
    // the registration was erased on the server: nothing of it stays in this browser either
    forget() {
      localStorage.removeItem(STORAGE_KEY);
      state.registration = null;
      ['counter-section', 'status-section', 'next-step-section', 'pin-section', 'reset-section']
        .forEach((id) => show(id, false));
      clearInterval(state.counterTimer);
      ['data-button', 'withdraw-button', 'deactivate-button'].forEach((id) => show(id, false));
      show('register-section');
    },
    // the IKD was deactivated: the session ends and the card locks, with no PIN form to return to
    endSession() {
      lockCard();
      show('pin-section', false);
      onStatus(state.status);
    },
  });
  if (state.registration) {
    await learnTimeZone();
    startRegistered();
  } else show('register-section');
}

start().catch((error) => showError('app-error', describe(error)));
