/** One step of a tone cadence: these frequencies together (none = silence) for `ms`. */
interface ToneStep {
  hz: readonly number[];
  ms: number;
}

type Cadence = readonly ToneStep[];

const silence = (ms: number): ToneStep => ({ hz: [], ms });

/** Swedish ringback (ringsignal): 425 Hz, 1 s on, 5 s off. */
const RINGBACK: Cadence = [{ hz: [425], ms: 1000 }, silence(5000)];
/** Swedish busy tone (upptagetton): 425 Hz, 250 ms on and off. */
const BUSY: Cadence = [{ hz: [425], ms: 250 }, silence(250), { hz: [425], ms: 250 }, silence(250), { hz: [425], ms: 250 }, silence(250)];
const RINGTONE: Cadence = [{ hz: [659, 784], ms: 350 }, silence(150), { hz: [659, 784], ms: 350 }, silence(2200)];
/** Soft, so it does not drown the call the user is in. */
const CALL_WAITING: Cadence = [{ hz: [425], ms: 200 }, silence(400), { hz: [425], ms: 200 }, silence(4000)];
/** The special information tone (ITU-T E.180) that starts an operator announcement. */
const SPECIAL_INFORMATION: Cadence = [{ hz: [950], ms: 330 }, { hz: [1400], ms: 330 }, { hz: [1800], ms: 330 }, silence(1000)];

const DTMF_ROWS: Record<string, number> = {
  '1': 697,
  '2': 697,
  '3': 697,
  A: 697,
  '4': 770,
  '5': 770,
  '6': 770,
  B: 770,
  '7': 852,
  '8': 852,
  '9': 852,
  C: 852,
  '*': 941,
  '0': 941,
  '#': 941,
  D: 941,
};
const DTMF_COLUMNS: Record<string, number> = {
  '1': 1209,
  '4': 1209,
  '7': 1209,
  '*': 1209,
  '2': 1336,
  '5': 1336,
  '8': 1336,
  '0': 1336,
  '3': 1477,
  '6': 1477,
  '9': 1477,
  '#': 1477,
  A: 1633,
  B: 1633,
  C: 1633,
  D: 1633,
};

export type LoopingTone = 'ringtone' | 'ringback' | 'callWaiting';
const LOOPS: Record<LoopingTone, Cadence> = { ringtone: RINGTONE, ringback: RINGBACK, callWaiting: CALL_WAITING };

const LEVEL = 0.12;
const RAMP_S = 0.008;

/** Ringtone, ringback, busy and DTMF feedback, generated with WebAudio: the app ships no audio files. */
export class TonePlayer {
  #context: AudioContext | null = null;
  #loopTimer: ReturnType<typeof setTimeout> | null = null;
  #loopNodes: OscillatorNode[] = [];
  #looping: LoopingTone | null = null;

  play(tone: LoopingTone): void {
    if (this.#looping === tone) return;
    this.stop();
    const context = this.#audio();
    if (!context) return;
    this.#looping = tone;
    const cycle = () => {
      this.#loopNodes = schedule(context, context.destination, LOOPS[tone], context.currentTime);
      this.#loopTimer = setTimeout(cycle, cadenceMs(LOOPS[tone]));
    };
    cycle();
  }

  stop(): void {
    if (this.#loopTimer !== null) clearTimeout(this.#loopTimer);
    this.#loopTimer = null;
    for (const node of this.#loopNodes) node.stop();
    this.#loopNodes = [];
    this.#looping = null;
  }

  busy(): void {
    this.stop();
    const context = this.#audio();
    if (context) schedule(context, context.destination, BUSY, context.currentTime);
  }

  dtmf(tone: string): void {
    const context = this.#audio();
    const row = DTMF_ROWS[tone];
    const column = DTMF_COLUMNS[tone];
    if (!context || row === undefined || column === undefined) return;
    schedule(context, context.destination, [{ hz: [row, column], ms: 120 }], context.currentTime);
  }

  /** An output of the phone's own to answer a call with; its stream carries only what is played into it, never the microphone. */
  callOutput(): MediaStreamAudioDestinationNode | null {
    return this.#audio()?.createMediaStreamDestination() ?? null;
  }

  /**
   * The special information tone into `output`, from now and repeated to fill `durationMs` (once
   * at least). Answers the moment its last tone ends, in the output's context time.
   */
  specialInformation(output: MediaStreamAudioDestinationNode, durationMs: number): number {
    const context = output.context;
    const cycleMs = cadenceMs(SPECIAL_INFORMATION);
    const startS = context.currentTime;
    let offsetMs = 0;
    do {
      schedule(context, output, SPECIAL_INFORMATION, startS + offsetMs / 1000);
      offsetMs += cycleMs;
    } while (offsetMs < durationMs);
    return startS + (offsetMs - cycleMs + soundingMs(SPECIAL_INFORMATION)) / 1000;
  }

  close(): void {
    this.stop();
    void this.#context?.close();
    this.#context = null;
  }

  #audio(): AudioContext | null {
    if (typeof AudioContext === 'undefined') return null;
    this.#context ??= new AudioContext();
    // Browsers start a context suspended until a user gesture; Electron does not.
    if (this.#context.state === 'suspended') void this.#context.resume().catch(() => undefined);
    return this.#context;
  }
}

function cadenceMs(cadence: Cadence): number {
  return cadence.reduce((total, step) => total + step.ms, 0);
}

/** From the start of a cadence to the end of its last tone. */
function soundingMs(cadence: Cadence): number {
  let end = cadence.length;
  while (end > 0 && cadence[end - 1]?.hz.length === 0) end--;
  return cadenceMs(cadence.slice(0, end));
}

function schedule(context: BaseAudioContext, output: AudioNode, cadence: Cadence, startS: number): OscillatorNode[] {
  const nodes: OscillatorNode[] = [];
  let at = startS;
  for (const step of cadence) {
    const endS = at + step.ms / 1000;
    if (step.hz.length > 0) {
      const gain = context.createGain();
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(LEVEL / step.hz.length, at + RAMP_S);
      gain.gain.setValueAtTime(LEVEL / step.hz.length, endS - RAMP_S);
      gain.gain.linearRampToValueAtTime(0, endS);
      gain.connect(output);
      for (const hz of step.hz) {
        const oscillator = context.createOscillator();
        oscillator.frequency.value = hz;
        oscillator.connect(gain);
        oscillator.start(at);
        oscillator.stop(endS);
        oscillator.onended = () => oscillator.disconnect();
        nodes.push(oscillator);
      }
    }
    at = endS;
  }
  return nodes;
}
