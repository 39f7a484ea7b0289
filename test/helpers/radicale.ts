import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface DavRequest {
  method: string;
  path: string;
}

export interface RadicaleServer {
  /** http://127.0.0.1:<port>/, the address a user types. */
  url: string;
  /** Every request that reached the server, in order. */
  requests: DavRequest[];
  /** The address of a user's calendar collection. */
  calendarUrl(user: string, calendar: string): string;
  /** A plain HTTP request as the given user, for setting up the server's content. */
  as(user: string): DavUser;
  /** Replaces a user's password in the htpasswd file; Radicale reads the file on every login. */
  setPassword(user: string, password: string): void;
  /** Stops the server; a second call waits for the same stop. */
  stop(): Promise<void>;
}

export interface DavUser {
  makeCalendar(calendar: string): Promise<number>;
  putEvent(calendar: string, uid: string, ics: string): Promise<number>;
  deleteEvent(calendar: string, uid: string): Promise<number>;
}

/**
 * Debian's Radicale on loopback, on a free port, with its own storage folder and an htpasswd user
 * list, configured as its documentation sets up a small shared server: htpasswd logins and
 * owner-only rights, and nothing of /etc/radicale. Plain htpasswd entries, since bcrypt needs a
 * Python package Debian's radicale does not pull in. Requests pass through a counter in this
 * process on their way, so a test can see what the client asked; Radicale does all the answering.
 */
export async function startRadicale(users: Record<string, string>): Promise<RadicaleServer> {
  const dir = mkdtempSync(join(tmpdir(), 'profiltelefon-radicale-'));
  const passwords = new Map(Object.entries(users));
  const htpasswd = join(dir, 'users');
  const writeUsers = () => writeFileSync(htpasswd, [...passwords].map(([user, password]) => `${user}:${password}\n`).join(''));
  writeUsers();
  const radicalePort = await freePort();
  const config = join(dir, 'config');
  writeFileSync(
    config,
    [
      '[server]',
      `hosts = 127.0.0.1:${radicalePort}`,
      '[auth]',
      'type = htpasswd',
      `htpasswd_filename = ${htpasswd}`,
      'htpasswd_encryption = plain',
      '[rights]',
      'type = owner_only',
      '[storage]',
      `filesystem_folder = ${join(dir, 'collections')}`,
      '[logging]',
      'level = info',
      '',
    ].join('\n'),
  );
  const child = spawn('/usr/bin/radicale', ['--config', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  await untilListening(child, radicalePort);

  const requests: DavRequest[] = [];
  const counter = createServer((incoming, outgoing) => {
    requests.push({ method: incoming.method ?? '', path: incoming.url ?? '' });
    const forwarded = httpRequest(
      { host: '127.0.0.1', port: radicalePort, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        outgoing.writeHead(answer.statusCode ?? 502, answer.statusMessage, answer.headers);
        answer.pipe(outgoing);
      },
    );
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  const port = await listen(counter);
  const url = `http://127.0.0.1:${port}/`;

  const send = (user: string, method: string, path: string, body: string, contentType: string) =>
    fetch(new URL(path, url), {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${user}:${passwords.get(user) ?? ''}`).toString('base64')}`,
        'content-type': contentType,
      },
      body: body === '' ? null : body,
    }).then(async (response) => {
      await response.arrayBuffer();
      return response.status;
    });

  let stopping: Promise<void> | null = null;
  const stop = async () => {
    counter.closeAllConnections();
    await new Promise<void>((resolve) => counter.close(() => resolve()));
    if (child.exitCode === null && child.signalCode === null) {
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      });
    }
    rmSync(dir, { recursive: true, force: true });
  };

  return {
    url,
    requests,
    calendarUrl: (user, calendar) => `${url}${user}/${calendar}/`,
    as: (user) => ({
      makeCalendar: (calendar) =>
        send(
          user,
          'MKCALENDAR',
          `/${user}/${calendar}/`,
          '<?xml version="1.0" encoding="utf-8"?><C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav"><D:set><D:prop><D:displayname>Arbete</D:displayname></D:prop></D:set></C:mkcalendar>',
          'application/xml; charset=utf-8',
        ),
      putEvent: (calendar, uid, ics) => send(user, 'PUT', `/${user}/${calendar}/${uid}.ics`, ics, 'text/calendar; charset=utf-8'),
      deleteEvent: (calendar, uid) => send(user, 'DELETE', `/${user}/${calendar}/${uid}.ics`, '', 'text/plain'),
    }),
    setPassword: (user, password) => {
      passwords.set(user, password);
      writeUsers();
    },
    stop: () => (stopping ??= stop()),
  };
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Radicale says when its socket is bound; anything it wrote before dying is the error. */
function untilListening(child: ChildProcess, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let said = '';
    const onData = (chunk: Buffer) => {
      said += chunk.toString('utf8');
      if (said.includes(`:${port}'`) && said.includes('Radicale server ready')) {
        child.stderr?.off('data', onData);
        child.stderr?.resume();
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`Radicale exited (${code}) before listening: ${said.slice(-2000)}`)));
    child.once('error', reject);
  });
}
