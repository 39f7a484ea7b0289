import { type AccountNumbers, NUMBER_KINDS } from '../account/model';
import { type CalledLine } from '../profiles/model';
import { parseNameAddress } from './nameAddress';
import { numberOf } from './remoteParty';

/** The headers of an incoming INVITE that name whom the caller dialled, each as received; every value of a repeated header. */
export interface CalledHeaders {
  to: string | null;
  /** RFC 7044; each value may hold several comma-separated entries. */
  historyInfo: readonly string[];
  /** RFC 5806; each value may hold several comma-separated entries. */
  diversion: readonly string[];
}

/** A request names few targets; more than this is not a call history but an attack, and the rest is not read. */
const MAX_ENTRIES = 32;

/**
 * Which of the user's lines a call was for. The PBX says whom the caller dialled: To keeps the
 * dialled address (RFC 3261 §8.1.1.2), and where the call was retargeted on its way, History-Info
 * lists every target in the order they were tried, the first being the one dialled (RFC 7044),
 * and Diversion names each diverting party, the newest on top, so the one dialled comes last
 * (RFC 5806). So the targets are read in that order: History-Info from its first entry, Diversion
 * from its last, then To; the first that is one of the account's numbers is the line. A call
 * that names none of them, a header that cannot be read, or none at all, is for the user's own
 * address.
 */
export function calledLine(headers: CalledHeaders, numbers: AccountNumbers): CalledLine {
  const retargets = [...headers.historyInfo.flatMap(splitEntries), ...headers.diversion.flatMap(splitEntries).reverse()];
  const targets = [...retargets.slice(0, MAX_ENTRIES), ...(headers.to === null ? [] : [headers.to])];
  for (const target of targets) {
    const address = parseNameAddress(target);
    const number = address.ok ? numberOf(address.value) : null;
    const line = number === null ? undefined : NUMBER_KINDS.find((kind) => numbers[kind] === number);
    if (line) return line;
  }
  return 'own';
}

/** The comma-separated entries of one header value; a comma inside quotes or `<…>` belongs to its entry. */
function splitEntries(value: string): string[] {
  const entries: string[] = [];
  let current = '';
  let inQuotes = false;
  let inAngles = false;
  for (let index = 0; index < value.length && entries.length < MAX_ENTRIES; index++) {
    const character = value[index] ?? '';
    if (inQuotes && character === '\\') {
      current += character + (value[index + 1] ?? '');
      index++;
      continue;
    }
    if (character === '"' && !inAngles) inQuotes = !inQuotes;
    else if (character === '<' && !inQuotes) inAngles = true;
    else if (character === '>' && !inQuotes) inAngles = false;
    if (character === ',' && !inQuotes && !inAngles) {
      entries.push(current);
      current = '';
    } else {
      current += character;
    }
  }
  if (entries.length < MAX_ENTRIES) entries.push(current);
  return entries.map((entry) => entry.trim()).filter((entry) => entry !== '');
}
