/** Texts for a value outside what the app allows, and for a file that was repaired. Swedish first. */
const sv = {
  'bounds.error.out-of-bounds':
    'Värdet i {field} ligger utanför det tillåtna (för stort, för litet, för långt eller för långt fram i tiden). Inget har ändrats.',
  'bounds.error.control-characters': 'Texten i {field} innehåller styrtecken, som inte är tillåtna. Inget har ändrats.',
  'bounds.error.voicemail-invalid': 'Röstbrevlådans adress går inte att ringa. Ange ett telefonnummer, en anknytning eller en SIP-adress.',
  'bounds.field.unknown': 'förfrågan',
  'notice.settingsRepaired':
    'Inställningsfilen innehöll värden utanför det tillåtna ({fields}). De har återställts; resten av inställningarna finns kvar.',
  'notice.historyRepaired':
    'Samtalshistoriken innehöll {count, plural, one {# post} other {# poster}} med ogiltiga värden. De har tagits bort; resten av historiken finns kvar.',
} as const;

export type BoundsMessageKey = keyof typeof sv;

const en: Record<BoundsMessageKey, string> = {
  'bounds.error.out-of-bounds':
    'The value of {field} is outside what is allowed (too large, too small, too long or too far ahead). Nothing was changed.',
  'bounds.error.control-characters': 'The text of {field} holds control characters, which are not allowed. Nothing was changed.',
  'bounds.error.voicemail-invalid': 'The voicemail address cannot be called. Enter a phone number, an extension or a SIP address.',
  'bounds.field.unknown': 'the request',
  'notice.settingsRepaired':
    'The settings file held values outside what is allowed ({fields}). They have been reset; the rest of the settings are kept.',
  'notice.historyRepaired':
    'The call history held {count, plural, one {# entry} other {# entries}} with invalid values. They have been removed; the rest of the history is kept.',
};

export const boundsMessages = { sv, en };
