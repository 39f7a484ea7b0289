import { parseArgs } from 'node:util';
import { DEMO_USERS, startPbx } from './pbx';

const { values } = parseArgs({ options: { port: { type: 'string', default: '8088' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) {
  console.error(`--port must be a TCP port number, got "${values.port}"`);
  process.exit(2);
}

const pbx = await startPbx({ port, users: DEMO_USERS });
console.log(`Test PBX (Kamailio) listening on ${pbx.wsUrl}`);
console.log(`Domain: ${pbx.domain}   Log: ${pbx.logFile}`);
console.log('Users:');
for (const { user, password, numbers = [] } of pbx.users) {
  console.log(`  sip:${user}@${pbx.domain}  password ${password}  numbers ${numbers.join(', ') || '(none)'}`);
}
console.log('Press Ctrl-C to stop.');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void pbx.stop().then(() => {
      console.log('PBX stopped.');
      process.exit(0);
    });
  });
}
