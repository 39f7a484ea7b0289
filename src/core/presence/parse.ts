import type { CodedError, Result } from '../errors';
import { VISIBLE_CALL_STATES, type ColleagueCallState, type VisibleCallState } from './callState';
import { MAX_NOTE_CHARS, MAX_PROFILE_NAME_CHARS, toDisplayText } from './displayText';
import { DATA_MODEL_NS, DIALOG_INFO_NS, PIDF_NS, PROFILTELEFON_NS, RPID_NS, XML_NS } from './namespaces';
import { parseUntrustedXml, type XmlElement, type XmlErrorCode } from './safeXml';
import { attributeValue, childElements, firstChildElement, firstDescendant, isElement, textContent } from './xmlTree';

export { MAX_DOCUMENT_BYTES, MAX_ELEMENT_DEPTH } from './safeXml';
export { MAX_NOTE_CHARS } from './displayText';

export interface ColleaguePresence {
  /** Null when the body was empty or carried no service status: show the colleague as offline. */
  basic: 'open' | 'closed' | null;
  profileName: string | null;
  profileNumber: number | null;
  note: string | null;
  /** RFC 4480 activity names in the RPID namespace, e.g. `meeting`, `on-the-phone`, `other`. */
  activities: string[];
  /** Epoch ms when the current activity/profile ends. */
  until: number | null;
  /**
   * `hidden` when our own app's document leaves calls out (the colleague's profile is Ej tillgänglig);
   * null when another client's document says nothing about calls, which is the usual case.
   */
  callState: ColleagueCallState | null;
}

export type PresenceErrorCode = XmlErrorCode | 'presence-not-pidf';
export type PresenceParseResult = Result<ColleaguePresence, CodedError<PresenceErrorCode>>;

/**
 * What an empty NOTIFY body means (RFC 3856 §6.6.2: no state yet, or the subscription ended):
 * nothing is known, which the colleague list shows as offline.
 */
export const OFFLINE_PRESENCE: Readonly<ColleaguePresence> = Object.freeze({
  basic: null,
  profileName: null,
  profileNumber: null,
  note: null,
  activities: [],
  until: null,
  callState: null,
});

const MAX_ACTIVITIES = 16;

/** Reads a PIDF body received in a NOTIFY. The body is untrusted network input. */
export function parsePresence(xml: string): PresenceParseResult {
  if (typeof xml === 'string' && xml.trim() === '') return { ok: true, value: { ...OFFLINE_PRESENCE, activities: [] } };
  const parsed = parseUntrustedXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  if (!isElement(root, PIDF_NS, 'presence')) {
    return { ok: false, error: { code: 'presence-not-pidf', message: `The root element is not a PIDF ${PIDF_NS} presence.` } };
  }

  const tuples = childElements(root, PIDF_NS, 'tuple');
  // RFC 4479 has one person per presentity; clients that send several put the useful one first.
  const person = firstChildElement(root, DATA_MODEL_NS, 'person') ?? firstChildElement(root, RPID_NS, 'person');
  const activitiesElement = (person && firstDescendant(person, RPID_NS, 'activities')) ?? firstDescendant(root, RPID_NS, 'activities');
  const activities = activitiesElement === null ? [] : readActivities(activitiesElement);
  const profile = (person && firstDescendant(person, PROFILTELEFON_NS, 'profile')) ?? firstChildElement(root, PROFILTELEFON_NS, 'profile');
  // Our own client's message alone: its <note> also carries the profile name and end, shown apart here.
  const ownMessage = person && firstChildElement(person, PROFILTELEFON_NS, 'message');

  return {
    ok: true,
    value: {
      basic: readBasic(tuples),
      profileName: profile === null ? null : nonEmpty(toDisplayText(textContent(profile), MAX_PROFILE_NAME_CHARS)),
      profileNumber: profile === null ? null : readProfileNumber(attributeValue(profile, 'number')),
      note:
        ownMessage === null
          ? readNote(root, person, activitiesElement, tuples)
          : nonEmpty(toDisplayText(textContent(ownMessage), MAX_NOTE_CHARS)),
      activities,
      until:
        readDateTime(activitiesElement && attributeValue(activitiesElement, 'until')) ??
        readDateTime(profile && attributeValue(profile, 'until')),
      callState: readCallState(person ?? root, activities, profile !== null),
    },
  };
}

function readBasic(tuples: XmlElement[]): 'open' | 'closed' | null {
  const values = tuples.map((tuple) => {
    const basic = firstChildElement(tuple, PIDF_NS, 'status');
    const value = basic && firstChildElement(basic, PIDF_NS, 'basic');
    return value === null ? null : textContent(value).trim();
  });
  // One open service (e.g. the desk phone among several devices) makes the presentity reachable.
  if (values.includes('open')) return 'open';
  if (values.includes('closed')) return 'closed';
  return null;
}

function readActivities(activities: XmlElement): string[] {
  const names: string[] = [];
  for (const child of activities.children) {
    if (child.kind !== 'element' || child.namespace !== RPID_NS || child.localName === 'note') continue;
    if (!/^[a-z][a-z-]{0,39}$/.test(child.localName) || names.includes(child.localName)) continue;
    names.push(child.localName);
    if (names.length === MAX_ACTIVITIES) break;
  }
  return names;
}

