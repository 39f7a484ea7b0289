import type { PidfInput } from '../../../src/core/presence/pidf';

export const ENTITY = 'sip:alice@127.0.0.1';
export const NOW = Date.UTC(2025, 4, 6, 9, 0);
export const IN_ONE_HOUR = Date.UTC(2025, 4, 6, 10, 0);

export function pidfInput(overrides: Partial<PidfInput> = {}): PidfInput {
  return {
    entity: ENTITY,
    profile: { id: 'available', name: 'Tillgänglig', number: 1, status: 'available' },
    message: '',
    until: null,
    callState: { kind: 'idle' },
    language: 'sv',
    timeZone: 'Europe/Stockholm',
    timestamp: NOW,
    ...overrides,
  };
}

/** RFC 3863 §3.4-style minimal document: one tuple, default namespace, no extensions. */
export const RFC3863_MINIMAL = `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf"
    entity="pres:someone@example.com">
  <tuple id="sg89ae">
    <status>
      <basic>open</basic>
    </status>
    <contact priority="0.8">tel:+09012345678</contact>
  </tuple>
</presence>`;

/** RFC 3863 style with a prefixed PIDF namespace, two tuples, language-tagged notes and foreign extensions. */
export const RFC3863_PREFIXED = `<?xml version="1.0" encoding="UTF-8"?>
<impp:presence xmlns:impp="urn:ietf:params:xml:ns:pidf"
    xmlns:myex="http://id.example.com/presence/"
    entity="pres:someone@example.com">
  <impp:tuple id="ck38g9">
    <impp:status>
      <impp:basic>closed</impp:basic>
    </impp:status>
    <myex:mytupletag>Extended value in tuple</myex:mytupletag>
    <impp:contact priority="0.65">tel:+09012345678</impp:contact>
  </impp:tuple>
  <impp:tuple id="md6tu">
    <impp:status>
      <impp:basic>open</impp:basic>
    </impp:status>
    <impp:contact priority="1.0">im:someone@mobilecarrier.net</impp:contact>
    <impp:note xml:lang="en">Don't Disturb Please!</impp:note>
    <impp:note xml:lang="fr">Ne derangez pas, s'il vous plait</impp:note>
    <impp:timestamp>2001-10-27T16:49:29Z</impp:timestamp>
  </impp:tuple>
  <impp:note xml:lang="en">I'll be in Tokyo next week</impp:note>
  <myex:myelement>My extended presentity information</myex:myelement>
</impp:presence>`;

/** What a typical softphone publishes during a call: RPID on-the-phone and nothing of ours. */
export const SOFTPHONE_ON_THE_PHONE = `<?xml version="1.0" encoding="UTF-8"?>
<presence xmlns="urn:ietf:params:xml:ns:pidf" xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
  xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid" entity="sip:bob@example.com">
  <tuple id="t4bcd3a1c">
    <status><basic>open</basic></status>
    <contact>sip:bob@192.0.2.10:5060</contact>
    <timestamp>2025-05-06T09:00:00Z</timestamp>
  </tuple>
  <dm:person id="p6f2a">
    <rpid:activities><rpid:on-the-phone/></rpid:activities>
    <dm:note>On the phone</dm:note>
  </dm:person>
</presence>`;

/** Same data model, every prefix different, RPID once as a default namespace, Swedish note not first. */
export const ODD_PREFIXES = `<?xml version="1.0"?>
<ns2:presence xmlns:ns2="urn:ietf:params:xml:ns:pidf" xmlns:d="urn:ietf:params:xml:ns:pidf:data-model"
  xmlns:r="urn:ietf:params:xml:ns:pidf:rpid" xmlns:x="urn:x-profiltelefon:presence" entity="sip:carol@example.com">
  <ns2:tuple id="a1"><ns2:status><ns2:basic>open</ns2:basic></ns2:status></ns2:tuple>
  <d:person id="b2">
    <activities xmlns="urn:ietf:params:xml:ns:pidf:rpid" until="2025-05-06T12:00:00+02:00"><lunch/></activities>
    <x:profile number="2">Lunch</x:profile>
    <d:note xml:lang="en">Out for lunch</d:note>
    <d:note xml:lang="sv-SE">Ute på lunch</d:note>
  </d:person>
</ns2:presence>`;

/** RFC 4235 §5.1-style: an outgoing call that has not been answered. */
export const RFC4235_TRYING = `<?xml version="1.0"?>
<dialog-info xmlns="urn:ietf:params:xml:ns:dialog-info" version="0" state="full" entity="sip:alice@example.com">
  <dialog id="as7d900as8" call-id="a84b4c76e66710" local-tag="1928301774" direction="initiator">
    <state>trying</state>
  </dialog>
</dialog-info>`;

export const DIALOG_CONFIRMED_WITH_RINGING = `<?xml version="1.0"?>
<d:dialog-info xmlns:d="urn:ietf:params:xml:ns:dialog-info" version="7" state="full" entity="sip:bob@example.com">
  <d:dialog id="x1" direction="recipient"><d:state>early</d:state></d:dialog>
  <d:dialog id="x2" direction="initiator">
    <d:state>confirmed</d:state>
    <d:remote><d:identity>sip:carol@example.com</d:identity></d:remote>
  </d:dialog>
</d:dialog-info>`;
