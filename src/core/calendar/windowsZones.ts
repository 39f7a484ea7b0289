import { WINDOWS_TO_IANA_MAP } from 'windows-iana';

/**
 * Windows time zone names, as Outlook and Exchange write them in TZID, mapped to IANA names: the
 * "001" territory (the zone's main city) of CLDR's windowsZones.xml, as the windows-iana package
 * ships it. Used only when the file carries no VTIMEZONE for the name. A Map, so that a TZID such
 * as "constructor" or "__proto__" is just a name that is not there.
 */
const WINDOWS_TO_IANA = new Map<string, string>(
  WINDOWS_TO_IANA_MAP.flatMap((entry) => (entry.territory === '001' && entry.iana[0] ? [[entry.windowsName, entry.iana[0]] as const] : [])),
);

export function ianaNameForWindowsZone(windowsName: string): string | null {
  return WINDOWS_TO_IANA.get(windowsName.trim()) ?? null;
}
