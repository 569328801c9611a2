// The citizen's call page: asks for the call with the app's counter code (given in the link's
// fragment, never sent in a URL), waits for the officer, answers their offer, and sends the
// counter code over the call's data channel once both browsers are connected.
import { callSide, camera, readEvents } from './peer.js';
import { bookingPanel } from './booking.js';

const API = '/api/v1/video-calls';
const STORE = 'ikd.video-call';
const CODE_STORE = 'ikd.video-code';
const $ = (id) => document.getElementById(id);

/** A registration reaches the office through Kafka in a second or two; asked earlier, the call waits for it this long. */
const ARRIVAL_TRIES = 20;
const ARRIVAL_PAUSE_MS = 1500;

const STATES = {
  arriving: ['Pendaftaran Anda sedang diteruskan ke kantor Dukcapil…', 'Your registration is on its way to the Dukcapil office…'],
  waiting: ['Menunggu petugas menjawab panggilan…', 'Waiting for an officer to answer…'],
  connecting: ['Petugas menjawab; menghubungkan video…', 'An officer answered; connecting the video…'],
  connected: ['Tersambung dengan petugas', 'Connected with the officer'],
  disconnected: ['Sambungan terputus; mencoba lagi…', 'The connection dropped; trying again…'],
  ended: ['Panggilan berakhir', 'The call has ended'],
};
const OUTCOMES = {
  APPROVED: ['Data Anda disetujui. PIN aktivasi dikirim ke email Anda.', 'Your data was approved. The activation PIN is sent to your email.'],
  REJECTED: ['Verifikasi belum disetujui; lihat alasannya di aplikasi IKD.', 'Verification was not approved; see the reason in the IKD app.'],
};

function say(element, [id, en]) {
  element.textContent = `${id} / ${en}`;
}

function showError(problem) {
  const element = $('call-error');
  element.textContent = problem.detail || problem.title || 'Terjadi kesalahan / An error occurred';
  element.hidden = false;
}

async function request(path, options = {}) {
  const response = await fetch(path, options);
  if (!response.ok) {
    let problem = {};
    try { problem = await response.json(); } catch (ignored) { /* not problem+json */ }
    const error = new Error(problem.detail || `HTTP ${response.status}`);
    error.problem = problem;
    throw error;
  }
  return response.status === 204 || response.status === 202 ? null : response.json();
}

/** Whether the page was opened from the app's link (a new code): a call kept from before is then asked for anew. */
let fromLink = false;

/** The app's counter code: from the link's fragment (then removed from the address bar), or kept for a reload. */
function counterCode() {
  const code = new URLSearchParams(window.location.hash.slice(1)).get('code');
  if (code) {
    fromLink = true;
    history.replaceState(null, '', window.location.pathname);
    sessionStorage.setItem(CODE_STORE, code);
    return code;
  }
  return sessionStorage.getItem(CODE_STORE);
}

async function joinCall(code) {
  const stored = sessionStorage.getItem(STORE);
  if (stored && !fromLink) return JSON.parse(stored);
  if (!code) throw Object.assign(new Error('no call'), { problem: { detail: 'Buka halaman ini dari aplikasi IKD. / Open this page from the IKD app.' } });
  const call = await askForCall(code);
  const joined = { id: call.callId, token: call.token, code, iceServers: call.iceServers, office: call.officeName };
  sessionStorage.setItem(STORE, JSON.stringify(joined));
  return joined;
}

/** Asks for the call; a registration that has not reached the office yet (CASE_NOT_FOUND) is waited for, not refused. */
async function askForCall(code) {
  for (let attempt = 1; ; attempt++) {
    try {
      return await request(API, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ counterCode: code }) });
    } catch (error) {
      if (error.problem?.code !== 'CASE_NOT_FOUND' || attempt >= ARRIVAL_TRIES) throw error;
      say($('call-state'), STATES.arriving);
      await new Promise((resolve) => setTimeout(resolve, ARRIVAL_PAUSE_MS));
    }
  }
}

