/* Holds the lock on the data directory given as argument until killed: a real other process. */
import { DataDirLock } from '../../electron/services/dataDirLock';

const [dataDir] = process.argv.slice(2);
const locked = await DataDirLock.acquire(dataDir!);
console.log(locked.kind === 'acquired' ? `locked ${process.pid}` : `refused ${locked.kind}`);
setInterval(() => {}, 60_000);
