import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build, stop as stopEsbuild } from 'esbuild';

const projectRoot = fileURLToPath(new URL('../..', import.meta.url));

/** A loopback page with JsSIP as `window.JsSIP` and nothing else: the test callers, the bare baseline and the subscriber crowd. */
export async function serveJsSIPPage(): Promise<Server> {
  const bundle = await build({
    stdin: { contents: 'window.JsSIP = require("jssip");', resolveDir: projectRoot },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
  });
  // Its service process would keep Node running after a bench report; a later build starts another.
  await stopEsbuild();
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((request, response) => {
    if (request.url === '/jssip.js') response.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else
      response.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>JsSIP</title><script src="/jssip.js"></script>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}