let started = false;

/**
 * The consents as the call holds them: a reloaded page asks the call itself, so a citizen who already
 * agreed is not asked again, and sees what they agreed to.
 */
async function showConsents(call, headers) {
  let state = call;
  try {
    state = await request(`${API}/${call.id}`, { headers });
  } catch (ignored) { /* the join's own answer is the best known state */ }
  $('consent-box').hidden = Boolean(state.consented);
  $('stills-consent-box').hidden = !state.consented || Boolean(state.stillsConsented);
  $('stills-consent-state').hidden = !state.stillsConsented;
}

/** The call itself: asked for (or rejoined after a reload), then signalled until it ends. */
async function startCall(code) {
  if (started) return;
  started = true;
  $('join-box').hidden = true;
  $('call-media').hidden = false;
  let call;
  try {
    call = await joinCall(code);
  } catch (error) {
    showError(error.problem || {});
    say($('call-state'), STATES.ended);
    return;
  }
  const headers = { 'X-Call-Token': call.token };
  await showConsents(call, headers);
  const send = (kind, body) => request(`${API}/${call.id}/signals`, {
    method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify({ kind, body }),
  });
  say($('call-state'), STATES.waiting);
  const stream = await camera($('local-video'));
  const side = callSide({
    role: 'answerer', iceServers: call.iceServers || [], localStream: stream, remoteVideo: $('remote-video'), send,
    onState: (state) => { if (STATES[state]) say($('call-state'), STATES[state]); },
    counterCode: () => call.code,
  });
  const ended = new AbortController();
  readEvents(`${API}/${call.id}/signals`, headers, async (event) => {
    if (event.type === 'closed') { say($('call-state'), STATES.ended); return; }
    const body = event.data ? JSON.parse(event.data) : {};
    if (event.type === 'offer') say($('call-state'), STATES.connecting);
    if (event.type === 'hangup') {
      side.close();
      ended.abort();
      stream.getTracks().forEach((track) => track.stop());
      say($('call-state'), OUTCOMES[body.outcome] || STATES.ended);
      sessionStorage.removeItem(STORE);
      sessionStorage.removeItem(CODE_STORE);
      return;
    }
    await side.handle(event.type, body);
  }, ended.signal);
  // on every load, a reload too: the operator's page answers with a new offer, so video flows again
  send('ready', {}).catch((error) => showError(error.problem || {}));
  $('consent').addEventListener('click', async () => {
    try {
      await request(`${API}/${call.id}/consent`, { method: 'POST', headers });
      $('consent-box').hidden = true;
      $('stills-consent-box').hidden = false;
    } catch (error) { showError(error.problem || {}); }
  });
  // a separate, optional consent: the first one says the call is not recorded
  $('stills-consent').addEventListener('click', async () => {
    try {
      await request(`${API}/${call.id}/stills-consent`, { method: 'POST', headers });
      $('stills-consent-box').hidden = true;
      $('stills-consent-state').hidden = false;
    } catch (error) { showError(error.problem || {}); }
  });
  $('leave-call').addEventListener('click', async () => {
    ended.abort();
    side.close();
    stream.getTracks().forEach((track) => track.stop());
    try { await request(`${API}/${call.id}`, { method: 'DELETE', headers }); } catch (ignored) { /* already over */ }
    sessionStorage.removeItem(STORE);
    say($('call-state'), STATES.ended);
  });
}

/** The booking first; the call when the citizen asks for it, when the booked slot is due, or at once after a reload. */
async function main() {
  const code = counterCode();
  $('join-call').addEventListener('click', () => startCall(code));
  if (sessionStorage.getItem(STORE) && !fromLink) {
    startCall(code);
    return;
  }
  if (!code) {
    showError({ detail: 'Buka halaman ini dari aplikasi IKD. / Open this page from the IKD app.' });
    return;
  }
  await bookingPanel(code, { onSlotTime: () => startCall(code) });
}

main();
