// Runs in the AudioWorkletGlobalScope, which TypeScript's DOM library does not describe.
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}
declare function registerProcessor(name: string, processor: typeof AudioWorkletProcessor): void;

/** A quarter of a second at 16 kHz: few messages, and little left behind when the call ends. */
const BATCH_FRAMES = 4000;

/**
 * Turns the mixed call into 16-bit PCM, batch by batch, posted to the page. A render quantum with
 * no input (nothing connected yet, a track that has not started) is silence, so the recording
 * keeps the call's own time. A message from the page ends it: what is left is posted, then `flushed`.
 */
class PcmCapture extends AudioWorkletProcessor {
  #batch = new Int16Array(BATCH_FRAMES);
  #filled = 0;
  #stopped = false;

  constructor() {
    super();
    this.port.onmessage = () => {
      this.#post();
      this.#stopped = true;
      this.port.postMessage('flushed');
    };
  }

  process(inputs: Float32Array[][]): boolean {
    if (this.#stopped) return false;
    const channel = inputs[0]?.[0];
    const frames = channel?.length ?? 128;
    for (let index = 0; index < frames; index++) {
      const sample = Math.max(-1, Math.min(1, channel?.[index] ?? 0));
      this.#batch[this.#filled++] = sample < 0 ? sample * 0x8000 : sample * 0x7fff;
      if (this.#filled === BATCH_FRAMES) this.#post();
    }
    return true;
  }

  #post(): void {
    if (this.#filled === 0) return;
    const samples = this.#batch.slice(0, this.#filled);
    this.port.postMessage(samples, [samples.buffer]);
    this.#filled = 0;
  }
}

registerProcessor('pcm-capture', PcmCapture);
