import { realpath, readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import { CONTENT_TYPES } from '../services/contentTypes';
import { APP_HOST, APP_SCHEME } from './appOrigin';

const notFound = () => new Response('Not found', { status: 404, headers: { 'content-type': 'text/plain; charset=utf-8' } });

/** Undoes the URL's percent-encoding, or says the path is not one of ours. */
function decodedPath(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host.toLowerCase() !== APP_HOST) return null;
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  // A decoded backslash, NUL or control character has no business in a renderer file name.
  if (/[\\\p{Cc}]/u.test(path)) return null;
  return path === '/' ? '/index.html' : path;
}

/** `path` lies inside `root`, also once symbolic links are followed. */
async function insideRoot(root: string, file: string): Promise<boolean> {
  const within = (base: string, candidate: string) => {
    const rest = relative(base, candidate);
    return rest !== '' && !rest.startsWith('..') && !isAbsolute(rest);
  };
  if (!within(root, file)) return false;
  try {
    return within(await realpath(root), await realpath(file));
  } catch {
    return false;
  }
}

/**
 * Answers a request on the app scheme with a file of the built renderer, and with 404 for
 * anything else: another host, a path outside the directory, broken encoding, a folder, a missing file.
 */
export async function serveRendererFile(rendererDir: string, url: string): Promise<Response> {
  const path = decodedPath(url);
  if (path === null) return notFound();
  const root = resolve(rendererDir);
  const file = resolve(root, `.${path}`);
  if (!(await insideRoot(root, file))) return notFound();
  try {
    if (!(await stat(file)).isFile()) return notFound();
    const body = await readFile(file);
    return new Response(body, {
      status: 200,
      headers: {
        'content-type': CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
        'x-content-type-options': 'nosniff',
      },
    });
  } catch {
    return notFound();
  }
}