function readCallState(scope: XmlElement, activities: string[], fromOurApp: boolean): ColleagueCallState | null {
  const ours = firstDescendant(scope, PROFILTELEFON_NS, 'callstate');
  if (ours !== null) {
    const value = textContent(ours).trim();
    if ((VISIBLE_CALL_STATES as readonly string[]).includes(value)) return value as VisibleCallState;
  }
  // Other clients say only "on the phone". Our app leaves the call state out on purpose, others
  // simply never say it.
  if (activities.includes('on-the-phone')) return 'busy';
  return fromOurApp ? 'hidden' : null;
}

const NOTE_NAMESPACES = [DATA_MODEL_NS, PIDF_NS, RPID_NS];

function readNote(root: XmlElement, person: XmlElement | null, activities: XmlElement | null, tuples: XmlElement[]): string | null {
  const noteLists: XmlElement[][] = [
    person === null ? [] : person.children.filter(isNoteElement),
    activities === null ? [] : childElements(activities, RPID_NS, 'note'),
    ...tuples.map((tuple) => childElements(tuple, PIDF_NS, 'note')),
    childElements(root, PIDF_NS, 'note'),
  ];
  for (const notes of noteLists) {
    const chosen = notes.find(isSwedish) ?? notes[0];
    if (chosen === undefined) continue;
    const note = nonEmpty(toDisplayText(textContent(chosen), MAX_NOTE_CHARS));
    if (note !== null) return note;
  }
  return null;
}

function isNoteElement(node: XmlElement['children'][number]): node is XmlElement {
  return node.kind === 'element' && node.localName === 'note' && node.namespace !== null && NOTE_NAMESPACES.includes(node.namespace);
}

function isSwedish(note: XmlElement): boolean {
  const lang = attributeValue(note, 'lang', XML_NS);
  return lang !== null && /^sv(-|$)/i.test(lang.trim());
}

function readProfileNumber(raw: string | null): number | null {
  if (raw === null || !/^\s*\d{1,6}\s*$/.test(raw)) return null;
  return Number(raw.trim());
}

// xs:dateTime with an explicit zone; without one the sender's local time is unknowable.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;

function readDateTime(raw: string | null): number | null {
  if (raw === null) return null;
  const value = raw.trim();
  if (!DATE_TIME.test(value)) return null;
  const epochMs = Date.parse(value);
  return Number.isFinite(epochMs) ? epochMs : null;
}

function nonEmpty(value: string): string | null {
  return value === '' ? null : value;
}

// --- RFC 4235 dialog-info ---

export type DialogState = 'trying' | 'proceeding' | 'early' | 'confirmed' | 'terminated';

export interface DialogSummary {
  id: string;
  state: DialogState;
  direction: 'initiator' | 'recipient' | null;
}

export interface DialogInfo {
  state: 'full' | 'partial';
  version: number;
  /** A partial document describes only these dialogs; merge by id with earlier ones. */
  dialogs: DialogSummary[];
  /** The call state these dialogs show: a confirmed dialog wins over ringing, incoming over outgoing. */
  callState: VisibleCallState;
}

export type DialogInfoErrorCode = XmlErrorCode | 'presence-not-dialog-info';
export type DialogInfoParseResult = Result<DialogInfo, CodedError<DialogInfoErrorCode>>;

const DIALOG_STATES: readonly DialogState[] = ['trying', 'proceeding', 'early', 'confirmed', 'terminated'];
export const MAX_DIALOGS = 32;

/** Reads an `application/dialog-info+xml` body received in a NOTIFY. Untrusted network input. */
export function parseDialogInfo(xml: string): DialogInfoParseResult {
  const parsed = parseUntrustedXml(xml);
  if (!parsed.ok) return parsed;
  const root = parsed.value;
  const notDialogInfo = (message: string): DialogInfoParseResult => ({
    ok: false,
    error: { code: 'presence-not-dialog-info', message },
  });
  if (!isElement(root, DIALOG_INFO_NS, 'dialog-info')) return notDialogInfo(`The root element is not ${DIALOG_INFO_NS} dialog-info.`);

  const state = attributeValue(root, 'state')?.trim();
  if (state !== 'full' && state !== 'partial') return notDialogInfo('The state attribute must be full or partial.');
  const versionText = attributeValue(root, 'version')?.trim() ?? '';
  if (!/^\d{1,15}$/.test(versionText)) return notDialogInfo('The version attribute must be a non-negative integer.');

  const dialogs: DialogSummary[] = [];
  for (const dialog of childElements(root, DIALOG_INFO_NS, 'dialog').slice(0, MAX_DIALOGS)) {
    const stateElement = firstChildElement(dialog, DIALOG_INFO_NS, 'state');
    const dialogState = stateElement === null ? '' : textContent(stateElement).trim();
    if (!(DIALOG_STATES as readonly string[]).includes(dialogState)) continue;
    const direction = attributeValue(dialog, 'direction')?.trim();
    dialogs.push({
      id: toDisplayText(attributeValue(dialog, 'id') ?? '', 128),
      state: dialogState as DialogState,
      direction: direction === 'initiator' || direction === 'recipient' ? direction : null,
    });
  }

  return { ok: true, value: { state, version: Number(versionText), dialogs, callState: callStateOfDialogs(dialogs) } };
}

export function callStateOfDialogs(dialogs: readonly DialogSummary[]): VisibleCallState {
  const live = dialogs.filter((dialog) => dialog.state !== 'terminated');
  if (live.some((dialog) => dialog.state === 'confirmed')) return 'busy';
  if (live.length === 0) return 'idle';
  // A ringing dialog of unknown direction is most likely a call to the colleague: BLF is about pickup.
  return live.some((dialog) => dialog.direction !== 'initiator') ? 'ringing-in' : 'ringing-out';
}
