// The KTP Digital card (SOP step 6): shown after the app PIN, from activation-service, for this
// session only. Nothing of it is stored: it is dropped, with the photo's object URL, when the card locks.

const $ = (id) => document.getElementById(id);

/**
 * @param call     the app's JSON call (throws ProblemError)
 * @param bearer   () => the session's Authorization header
 * @param activationUrl activation-service's public URL
 */
export function ktpCard({ call, bearer, activationUrl }) {
  let card = null;
  let photoUrl = null;
  let nikShown = false;

  function showNik() {
    const button = $('card-nik');
    button.textContent = card ? (nikShown ? card.nik : card.nikMasked) : '';
    button.setAttribute('aria-pressed', String(nikShown));
    button.setAttribute('aria-label', nikShown
      ? 'NIK ditampilkan. Ketuk untuk menyamarkan. / NIK shown. Tap to hide it.'
      : 'NIK disamarkan. Ketuk untuk menampilkan. / NIK hidden. Tap to show it.');
  }

  function text(id, indonesian, english) {
    const element = $(id);
    element.replaceChildren(document.createTextNode(indonesian));
    if (english && english !== indonesian) {
      element.append(Object.assign(document.createElement('span'), { className: 'en', textContent: ` / ${english}` }));
    }
  }

  function render() {
    $('card-name').textContent = card.fullName;
    showNik();
    text('card-birth', `${card.birthPlace}, ${card.birthDateText.id}`, `${card.birthPlace}, ${card.birthDateText.en}`);
    const area = [card.rtRw && `RT/RW ${card.rtRw}`, card.villageName, card.districtName, card.regencyName]
      .filter(Boolean).join(', ');
    text('card-address', [card.address, area].filter(Boolean).join(', '));
    text('card-office', card.issuingOffice ? card.issuingOffice.name : '');
    text('card-activated', card.activatedAtLocal.id, card.activatedAtLocal.en);
    text('card-device', `Perangkat ini (kunci ${card.device.shortId})`, `This device (key ${card.device.shortId})`);
  }

  async function loadPhoto() {
    const image = $('card-photo');
    let shown = false;
    if (card.photo) {
      try {
        const response = await fetch(`${activationUrl}/api/v1/citizen/card/photo`, { headers: bearer() });
        if (response.ok) {
          photoUrl = URL.createObjectURL(await response.blob());
          image.src = photoUrl;
          shown = true;
        }
      } catch {
        // no photo now: the card says so, everything else stays usable
      }
    }
    image.hidden = !shown;
    $('card-photo-missing').hidden = shown;
  }

  return {
    /** Fetches and shows the card of the open session. */
    async open() {
      card = await call(`${activationUrl}/api/v1/citizen/card`, { headers: bearer() });
      nikShown = false;
      render();
      $('card-section').hidden = false;
      await loadPhoto();
    },

    /** Hides the card (the QR takes its place); it stays loaded for the way back. */
    hide() { $('card-section').hidden = true; },

    show() { if (card) $('card-section').hidden = false; },

    toggleNik() {
      nikShown = !nikShown;
      showNik();
    },

    /** Forgets everything the card showed: the session ended or the citizen locked it. */
    lock() {
      card = null;
      nikShown = false;
      if (photoUrl) URL.revokeObjectURL(photoUrl);
      photoUrl = null;
      $('card-photo').removeAttribute('src');
      ['card-name', 'card-nik', 'card-birth', 'card-address', 'card-office', 'card-activated', 'card-device']
        .forEach((id) => $(id).replaceChildren());
      $('card-section').hidden = true;
    },
  };
}
