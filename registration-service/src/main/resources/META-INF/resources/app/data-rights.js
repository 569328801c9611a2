// The citizen's rights under UU PDP No. 27/2022 in the app: see what the suite holds (access),
// withdraw a pending registration (erasure), deactivate their own IKD (a lost phone).
// Each service answers for its own data with the credential the app already has: the
// registration secret for registration-service, the citizen session for activation-service and
// token-service (the log of every check of the citizen's QR).

const $ = (id) => document.getElementById(id);

let app = null; // what app.js lends: state, call, secretHeaders, openSession, localTime, explain, forget

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A row of a description list: the label in both languages, then the value. */
function row(list, indonesian, english, value) {
  if (value === undefined || value === null || value === '') return;
  list.append(element('dt', null, `${indonesian} / ${english}`), element('dd', null, String(value)));
}

function sentence(container, indonesian, english) {
  const paragraph = element('p', null, indonesian);
  paragraph.append(element('span', 'en', ` ${english}`));
  container.append(paragraph);
}

function yesNo(value) { return value ? 'Ya / Yes' : 'Tidak / No'; }

function renderRegistration(data) {
  const box = $('data-registration');
  box.replaceChildren(element('h3', null, 'Pendaftaran / Registration'));
  const list = element('dl');
  row(list, 'NIK', 'NIK', data.nikMasked);
  row(list, 'Email', 'Email', data.email);
  row(list, 'Nomor HP', 'Mobile number', data.phone);
  row(list, 'Bahasa pesan', 'Message language', data.language === 'en' ? 'English' : 'Bahasa Indonesia');
  row(list, 'Sidik kunci perangkat', 'Device key thumbprint', data.deviceKeyThumbprint);
  row(list, 'Dikirim', 'Submitted', app.localTime(data.submittedAt));
  row(list, 'Swafoto masih disimpan', 'Selfie still held', yesNo(data.selfieHeld));
  if (data.deletableAt) row(list, 'Dihapus otomatis', 'Deleted automatically', app.localTime(data.deletableAt));
  box.append(list);
  if (data.kept) sentence(box, data.kept.id, data.kept.en);
  box.append(element('h3', null, `Pesan yang dikirim kepada Anda (${data.messages.length}) / Messages sent to you`));
  const messages = element('ul', 'data-messages');
  data.messages.forEach((message) => {
    const words = message.text ? `${message.text.id} / ${message.text.en}` : message.kind;
    messages.append(element('li', null, `${words} — ${message.recipient || ''} — ${app.localTime(message.at)}`));
  });
  if (!data.messages.length) messages.append(element('li', null, 'Belum ada pesan. / No messages yet.'));
  box.append(messages);
  sentence(box, `Riwayat pendaftaran berisi ${data.timeline.length} langkah dan ditampilkan di bagian status.`,
    `The registration history has ${data.timeline.length} steps and is shown in the status section.`);
}

function renderIdentity(data) {
  const box = $('data-identity');
  box.replaceChildren(element('h3', null, 'Identitas digital / Digital identity'));
  const list = element('dl');
  const a = data.attributes || {};
  row(list, 'Status', 'Status', data.status === 'ACTIVE' ? 'Aktif / Active' : 'Tidak aktif / Not active');
  row(list, 'NIK', 'NIK', a.nik);
  row(list, 'Nama', 'Name', a.fullName);
  row(list, 'Tempat, tanggal lahir', 'Place and date of birth', [a.birthPlace, a.birthDate].filter(Boolean).join(', '));
  row(list, 'Alamat', 'Address', a.address);
  row(list, 'Diaktifkan', 'Activated', data.activatedAt && app.localTime(data.activatedAt));
  row(list, 'Kantor penerbit', 'Issuing office', data.office && data.office.name);
  row(list, 'Email PIN aktivasi', 'Activation PIN email', data.email);
  row(list, 'Nomor HP PIN aktivasi', 'Activation PIN mobile number', data.phone);
  row(list, 'Perangkat (sidik kunci)', 'Device (key thumbprint)', data.deviceKeyThumbprint);
  row(list, 'Sesi aplikasi aktif', 'Active app sessions', (data.sessions || []).length);
  row(list, 'PIN aplikasi sudah dibuat', 'App PIN set', yesNo(data.appPinSet));
  box.append(list);
  sentence(box, 'PIN aplikasi disimpan hanya sebagai hash dan tidak pernah ditampilkan. Layanan pemeriksa QR menyimpan '
    + 'salinan nama, NIK tersamar, tanggal lahir dan sidik foto selama IKD aktif.',
  'The app PIN is stored only as a hash and is never shown. The QR verifier keeps a copy of the name, masked NIK, '
    + 'birth date and photo digest while the IKD is active.');
}

/** Every check of the citizen's QR: who (named), when, what it learned, the verdict. */
function renderVerifications(entries) {
  const box = $('data-verifications');
  box.replaceChildren(element('h3', null, `Pemeriksaan QR Anda (${entries.length}) / Checks of your QR`));
  const list = element('ul', 'data-verifications');
  entries.forEach((entry) => {
    const learned = entry.disclosedWords.length
      ? `${entry.disclosedWords.map((w) => w.id).join(', ')} / ${entry.disclosedWords.map((w) => w.en).join(', ')}`
      : 'tidak ada data pribadi / no personal data';
    const item = element('li', null, `${app.localTime(entry.verifiedAt)} — ${entry.relyingPartyName.id}`);
    item.append(element('br'), document.createTextNode(`${entry.verdictWords.id} / ${entry.verdictWords.en}`),
      element('br'), document.createTextNode(`Data yang diterima / Data received: ${learned}`),
      element('br'), document.createTextNode(`Referensi / Reference: ${entry.reference}`));
    list.append(item);
  });
  if (!entries.length) list.append(element('li', null, 'QR Anda belum pernah diperiksa. / Your QR has not been checked yet.'));
  box.append(list);
}

