import ICAL from 'ical.js';
import type { IcalComponent } from './icalValues';
import { reason } from './reason';
import type { CalendarParseWarning } from './types';

export interface Salvage {
  root: IcalComponent;
  warnings: CalendarParseWarning[];
}

function unfoldedLines(body: string): string[] {
  const lines: string[] = [];
  for (const line of body.split(/\r?\n/)) {
    if ((line.startsWith(' ') || line.startsWith('\t')) && lines.length > 0) lines[lines.length - 1] += line.slice(1);
    else if (line.trim() !== '') lines.push(line);
  }
  return lines;
}

const BOUNDARY = /^(BEGIN|END):([A-Za-z0-9-]+)[ \t]*$/i;

/** The VCALENDAR's own property lines and its components, each as lines; null when BEGIN and END do not pair up. */
function splitComponents(lines: string[]): { header: string[]; blocks: string[][] } | null {
  const header: string[] = [];
  const blocks: string[][] = [];
  const open: string[] = [];
  let block: string[] = [];
  for (const [index, line] of lines.entries()) {
    const boundary = BOUNDARY.exec(line);
    const kind = boundary?.[1]?.toUpperCase();
    const name = boundary?.[2]?.toUpperCase() ?? '';
    if (kind === 'BEGIN') {
      if (open.length === 0 && (name !== 'VCALENDAR' || index !== 0)) return null;
      open.push(name);
      if (open.length === 2) block = [];
    } else if (kind === 'END') {
      if (open.pop() !== name) return null;
      if (open.length === 0) return index === lines.length - 1 ? { header, blocks } : null;
    }
    if (open.length >= 2 || (kind === 'END' && open.length === 1)) block.push(line);
    else if (open.length === 1 && !boundary) header.push(line);
    if (kind === 'END' && open.length === 1) blocks.push(block);
  }
  return null;
}

function parseComponent(lines: string[]): IcalComponent {
  return (
    new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...lines, 'END:VCALENDAR'].join('\r\n'))).getAllSubcomponents()[0] ??
    new ICAL.Component('x-empty')
  );
}

function valueOf(lines: string[], name: string): string | null {
  const line = lines.find((candidate) => new RegExp(`^${name}[;:]`, 'i').test(candidate));
  return line ? line.slice(line.indexOf(':') + 1) : null;
}

/**
 * When ical.js refuses the whole file, because one property's value is beyond it (an RRULE with
 * FREQ=NONSENSE, say), each component is read on its own: the ones it refuses become warnings
 * and the others are kept. Null when the file's structure itself is broken (cut off, unpaired
 * BEGIN and END), which no reading of single components can mend.
 */
export function salvageComponents(body: string, isUsableUid: (uid: string) => boolean): Salvage | null {
  const parts = splitComponents(unfoldedLines(body));
  if (!parts) return null;
  let root: IcalComponent;
  try {
    root = new ICAL.Component(ICAL.parse(['BEGIN:VCALENDAR', ...parts.header, 'END:VCALENDAR'].join('\r\n')));
  } catch {
    root = new ICAL.Component('vcalendar');
  }
  const warnings: CalendarParseWarning[] = [];
  for (const block of parts.blocks) {
    try {
      root.addSubcomponent(parseComponent(block));
    } catch (error) {
      const name = BOUNDARY.exec(block[0] ?? '')?.[2]?.toUpperCase();
      // ical.js quotes the line it could not read, which may be a title.
      const why = reason(error).split(' "')[0] ?? '';
      if (name === 'VEVENT') {
        const uid = valueOf(block, 'UID');
        warnings.push({ code: 'event-invalid', uid: uid !== null && isUsableUid(uid) ? uid : null, message: `Event skipped: ${why}` });
      } else if (name === 'VTIMEZONE') {
        warnings.push({ code: 'timezone-invalid', uid: valueOf(block, 'TZID'), message: `VTIMEZONE ignored: ${why}` });
      }
    }
  }
  return { root, warnings };
}
