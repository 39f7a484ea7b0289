// A desk phone for the tests: a headless baresip (Debian `baresip-core`) registered over UDP,
// sending a sine tone or a WAV file, recording what it hears, remote-controlled over ctrl_tcp.
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { closeSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DeskPhoneOptions {
  /** SIP user and password on the PBX; the domain is `domain`. */
  user: string;
  password: string;
  domain: string;
  /** The PBX's UDP address, `sip:127.0.0.1:<port>`: the phone's outbound proxy. */
  outboundProxy: string;
  /** What the phone's microphone picks up: a sine tone (default 440 Hz) or a 48 kHz stereo WAV. */
  source?: { sineHz: number } | { wavFile: string };
  /** `manual` (default): an incoming call rings until `answer()`; `auto`: the phone answers it at once. */
  answerMode?: 'manual' | 'auto';
}

/** A baresip event, as ctrl_tcp reports it (`type` is CALL_INCOMING, CALL_ESTABLISHED, CALL_CLOSED…). */
export interface DeskPhoneEvent {
  type: string;
  class?: string;
  peeruri?: string;
  param?: string;
  [key: string]: unknown;
}

export interface RtpCounters {
  packetsReceived: number;
  packetsSent: number;
}

const BARESIP = '/usr/bin/baresip';
const MODULE_PATH = '/usr/lib/baresip/modules';
const START_TIMEOUT_MS = 15_000;
const COMMAND_TIMEOUT_MS = 5_000;

const PORT_ATTEMPTS = 3;

export class DeskPhone {
  private readonly events: DeskPhoneEvent[] = [];
  private readonly waiters = new Set<() => void>();
  private readonly pending = new Map<string, (response: { ok: boolean; data: string }) => void>();
  private nextToken = 0;
  private buffer = Buffer.alloc(0);

  private constructor(
    private readonly child: ChildProcess,
    private readonly control: Socket,
    /** Temp dir with the config, `baresip.log` (its output with a SIP trace) and the recordings. */
    readonly dir: string,
    readonly aor: string,
    private readonly sipPort: number,
  ) {
    control.on('data', (chunk) => this.receive(chunk));
  }

  /**
   * Starts a desk phone on free ports. baresip also binds TCP on its SIP port and TLS on the next
   * one, which a probe of the UDP port cannot reserve; when another program took one of them in
   * the meantime, it starts again on new ports.
   */
  static async start(options: DeskPhoneOptions): Promise<DeskPhone> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await DeskPhone.startOnce(options);
      } catch (error) {
        if (attempt >= PORT_ATTEMPTS || !/Address already in use/.test((error as Error).message)) throw error;
      }
    }
  }

  private static async startOnce(options: DeskPhoneOptions): Promise<DeskPhone> {
    const dir = mkdtempSync(join(tmpdir(), 'deskphone-'));
    const [sipPort, controlPort] = [await freeUdpPort(), await freeTcpPort()];
    const aor = `sip:${options.user}@${options.domain}`;
    writeFileSync(join(dir, 'config'), config(dir, sipPort, controlPort, options.source ?? { sineHz: 440 }));
    writeFileSync(
      join(dir, 'accounts'),
      `<${aor}>;auth_pass=${options.password};outbound="${options.outboundProxy}";regint=600;answermode=${options.answerMode ?? 'manual'};audio_codecs=opus/48000/2,PCMU/8000/1,PCMA/8000/1\n`,
    );
    writeFileSync(join(dir, 'contacts'), '');
    const log = openSync(join(dir, 'baresip.log'), 'a');
    // -s: SIP trace, so the log shows every message the phone received; -n 127.0.0.1: media on loopback.
    const child = spawn(BARESIP, ['-f', dir, '-s', '-4', '-n', '127.0.0.1'], { stdio: ['ignore', log, log] });
    closeSync(log);
    process.once('exit', () => child.kill('SIGTERM'));
    try {
      const control = await connectWithin(controlPort, child, START_TIMEOUT_MS);
      const phone = new DeskPhone(child, control, dir, aor, sipPort);
      await phone.registered(START_TIMEOUT_MS);
      return phone;
    } catch (error) {
      child.kill('SIGKILL');
      const output = readFileSync(join(dir, 'baresip.log'), 'utf8').split('\n').slice(-30).join('\n');
      rmSync(dir, { recursive: true, force: true });
      throw new Error(`baresip did not start: ${(error as Error).message}. Last lines of its log:\n${output}`, { cause: error });
    }
  }

  /** Resolves once the registrar has answered 200 (the REGISTER_OK event may come before we listen). */
  private async registered(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const { data } = await this.command('reginfo');
      if (/\bOK\b/.test(withoutColours(data))) return;
      if (Date.now() > deadline) throw new Error(`not registered within ${timeoutMs} ms: ${data}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  async dial(uri: string): Promise<void> {
    await this.command('dial', uri);
  }

  async answer(): Promise<void> {
    await this.command('accept');
  }

  async hangUp(): Promise<void> {
    await this.command('hangup');
  }

  /** Resolves with the first event of `type` since the phone started, or since `after` events. */
  async waitFor(type: string, { after = 0, timeoutMs = 15_000 } = {}): Promise<DeskPhoneEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(after).find((event) => event.type === type);
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(
          `baresip ${this.aor}: no ${type} within ${timeoutMs} ms; events so far: ${this.events.map((event) => event.type).join(', ')}`,
        );
      await new Promise<void>((resolve) => {
        const timer = setTimeout(wake, left);
        function wake() {
          clearTimeout(timer);
          resolve();
        }
        this.waiters.add(wake);
      });
    }
  }

  /** How many events have arrived: pass it as `after` to wait for the next ones. */
  get eventCount(): number {
    return this.events.length;
  }

  /**
   * RTP packets of the last call's audio stream, from the statistics baresip prints when a call
   * ends (`rtp_stats yes`): wait for CALL_CLOSED first.
   */
  lastCallRtp(): RtpCounters {
    const log = withoutColours(readFileSync(join(this.dir, 'baresip.log'), 'utf8'));
    const summaries = [...log.matchAll(/^audio\s+Transmit:\s+Receive:\s*\r?\npackets:\s+(\d+)\s+(\d+)/gm)];
    const last = summaries.at(-1);
    if (!last) throw new Error(`baresip ${this.aor} printed no call statistics (has the call ended?)`);
    return { packetsSent: Number(last[1]), packetsReceived: Number(last[2]) };
  }

  /** The latest RTCP statistics baresip reported during a call (CALL_RTCP events, every few seconds). */
  lastRtcpStats(): { tx: { sent: number; lost: number }; rx: { sent: number; lost: number } } | null {
    const event = this.events.findLast((candidate) => candidate.type === 'CALL_RTCP');
    return (event?.rtcp_stats as ReturnType<DeskPhone['lastRtcpStats']>) ?? null;
  }

  /** The WAV file baresip recorded the received (decoded) audio of its last call to; complete once the call has ended. */
  receivedAudioFile(): string {
    const files = readdirSync(this.dir)
      .filter((name) => name.startsWith('dump-') && name.endsWith('-dec.wav'))
      .sort();
    const last = files.at(-1);
    if (!last) throw new Error(`baresip ${this.aor} recorded no received audio in ${this.dir}`);
    return join(this.dir, last);
  }

  /** Every INVITE the phone received, as its SIP trace (`-s`) shows it. */
  receivedInvites(): string[] {
    const trace = readFileSync(join(this.dir, 'baresip.log'), 'utf8');
    // Each traced message: "#", "UDP <from> -> <to>", the message, then a colour reset.
    // eslint-disable-next-line no-control-regex
    const messages = trace.matchAll(/#\r?\n(?:UDP|TCP) \S+ -> (\S+)\r?\n([\s\S]*?)\x1b\[;m/g);
    return [...messages]
      .filter(([, to, text]) => to === `127.0.0.1:${this.sipPort}` && text!.startsWith('INVITE '))
      .map(([, , text]) => text!);
  }

  async stop(): Promise<void> {
    this.control.destroy();
    if (this.child.exitCode === null && this.child.signalCode === null) {
      const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(this.dir, { recursive: true, force: true });
  }

  private command(command: string, params = ''): Promise<{ ok: boolean; data: string }> {
    const token = String(++this.nextToken);
    const json = JSON.stringify({ command, params, token });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(token);
        reject(new Error(`baresip ${this.aor}: no answer to ${command}`));
      }, COMMAND_TIMEOUT_MS);
      this.pending.set(token, (response) => {
        clearTimeout(timer);
        if (response.ok) resolve(response);
        else reject(new Error(`baresip ${this.aor} refused ${command} ${params}: ${response.data}`));
      });
      this.control.write(`${Buffer.byteLength(json)}:${json},`);
    });
  }

  /** Netstrings: `<length>:<json>,`. */
  private receive(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const colon = this.buffer.indexOf(':');
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length + 1) return;
      const message = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as Record<string, unknown>;
      this.buffer = this.buffer.subarray(colon + 1 + length + 1);
      if (message.event) {
        this.events.push(message as DeskPhoneEvent);
        for (const wake of [...this.waiters]) {
          this.waiters.delete(wake);
          wake();
        }
      } else if (message.response) {
        this.pending.get(String(message.token))?.({ ok: Boolean(message.ok), data: String(message.data ?? '') });
        this.pending.delete(String(message.token));
      }
    }
  }
}

function withoutColours(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\x1b\[[0-9;]*m/g, '');
}

function config(dir: string, sipPort: number, controlPort: number, source: NonNullable<DeskPhoneOptions['source']>): string {
  const audioSource = 'sineHz' in source ? `ausine,${source.sineHz}` : `aufile,${source.wavFile}`;
  return [
    'poll_method epoll',
    `sip_listen 127.0.0.1:${sipPort}`,
    `audio_source ${audioSource}`,
    // ALSA's null device: nothing to play to; sndfile records what would be played.
    'audio_player alsa,null',
    'audio_alert alsa,null',
    'ausrc_srate 48000',
    'ausrc_channels 2',
    'rtp_stats yes',
    `snd_path ${dir}`,
    `ctrl_tcp_listen 127.0.0.1:${controlPort}`,
    `module_path ${MODULE_PATH}`,
    'module opus.so',
    'module g711.so',
    'module ausine.so',
    'module aufile.so',
    'module alsa.so',
    'module sndfile.so',
    'module_app account.so',
    'module_app menu.so',
    'module_app ctrl_tcp.so',
    '',
  ].join('\n');
}

async function connectWithin(port: number, child: ChildProcess, timeoutMs: number): Promise<Socket> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`it exited with ${child.signalCode ?? `code ${child.exitCode}`}`);
    const socket = await new Promise<Socket | null>((resolve) => {
      const attempt = connect(port, '127.0.0.1', () => resolve(attempt));
      attempt.once('error', () => resolve(null));
    });
    if (socket) return socket;
    if (Date.now() > deadline) throw new Error(`its ctrl_tcp port ${port} did not open within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, '127.0.0.1', () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

function freeTcpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}
