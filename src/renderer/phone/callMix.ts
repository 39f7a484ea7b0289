/** Both sides of a call as one audio stream, for a supervisor listening in. */
export interface CallMix {
  stream: MediaStream;
  close(): void;
}

/**
 * Connects what the call sends (the microphone) and what it receives (the other party) to `into`,
 * each audio track once, following tracks that arrive later; the returned function stops following.
 * Chromium feeds a remote WebRTC track to WebAudio only while a media element plays it; the call's
 * own remote audio does that.
 */
export function mixCallInto(connection: RTCPeerConnection, context: AudioContext, into: AudioNode): () => void {
  const mixed = new Set<string>();
  const mix = (track: MediaStreamTrack | null) => {
    if (!track || track.kind !== 'audio' || mixed.has(track.id)) return;
    mixed.add(track.id);
    context.createMediaStreamSource(new MediaStream([track])).connect(into);
  };
  for (const sender of connection.getSenders()) mix(sender.track);
  for (const receiver of connection.getReceivers()) mix(receiver.track);
  const onTrack = (event: RTCTrackEvent) => mix(event.track);
  connection.addEventListener('track', onTrack);
  return () => connection.removeEventListener('track', onTrack);
}

/** Both sides of the call mixed with WebAudio into one stream. */
export function mixBothSides(connection: RTCPeerConnection): CallMix {
  const context = new AudioContext();
  const destination = context.createMediaStreamDestination();
  const stopMixing = mixCallInto(connection, context, destination);
  // An AudioContext made outside a click may start suspended.
  void context.resume().catch(() => undefined);
  return {
    stream: destination.stream,
    close: () => {
      stopMixing();
      for (const track of destination.stream.getTracks()) track.stop();
      void context.close().catch(() => undefined);
    },
  };
}
