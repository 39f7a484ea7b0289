import { parseArgs } from 'node:util';
import { DEMO_USERS, startPbx } from './pbx';

const { values } = parseArgs({
  options: { port: { type: 'string', default: '8088' }, 'udp-port': { type: 'string', default: '5060' } },
});

function portOption(name: string, value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`--${name} must be a port number, got "${value}"`);
    process.exit(2);
  }
  return port;
}

const port = portOption('port', values.port);
const udpPort = portOption('udp-port', values['udp-port']);

const pbx = await startPbx({ port, udpPort, users: DEMO_USERS });
console.log(`Test PBX (Kamailio) listening on ${pbx.wsUrl} (softphones) and ${pbx.sipUdpUri} (desk phones, UDP)`);
console.log(`Domain: ${pbx.domain}   Log: ${pbx.logFile}`);
console.log(`Media: rtpengine on UDP ports ${pbx.rtpPorts.min}-${pbx.rtpPorts.max}   Log: ${pbx.rtpengineLogFile}`);
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
