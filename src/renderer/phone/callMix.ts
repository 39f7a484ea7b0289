/** Both sides of a call as one audio stream, for a supervisor listening in. */
export interface CallMix {
  stream: MediaStream;
  close(): void;
}

/**
 * Mixes with WebAudio what the call sends (the microphone) and what it receives (the other party),
 * following tracks that arrive later. Chromium feeds a remote WebRTC track to WebAudio only while a
 * media element plays it; the call's own remote audio does that.
 */
export function mixBothSides(connection: RTCPeerConnection): CallMix {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const mixed = new Set<string>();
  const mix = (track: MediaStreamTrack | null) => {
    if (!track || track.kind !== 'audio' || mixed.has(track.id)) return;
    mixed.add(track.id);
    context.createMediaStreamSource(new MediaStream([track])).connect(destination);
  };
  for (const sender of connection.getSenders()) mix(sender.track);
  for (const receiver of connection.getReceivers()) mix(receiver.track);
  const onTrack = (event: RTCTrackEvent) => mix(event.track);
  connection.addEventListener('track', onTrack);
  // An AudioContext made outside a click may start suspended.
  void context.resume().catch(() => undefined);
  return {
    stream: destination.stream,
    close: () => {
      connection.removeEventListener('track', onTrack);
      for (const track of destination.stream.getTracks()) track.stop();
      void context.close().catch(() => undefined);
    },
  };
}
