import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveRendererFile } from '../../../electron/adapters/rendererFiles';
import { useTempDirs } from '../../helpers/tempDir';

const newDir = useTempDirs();

/** A built renderer directory, with a secret file beside it that must never be served. */
function rendererDir(): string {
  const root = newDir();
  const renderer = join(root, 'renderer');
  mkdirSync(join(renderer, 'assets'), { recursive: true });
  writeFileSync(join(renderer, 'index.html'), '<!doctype html><title>Profiltelefon</title>');
  writeFileSync(join(renderer, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(renderer, 'assets', 'index-abc.css'), 'body{}');
  writeFileSync(join(renderer, 'assets', 'ring tone.wav'), 'RIFF');
  writeFileSync(join(renderer, 'assets', 'data.bin'), 'x');
  writeFileSync(join(root, 'secret.txt'), 'sip-password');
  symlinkSync(join(root, 'secret.txt'), join(renderer, 'assets', 'link.txt'));
  return renderer;
}

describe('the app:// protocol handler', () => {
  it.each([
    ['app://profiltelefon/', 'text/html; charset=utf-8', '<!doctype html><title>Profiltelefon</title>'],
    ['app://profiltelefon/index.html', 'text/html; charset=utf-8', '<!doctype html><title>Profiltelefon</title>'],
    ['app://profiltelefon/index.html?token=1#konto', 'text/html; charset=utf-8', '<!doctype html><title>Profiltelefon</title>'],
    ['app://profiltelefon/assets/index-abc.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
    ['app://profiltelefon/assets/index-abc.css', 'text/css; charset=utf-8', 'body{}'],
    ['app://profiltelefon/assets/ring%20tone.wav', 'audio/wav', 'RIFF'],
    ['app://profiltelefon/assets/data.bin', 'application/octet-stream', 'x'],
  ])('serves %s as %s', async (url, type, body) => {
    const response = await serveRendererFile(rendererDir(), url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(type);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe(body);
  });

  it("serves a lazily loaded chunk at the URL its importer's relative import resolves to", async () => {
    const dir = rendererDir();
    writeFileSync(join(dir, 'assets', 'PhoneView-abc.js'), 'export const x = 1');
    const chunkUrl = new URL('./PhoneView-abc.js', 'app://profiltelefon/assets/index-abc.js').href;
    expect(chunkUrl).toBe('app://profiltelefon/assets/PhoneView-abc.js');
    const response = await serveRendererFile(dir, chunkUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await response.text()).toBe('export const x = 1');
  });

  it.each([
    ['a path out of the directory', 'app://profiltelefon/../secret.txt'],
    ['an encoded dot-dot', 'app://profiltelefon/%2e%2e/secret.txt'],
    ['an encoded slash', 'app://profiltelefon/..%2fsecret.txt'],
    ['an encoded slash deeper', 'app://profiltelefon/assets/..%2f..%2fsecret.txt'],
    ['an encoded backslash', 'app://profiltelefon/..%5csecret.txt'],
    ['an encoded NUL', 'app://profiltelefon/index.html%00.js'],
    ['an absolute path smuggled in', 'app://profiltelefon/%2fetc%2fpasswd'],
    ['a broken percent-encoding', 'app://profiltelefon/%E0%A4%A'],
    ['a symbolic link out of the directory', 'app://profiltelefon/assets/link.txt'],
    ['a folder', 'app://profiltelefon/assets'],
    ['a missing file', 'app://profiltelefon/missing.js'],
    ['another host', 'app://elsewhere/index.html'],
    ['another scheme', 'file:///index.html'],
    ['no URL at all', 'not a url'],
  ])('answers 404 for %s', async (_name, url) => {
    const response = await serveRendererFile(rendererDir(), url);
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('sip-password');
  });
});
