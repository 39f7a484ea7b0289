import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { createSocket } from 'node:dgram';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface PbxUser {
  user: string;
  password: string;
  /**
   * E.164 numbers the user owns: he may present them as caller ID (in P-Preferred-Identity), and
   * calls and messages to them reach him. A number two users share (a switchboard) reaches the first
   * of them.
   */
  numbers?: string[];
}

export interface PbxOptions {
  users?: PbxUser[];
  /** Loopback TCP port for ws://; a free one is picked when omitted. */
  port?: number;
  /** Loopback UDP port for desk phones; a free one is picked when omitted. */
  udpPort?: number;
}

export interface RunningPbx {
  wsUrl: string;
  domain: string;
  port: number;
  /** SIP over UDP, for desk phones: `sip:127.0.0.1:<udpPort>` is their outbound proxy. */
  udpPort: number;
  sipUdpUri: string;
  users: PbxUser[];
  /** Temp dir with the SQLite DB, kamailio.log and rtpengine.log; removed by stop(). */
  dir: string;
  logFile: string;
  rtpengineLogFile: string;
  /** The UDP ports rtpengine relays media on: every SDP the PBX forwards names one of them. */
  rtpPorts: { min: number; max: number };
  /** Stops Kamailio and rtpengine. */
  stop(): Promise<void>;
  /**
   * Stops Kamailio and starts it again on the same ports and DB; registrations are lost. rtpengine
   * keeps running, as a media server apart from the SIP server would.
   */
  restart(): Promise<void>;
  /**
   * Kills Kamailio and all its processes with SIGKILL, as a crash or power loss would: nothing is
   * closed gracefully. restart() starts it again.
   */
  crash(): Promise<void>;
}

export const PBX_DOMAIN = '127.0.0.1';

export const DEMO_SWITCHBOARD = '+46855500000';

export const DEMO_USERS: PbxUser[] = [
  { user: 'alice', password: 'alice-pass', numbers: ['+46812345601', '+46701110001', DEMO_SWITCHBOARD] },
  { user: 'bob', password: 'bob-pass', numbers: ['+46812345602', '+46701110002', DEMO_SWITCHBOARD] },
  { user: 'carol', password: 'carol-pass', numbers: ['+46812345603', '+46701110003', DEMO_SWITCHBOARD] },
];

const CONFIG_FILE = fileURLToPath(new URL('kamailio.cfg', import.meta.url));
const SCHEMA_DIR = '/usr/share/kamailio/db_sqlite';
const SCHEMAS = ['standard', 'auth_db', 'presence'];
const KAMAILIO = existsSync('/usr/sbin/kamailio') ? '/usr/sbin/kamailio' : 'kamailio';
const RTPENGINE = existsSync('/usr/bin/rtpengine') ? '/usr/bin/rtpengine' : 'rtpengine';
/** RTP ports rtpengine may use: a small random range, so that PBXs of parallel test runs rarely meet (rtpengine skips taken ports). */
const RTP_RANGE_SIZE = 1_000;
const RTP_RANGE_FLOOR = 20_000;
const RTP_RANGE_CEILING = 60_000;
const START_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