async function showData() {
  const button = $('data-button');
  button.disabled = true;
  app.showError('data-error', null);
  try {
    const registrationId = app.state.registration.registrationId;
    renderRegistration(await app.call(`/api/v1/registrations/${registrationId}/personal-data`,
      { headers: app.secretHeaders() }));
    if (app.state.session && app.state.status === 'ACTIVATED') {
      if (Date.now() >= app.state.session.expiresAt) await app.openSession();
      const bearer = { headers: { Authorization: `Bearer ${app.state.session.accessToken}` } };
      renderIdentity(await app.call(`${app.state.config.activationUrl}/api/v1/citizen/personal-data`, bearer));
      renderVerifications(await app.call(`${app.state.config.tokenUrl}/api/v1/citizen/verifications`, bearer));
    } else {
      const box = $('data-identity');
      box.replaceChildren();
      $('data-verifications').replaceChildren();
      if (app.state.status === 'ACTIVATED') {
        sentence(box, 'Masukkan PIN aplikasi di atas untuk melihat data IKD Anda juga.',
          'Enter the app PIN above to see your IKD data too.');
      }
    }
    $('data-result').hidden = false;
  } catch (error) {
    app.showError('data-error', await app.explain(error));
  } finally {
    button.disabled = false;
  }
}

async function withdraw() {
  if (!window.confirm('Batalkan pendaftaran ini? Data pendaftaran, swafoto dan riwayatnya akan dihapus dari server dan '
    + 'tidak dapat dikembalikan. / Withdraw this registration? Its data, selfie and history will be deleted from the '
    + 'server and cannot be restored.')) return;
  app.showError('data-error', null);
  try {
    await app.call(`/api/v1/registrations/${app.state.registration.registrationId}`,
      { method: 'DELETE', headers: app.secretHeaders() });
  } catch (error) {
    // 401: already erased (a repeated tap, or another tab): the outcome the citizen asked for
    if (!(error.status === 401)) {
      app.showError('data-error', await app.explain(error));
      return;
    }
  }
  app.forget();
  done('Pendaftaran Anda sudah dibatalkan. Data pendaftaran, swafoto dan riwayatnya sudah dihapus dari server. '
    + 'Anda dapat mendaftar lagi kapan saja.',
  'Your registration was withdrawn. Its data, selfie and history were deleted from the server. '
    + 'You can register again at any time.');
}

async function deactivate() {
  if (!window.confirm('Nonaktifkan IKD Anda? QR Anda akan ditolak oleh semua pemeriksa. Untuk memakai IKD lagi, Anda '
    + 'harus mendaftar ulang dan diverifikasi lagi sesuai SOP. / Deactivate your IKD? Your QR will be refused by every '
    + 'verifier. To use IKD again, you must register again and be verified again as the SOP says.')) return;
  app.showError('data-error', null);
  try {
    if (Date.now() >= app.state.session.expiresAt) await app.openSession();
    await app.call(`${app.state.config.activationUrl}/api/v1/citizen/identity/revocation`, {
      method: 'POST', headers: { Authorization: `Bearer ${app.state.session.accessToken}` },
      json: { appPin: app.state.appPin },
    });
  } catch (error) {
    app.showError('data-error', await app.explain(error));
    return;
  }
  app.endSession();
  done(deactivatedText[0], deactivatedText[1]);
}

const deactivatedText = [
  'IKD Anda sudah dinonaktifkan. QR IKD Anda sekarang ditolak. Untuk mengaktifkan IKD lagi, daftar ulang di aplikasi '
    + 'dan ikuti lagi langkah SOP: verifikasi di loket Disdukcapil atau panggilan video, lalu aktivasi dengan PIN baru.',
  'Your IKD has been deactivated. Your IKD QR is now refused. To activate IKD again, register again in the app and '
    + 'follow the SOP steps again: verification at a Disdukcapil counter or by video call, then activation with a new PIN.',
];

function done(indonesian, english) {
  const box = $('data-done');
  box.replaceChildren();
  sentence(box, indonesian, english);
  box.hidden = false;
  $('data-result').hidden = true;
}

/** From any device (a lost phone): a confirmation link goes to the email and phone of the IKD. */
async function requestLink(event) {
  event.preventDefault();
  const button = $('lost-phone-button');
  button.disabled = true;
  app.showError('lost-phone-error', null);
  try {
    const answer = await app.call(`${app.state.config.activationUrl}/api/v1/citizen/deactivation-requests`, {
      method: 'POST',
      json: { nik: $('lost-nik').value.trim(), email: $('lost-email').value.trim(), phone: $('lost-phone').value.trim() },
    });
    const box = $('lost-phone-result');
    box.replaceChildren();
    sentence(box, answer.message, answer.messageEn);
    box.hidden = false;
  } catch (error) {
    app.showError('lost-phone-error', await app.explain(error));
  } finally {
    button.disabled = false;
  }
}

/** Which actions fit the registration's status (called by app.js on every status change). */
export function onStatus(status) {
  if (!app) return;
  $('data-section').hidden = !app.state.registration;
  $('withdraw-button').hidden = status !== 'PENDING_VERIFICATION';
  $('deactivate-button').hidden = !(status === 'ACTIVATED' && app.state.session);
}

export function initDataRights(lent) {
  app = lent;
  $('data-button').addEventListener('click', showData);
  $('withdraw-button').addEventListener('click', withdraw);
  $('deactivate-button').addEventListener('click', deactivate);
  $('lost-phone-form').addEventListener('submit', requestLink);
  onStatus(app.state.status);
}
