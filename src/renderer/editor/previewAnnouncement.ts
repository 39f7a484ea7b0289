import { announcementText } from '../../core/phone/announcement';
import type { Language } from '../../core/i18n/language';
import { endForLength } from '../../core/time/lengths';
import type { TimeContext } from '../../core/time/workingHours';
import { spokenWords } from '../../core/profiles/announcementWords';
import { FIELD, type ProfileFormDraft } from './editorDraft';
import { readDraft, type DraftContext } from './readDraft';

/** What a caller would hear if the profile in the form were chosen now: the editor's preview. */
export function previewAnnouncement(
  draft: ProfileFormDraft,
  context: DraftContext & TimeContext & { now: number; language: Language },
): string {
  const { profile, errors } = readDraft(draft, context);
  const lengthFields: readonly string[] = [FIELD.lengthMinutes, FIELD.lengthTime, FIELD.lengthDays];
  const lengthReadable = !errors.some((error) => error.field !== undefined && lengthFields.includes(error.field));
  const until = lengthReadable ? endForLength(profile.defaultLength, context.now, context) : null;
  const words = spokenWords(profile.id, draft.incoming.announcementText, context.language);
  return announcementText(words, draft.incoming.announcementSayEnd, {
    until: until !== null && Number.isFinite(until) ? until : null,
    now: context.now,
    language: context.language,
    timeZone: context.timeZone,
  });
}
