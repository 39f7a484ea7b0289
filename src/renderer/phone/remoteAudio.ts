/** Plays what the other party sends. Returns a function that stops it. */
export function playRemoteAudio(connection: RTCPeerConnection): () => void {
  const audio = new Audio();
  audio.autoplay = true;
  const play = (stream: MediaStream) => {
    if (audio.srcObject === stream) return;
    audio.srcObject = stream;
    // Autoplay is allowed in Electron; a browser may refuse until the user has clicked.
    void audio.play().catch(() => undefined);
  };
  const onTrack = (event: RTCTrackEvent) => {
    if (event.track.kind === 'audio') play(event.streams[0] ?? new MediaStream([event.track]));
  };
  connection.addEventListener('track', onTrack);
  const early = connection
    .getReceivers()
    .map((receiver) => receiver.track)
    .filter((track) => track.kind === 'audio');
  if (early.length > 0) play(new MediaStream(early));
  return () => {
    connection.removeEventListener('track', onTrack);
    audio.pause();
    audio.srcObject = null;
  };
}
