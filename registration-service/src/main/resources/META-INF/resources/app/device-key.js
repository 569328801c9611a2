// The app's device key: ECDSA P-256 made with WebCrypto, the private key non-extractable and kept in IndexedDB.

const KEY_DB = 'ikd-app';
const KEY_STORE = 'keys';
const DEVICE_KEY = 'device';

function base64url(bytes) {
  let binary = '';
  for (const b of new Uint8Array(bytes)) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function openKeyStore() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(KEY_DB, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(KEY_STORE);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function keyStore(mode, action) {
  const db = await openKeyStore();
  try {
    return await new Promise((resolve, reject) => {
      const request = action(db.transaction(KEY_STORE, mode).objectStore(KEY_STORE));
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
  } finally {
    db.close();
  }
}

const loadDeviceKey = () => keyStore('readonly', (store) => store.get(DEVICE_KEY));
const saveDeviceKey = (pair) => keyStore('readwrite', (store) => store.put(pair, DEVICE_KEY));
export const forgetDeviceKey = () => keyStore('readwrite', (store) => store.delete(DEVICE_KEY));

/** The device key pair; the private key is generated non-extractable, so it never leaves this browser. */
export async function deviceKey() {
  const existing = await loadDeviceKey();
  if (existing) return existing;
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  await saveDeviceKey(pair);
  return pair;
}

export async function publicJwk(pair) {
  const jwk = await crypto.subtle.exportKey('jwk', pair.publicKey);
  return JSON.stringify({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
}

/** Compact JWS ES256 over the text; WebCrypto's ECDSA signature is already the raw r||s JWS wants. */
export async function signCompact(text) {
  const pair = await loadDeviceKey();
  if (!pair) throw new Error('Kunci perangkat tidak ditemukan / device key not found');
  const encoder = new TextEncoder();
  const signingInput = `${base64url(encoder.encode(JSON.stringify({ alg: 'ES256' })))}.${base64url(encoder.encode(text))}`;
  const signature = await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, encoder.encode(signingInput));
  return `${signingInput}.${base64url(signature)}`;
}
