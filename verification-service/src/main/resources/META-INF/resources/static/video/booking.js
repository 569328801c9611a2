// Booking a video call on the citizen's page: the office's free slots in its local time (WIB/WITA/WIT,
// as the server words them), book one, see the confirmation, move it or cancel it. The counter code
// goes in the X-Counter-Code header, never in a URL.
const API = '/api/v1/video-bookings';
const $ = (id) => document.getElementById(id);

async function call(code, method, path = '', body) {
  const headers = { 'X-Counter-Code': code };
  if (body) headers['Content-Type'] = 'application/json';
  const response = await fetch(API + path, { method, headers, body: body ? JSON.stringify(body) : undefined });
  const json = await response.json().catch(() => ({}));
  if (!response.ok) throw Object.assign(new Error(json.detail || `HTTP ${response.status}`), { problem: json });
  return json;
}

function showError(problem) {
  const element = $('booking-error');
  element.textContent = problem.detail || problem.title || 'Terjadi kesalahan / An error occurred';
  element.hidden = false;
}

/** The slots grouped by their local day ("Senin, 7 Desember 2026"), each a button with its local time. */
function renderSlots(overview, onChoose) {
  const list = $('booking-slots');
  list.replaceChildren();
  if (overview.slots.length === 0) {
    list.textContent = 'Belum ada jadwal yang tersedia. / No slot is available yet.';
    return;
  }
  let day = null;
  let row = null;
  for (const slot of overview.slots) {
    const [dayId, timeId] = slot.localId.split(' pukul ');
    if (dayId !== day) {
      day = dayId;
      const heading = document.createElement('h3');
      heading.textContent = dayId;
      row = document.createElement('div');
      row.className = 'slot-row';
      list.append(heading, row);
    }
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'slot';
    button.dataset.start = slot.start;
    button.textContent = timeId;
    button.title = `${slot.localId} / ${slot.localEn}`;
    button.disabled = slot.free === 0 || (overview.booking && overview.booking.start === slot.start);
    button.addEventListener('click', () => onChoose(slot));
    row.append(button);
  }
}

function renderBooking(booking) {
  $('booking-confirmation').hidden = !booking;
  if (!booking) return;
  $('booking-slot-id').textContent = booking.localId;
  $('booking-slot-en').textContent = booking.localEn;
}

/**
 * Shows the booking part of the page for the registration the code proves; calls onSlotTime when the
 * booked slot is due (from 15 minutes before its start), at once if it already is.
 */
export async function bookingPanel(code, { onSlotTime }) {
  const section = $('booking');
  let timer = null;
  let overview;
  const refresh = async () => {
    overview = await call(code, 'GET', '?days=5');
    $('booking-office').textContent = `${overview.officeName} · jam ${overview.timeZone} / ${overview.timeZone} time`;
    renderBooking(overview.booking);
    $('booking-slots-box').hidden = Boolean(overview.booking) && !$('booking-slots-box').dataset.changing;
    renderSlots(overview, choose);
    clearTimeout(timer);
    if (overview.booking) {
      const due = Date.parse(overview.booking.start) - 15 * 60 * 1000;
      const over = Date.parse(overview.booking.end) + 15 * 60 * 1000;
      if (Date.now() >= due && Date.now() < over) onSlotTime();
      else if (Date.now() < due && due - Date.now() < 2 ** 31 - 1) timer = setTimeout(onSlotTime, due - Date.now());
    }
  };
  const choose = async (slot) => {
    $('booking-error').hidden = true;
    try {
      if (overview.booking) await call(code, 'PUT', '/current', { slotStart: slot.start });
      else await call(code, 'POST', '', { slotStart: slot.start });
      delete $('booking-slots-box').dataset.changing;
    } catch (error) {
      showError(error.problem || {});
    }
    await refresh().catch((error) => showError(error.problem || {}));
  };
  $('booking-change').addEventListener('click', () => {
    $('booking-slots-box').dataset.changing = 'true';
    $('booking-slots-box').hidden = false;
  });
  $('booking-cancel').addEventListener('click', async () => {
    $('booking-error').hidden = true;
    try { await call(code, 'DELETE', '/current'); } catch (error) { showError(error.problem || {}); }
    await refresh().catch((error) => showError(error.problem || {}));
  });
  try {
    // a registration reaches the office through Kafka in a second or two: wait for it, as the call does
    for (let attempt = 1; ; attempt++) {
      try {
        await refresh();
        break;
      } catch (error) {
        if (error.problem?.code !== 'CASE_NOT_FOUND' || attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 1500));
      }
    }
    section.hidden = false;
  } catch (error) {
    section.hidden = false;
    $('booking-slots-box').hidden = true;
    showError(error.problem || {});
  }
}