export async function startPbx(options: PbxOptions = {}): Promise<RunningPbx> {
  const users = options.users ?? DEMO_USERS;
  const port = options.port ?? (await freeLoopbackPort());
  const udpPort = options.udpPort ?? (await freeUdpPort());
  const dir = mkdtempSync(join(tmpdir(), 'pbx-'));
  const dbFile = join(dir, 'pbx.sqlite');
  const logFile = join(dir, 'kamailio.log');
  const rtpengineLogFile = join(dir, 'rtpengine.log');
  let media: Rtpengine | undefined;
  let child: ChildProcess;
  const sockets = (): KamailioSockets => ({ port, udpPort, ngPort: media!.ngPort });
  try {
    createDatabase(dbFile, users);
    media = await launchRtpengine(rtpengineLogFile);
    child = await launch(dir, dbFile, logFile, sockets());
  } catch (error) {
    // the error already carries the log's tail
    if (media) await terminate(media.child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const rtpengine = media;
  return {
    wsUrl: `ws://${PBX_DOMAIN}:${port}`,
    domain: PBX_DOMAIN,
    port,
    udpPort,
    sipUdpUri: `sip:${PBX_DOMAIN}:${udpPort}`,
    users,
    dir,
    logFile,
    rtpengineLogFile,
    rtpPorts: rtpengine.ports,
    async stop() {
      await terminate(child);
      await terminate(rtpengine.child);
      rmSync(dir, { recursive: true, force: true });
    },
    async restart() {
      await terminate(child);
      child = await launch(dir, dbFile, logFile, sockets());
    },
    async crash() {
      await killWithChildren(child);
    },
  };
}

/** The user names and numbers kamailio.cfg puts into SQL text; anything else is refused before it reaches the DB. */
const USER_NAME = /^[A-Za-z0-9._-]{1,64}$/;
const E164 = /^\+[1-9][0-9]{6,14}$/;

/** Which numbers each user may present, and which user a call to a number reaches (first owner wins). */
const CALLER_IDS_TABLE = `CREATE TABLE caller_ids (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  username TEXT NOT NULL,
  number TEXT NOT NULL,
  UNIQUE (username, number)
);
CREATE INDEX caller_ids_number ON caller_ids (number);`;

export function validatePbxUsers(users: PbxUser[]): void {
  for (const { user, numbers = [] } of users) {
    if (!USER_NAME.test(user)) throw new Error(`PBX user name ${JSON.stringify(user)} may only hold letters, digits, ".", "_" and "-"`);
    const bad = numbers.find((number) => !E164.test(number));
    if (bad !== undefined) throw new Error(`PBX user ${user} has the number ${JSON.stringify(bad)}, which is not E.164 (+46812345601)`);
  }
}

function createDatabase(dbFile: string, users: PbxUser[]): void {
  validatePbxUsers(users);
  const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;
  const schema = SCHEMAS.map((name) => readFileSync(join(SCHEMA_DIR, `${name}-create.sql`), 'utf8'));
  const inserts = users.flatMap(({ user, password, numbers = [] }) => [
    `INSERT INTO subscriber (username, domain, password) VALUES (${quote(user)}, ${quote(PBX_DOMAIN)}, ${quote(password)});`,
    ...numbers.map((number) => `INSERT INTO caller_ids (username, number) VALUES (${quote(user)}, ${quote(number)});`),
  ]);
  // WAL: Kamailio's processes read (digest auth, caller IDs) while presence writes; in the default
  // rollback journal a write locks readers out, and a refused read looks like a wrong password.
  const input = ['PRAGMA journal_mode=WAL;', ...schema, CALLER_IDS_TABLE, ...inserts].join('\n');
  const result = spawnSync('sqlite3', [dbFile], { input, encoding: 'utf8' });
  if (result.error) throw new Error(`cannot run sqlite3: ${result.error.message}`);
  if (result.status !== 0) throw new Error(`sqlite3 failed to create ${dbFile}: ${result.stderr}`);
}

interface KamailioSockets {
  port: number;
  udpPort: number;
  /** rtpengine's control socket */
  ngPort: number;
}

async function launch(dir: string, dbFile: string, logFile: string, { port, udpPort, ngPort }: KamailioSockets): Promise<ChildProcess> {
  await assertPortFree(port);
  const runDir = join(dir, 'run');
  mkdirSync(runDir, { recursive: true });
  // prettier-ignore
  const args = [
    '-DD', // stay in the foreground, so our child is Kamailio's main process
    '-E',
    '-f', CONFIG_FILE,
    '-l', `tcp:${PBX_DOMAIN}:${port}`,
    '-l', `udp:${PBX_DOMAIN}:${udpPort}`,
    '-A', `DBURL="sqlite:///${dbFile}"`,
    '-A', `SQLCON="pbx=>sqlite:///${dbFile}"`,
    '-A', `RTPENGINE_SOCK="udp:${PBX_DOMAIN}:${ngPort}"`,
    '-A', `PRESENCE_SERVER="sip:${PBX_DOMAIN}:${udpPort}"`,
    '-Y', runDir,
    '-P', join(runDir, 'kamailio.pid'),
    '-w', dir,
    '-m', '64',
    '-M', '8',
  ];
  const child = spawnLogged(KAMAILIO, args, logFile);

  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const outcome = await Promise.race([exited, probe(port)]);
    if (outcome === 'kamailio') return child;
    if (outcome !== 'closed' || Date.now() > deadline) {
      await terminate(child);
      const reason =
        outcome === 'other'
          ? `cannot listen: port ${port} is taken by another server`
          : outcome === 'closed'
            ? `did not accept connections on port ${port} within ${START_TIMEOUT_MS} ms`
            : outcome;
      throw new Error(`Kamailio ${reason}. Last lines of its log:\n${tail(logFile, 40)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The daemon as our child, its output appended to `logFile`. */
function spawnLogged(command: string, args: string[], logFile: string): ChildProcess {
  const log = openSync(logFile, 'a');
  // setpriv makes the kernel send SIGTERM to the daemon if Node dies without running exit hooks.
  const child = existsSync('/usr/bin/setpriv')
    ? spawn('/usr/bin/setpriv', ['--pdeathsig', 'TERM', command, ...args], { stdio: ['ignore', log, log] })
    : spawn(command, args, { stdio: ['ignore', log, log] });
  closeSync(log);
  track(child);
  return child;
}

interface Rtpengine {
  child: ChildProcess;
  ngPort: number;
  ports: { min: number; max: number };
}

/** rtpengine in user space (no kernel table) on loopback, ready once it answers an ng `ping`. */
async function launchRtpengine(logFile: string): Promise<Rtpengine> {
  const ngPort = await freeUdpPort();
  const min = RTP_RANGE_FLOOR + 2 * Math.floor((Math.random() * (RTP_RANGE_CEILING - RTP_RANGE_FLOOR - RTP_RANGE_SIZE)) / 2);
  const ports = { min, max: min + RTP_RANGE_SIZE - 1 };
  const args = [
    '--config-file=none',
    '--foreground',
    '--log-stderr',
    '--table=-1',
    `--interface=${PBX_DOMAIN}`,
    `--listen-ng=${PBX_DOMAIN}:${ngPort}`,
    `--port-min=${ports.min}`,
    `--port-max=${ports.max}`,
    '--num-threads=2',
    // a call's ports are free again as soon as it ends, not 30 s later: benchmarks make many calls
    '--delete-delay=0',
    '--log-level=6',
  ];
  const child = spawnLogged(RTPENGINE, args, logFile);
  const exited = new Promise<string>((resolve) => {
    child.once('error', (error) => resolve(error.message));
    child.once('exit', (code, signal) => resolve(`exited with ${signal ?? `code ${code}`}`));
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  for (;;) {
    const outcome = await Promise.race([exited, pingRtpengine(ngPort)]);
    if (outcome === 'pong') return { child, ngPort, ports };
    if (outcome !== 'silent' || Date.now() > deadline) {
      await terminate(child);
      const reason = outcome === 'silent' ? `did not answer on ng port ${ngPort} within ${START_TIMEOUT_MS} ms` : outcome;
      throw new Error(`rtpengine ${reason}. Last lines of its log:\n${tail(logFile, 40)}`);
    }
  }
}

/** One ng-protocol ping (a cookie, then a bencoded dictionary). */
function pingRtpengine(ngPort: number): Promise<'pong' | 'silent'> {
  return new Promise((resolve) => {
    const socket = createSocket('udp4');
    const done = (outcome: 'pong' | 'silent') => {
      clearTimeout(timer);
      socket.close();
      resolve(outcome);
    };
    const timer = setTimeout(() => done('silent'), 200);
    socket.on('message', (message) => done(message.toString().includes('pong') ? 'pong' : 'silent'));
    socket.on('error', () => done('silent'));
    socket.send('ping1 d7:command4:pinge', ngPort, PBX_DOMAIN);
  });
}

async function terminate(child: ChildProcess): Promise<void> {
  if (child.pid !== undefined && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  running.delete(child);
}

/** SIGKILL to Kamailio's main process and every process it forked; resolves once all are gone. */
async function killWithChildren(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  const pids = [child.pid, ...descendantsOf(child.pid)];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await exited;
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  while (pids.some(isAlive)) {
    if (Date.now() > deadline) throw new Error(`Kamailio processes ${pids.filter(isAlive).join(', ')} outlived SIGKILL`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  running.delete(child);
}

/** Parent pid and state of each process, from /proc. */
function processTable(): { pid: number; ppid: number; state: string }[] {
  const table: { pid: number; ppid: number; state: string }[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // "pid (comm) state ppid …"; comm may hold spaces and parentheses, so read after the last ")".
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const [state = '', ppid = ''] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      table.push({ pid: Number(name), ppid: Number(ppid), state });
    } catch {
      // the process ended while the table was read
    }
  }
  return table;
}

function descendantsOf(pid: number): number[] {
  const table = processTable();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const entry of table) {
      if (entry.ppid === parent && !found.includes(entry.pid)) {
        found.push(entry.pid);
        queue.push(entry.pid);
      }
    }
  }
  return found;
}

/** A zombie has released its sockets already; only its exit status waits to be collected. */
function isAlive(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

function track(child: ChildProcess): void {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // SIGTERM, not SIGKILL: only Kamailio's main process can stop its children.
    process.once('exit', () => {
      for (const leftover of running) leftover.kill('SIGTERM');
    });
  }
}

/**
 * Kamailio keeps running when it cannot bind its port, so a successful TCP connect
 * is not enough: only its xhttp route answers with `Server: kamailio`.
 */
function probe(port: number): Promise<'kamailio' | 'other' | 'closed'> {
  return new Promise((resolve) => {
    const request = get({ host: PBX_DOMAIN, port, path: '/', agent: false }, (response) => {
      response.resume();
      resolve(String(response.headers.server).startsWith('kamailio') ? 'kamailio' : 'other');
    });
    request.once('error', () => resolve('closed'));
    request.setTimeout(5_000, () => request.destroy(new Error('no HTTP answer')));
  });
}

function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', (error) => reject(new Error(`cannot start Kamailio on ${PBX_DOMAIN}:${port}: ${error.message}`)));
    server.listen(port, PBX_DOMAIN, () => server.close(() => resolve()));
  });
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, PBX_DOMAIN, () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function freeUdpPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = createSocket('udp4');
    socket.once('error', reject);
    socket.bind(0, PBX_DOMAIN, () => {
      const { port } = socket.address();
      socket.close(() => resolve(port));
    });
  });
}

function tail(file: string, lines: number): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}
