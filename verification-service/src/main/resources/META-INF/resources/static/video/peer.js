// One WebRTC call between the citizen's page and the operator's page. The suite only relays the
// signalling (offer, answer, candidates); media and the counter code go between the two browsers.
// The operator's page offers; each offer has an epoch, and a newer offer (a reloaded page, an ICE
// restart) replaces the connection on both sides, so messages of an older epoch are ignored.

export const COUNTER_CODE_CHANNEL = 'ikd-counter-code';

/** Reads a text/event-stream from fetch (EventSource cannot send the call token header). */
export async function readEvents(url, headers, onEvent, signal) {
  let lastId = null;
  for (;;) {
    try {
      const response = await fetch(url, {
        headers: { Accept: 'text/event-stream', ...headers, ...(lastId ? { 'Last-Event-ID': lastId } : {}) },
        signal,
      });
      if (response.status === 401 || response.status === 404 || response.status === 410) {
        onEvent({ type: 'closed', status: response.status });
        return;
      }
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffer += value;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = { type: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith('event:')) event.type = line.slice(6).trim();
            else if (line.startsWith('id:')) event.id = line.slice(3).trim();
            else if (line.startsWith('data:')) event.data += line.slice(5).trim();
          }
          if (event.id) lastId = event.id;
          if (event.type !== 'heartbeat') onEvent(event);
        }
      }
    } catch (error) {
      if (signal && signal.aborted) return;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}

/**
 * A call side. `send(kind, body)` posts a signal; `role` is 'offerer' (operator) or 'answerer' (citizen).
 * Returns { handle(kind, body), offer(), close(), pc() }.
 */
export function callSide({ role, iceServers, localStream, remoteVideo, send, onState, onCounterCode, counterCode }) {
  let pc = null;
  let epoch = null;

  function newConnection(forEpoch) {
    if (pc) pc.close();
    epoch = forEpoch;
    pc = new RTCPeerConnection({ iceServers });
    localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
    pc.ontrack = (event) => {
      if (remoteVideo.srcObject !== event.streams[0]) remoteVideo.srcObject = event.streams[0];
    };
    pc.onicecandidate = (event) => {
      if (event.candidate) send('candidate', { epoch: forEpoch, candidate: event.candidate.toJSON() });
    };
    pc.onconnectionstatechange = () => onState(pc.connectionState);
    if (role === 'offerer') {
      const channel = pc.createDataChannel(COUNTER_CODE_CHANNEL);
      channel.onmessage = (event) => {
        const message = JSON.parse(event.data);
        if (message.type === 'counter-code') onCounterCode(message.code);
      };
    } else {
      pc.ondatachannel = (event) => {
        const channel = event.channel;
        if (channel.label !== COUNTER_CODE_CHANNEL) return;
        channel.onopen = () => { if (counterCode()) channel.send(JSON.stringify({ type: 'counter-code', code: counterCode() })); };
      };
    }
    return pc;
  }

  async function offer() {
    const connection = newConnection(crypto.randomUUID());
    const description = await connection.createOffer();
    await connection.setLocalDescription(description);
    await send('offer', { epoch, sdp: connection.localDescription.sdp });
  }

  async function handle(kind, body) {
    if (kind === 'offer' && role === 'answerer') {
      const connection = newConnection(body.epoch);
      await connection.setRemoteDescription({ type: 'offer', sdp: body.sdp });
      const answer = await connection.createAnswer();
      await connection.setLocalDescription(answer);
      await send('answer', { epoch: body.epoch, sdp: connection.localDescription.sdp });
    } else if (kind === 'answer' && role === 'offerer' && pc && body.epoch === epoch) {
      await pc.setRemoteDescription({ type: 'answer', sdp: body.sdp });
    } else if (kind === 'candidate' && pc && body.epoch === epoch) {
      try { await pc.addIceCandidate(body.candidate); } catch (ignored) { /* a candidate of a replaced connection */ }
    }
  }

  function close() { if (pc) pc.close(); pc = null; }

  return { handle, offer, close, pc: () => pc };
}

export async function camera(localVideo) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: true });
  localVideo.srcObject = stream;
  return stream;
}
