import { fromAbsolute, type ZonedDateTime } from '@internationalized/date';
import { useState } from 'react';
import {
  Button,
  Calendar,
  CalendarCell,
  CalendarGrid,
  DateInput,
  DatePicker,
  DateSegment,
  Dialog,
  Group,
  Heading,
  I18nProvider,
  Label,
  Modal,
  ModalOverlay,
  Popover,
} from 'react-aria-components';
import type { Profile } from '../../core/profiles/model';
import { localeOf } from '../../core/time/format';
import { QUICK_LENGTH_IDS, type QuickLengthId } from '../../core/time/quickLengths';
import { useAppStore } from '../shared/appStore';
import { useServiceNow } from '../shared/useServiceNow';
import { useLanguage, useTranslation } from '../shared/useTranslation';

const QUARTER_MS = 15 * 60_000;

function suggestedEnd(now: number, timeZone: string): ZonedDateTime {
  return fromAbsolute(Math.ceil((now + 60 * 60_000) / QUARTER_MS) * QUARTER_MS, timeZone);
}

function CalendarIcon() {
  return (
    <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="3" y="5" width="18" height="16" rx="2" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="M3 10h18M8 3v4M16 3v4" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

interface EndTimeDialogProps {
  profile: Profile;
  isOpen: boolean;
  onOpenChange(open: boolean): void;
  onActivated(): void;
}

/** The clock icon's picker: activate a profile until a chosen moment, or for one of the quick lengths. */
export function EndTimeDialog({ profile, isOpen, onOpenChange, onActivated }: EndTimeDialogProps) {
  const t = useTranslation();
  const language = useLanguage();
  const now = useServiceNow();
  const timeZone = useAppStore((store) => store.state?.timeZone ?? 'UTC');
  const invoke = useAppStore((store) => store.invoke);
  const [chosen, setChosen] = useState<ZonedDateTime | null>(() => suggestedEnd(now, timeZone));
  const [error, setError] = useState<string | null>(null);

  const activate = async (length: { kind: 'quick'; quick: QuickLengthId } | { kind: 'until'; until: number }) => {
    const activated = await invoke('profile:activate', { profileId: profile.id, length, temporaryMessage: null });
    if (activated) onActivated();
  };

  const activateChosen = () => {
    if (chosen === null) return setError(t('switcher.endMissing'));
    const until = chosen.toDate().getTime();
    if (until <= now) return setError(t('switcher.endInPast'));
    setError(null);
    void activate({ kind: 'until', until });
  };

  return (
    <ModalOverlay isOpen={isOpen} onOpenChange={onOpenChange} isDismissable className="modal-overlay">
      <Modal className="modal">
        <Dialog className="end-time-dialog">
          <Heading slot="title">{t('switcher.dialogTitle', { name: profile.name })}</Heading>
          <div className="end-time-dialog__quick" role="group" aria-label={t('switcher.quickChoices')}>
            {QUICK_LENGTH_IDS.map((quick) => (
              <Button key={quick} onPress={() => void activate({ kind: 'quick', quick })}>
                {t(`quick.${quick}`)}
              </Button>
            ))}
          </div>
          <I18nProvider locale={localeOf(language)}>
            <DatePicker
              value={chosen}
              onChange={setChosen}
              granularity="minute"
              hourCycle={24}
              hideTimeZone
              isInvalid={error !== null}
              className="date-picker"
            >
              <Label>{t('switcher.endLabel')}</Label>
              <Group className="date-picker__field">
                <DateInput className="date-picker__input">{(segment) => <DateSegment segment={segment} />}</DateInput>
                <Button aria-label={t('switcher.openCalendar')}>
                  <CalendarIcon />
                </Button>
              </Group>
              <Popover className="popover">
                <Dialog aria-label={t('switcher.calendar')}>
                  <Calendar className="calendar">
                    <header>
                      <Button slot="previous" aria-label={t('switcher.previousMonth')}>
                        ◀
                      </Button>
                      <Heading />
                      <Button slot="next" aria-label={t('switcher.nextMonth')}>
                        ▶
                      </Button>
                    </header>
                    <CalendarGrid>{(date) => <CalendarCell date={date} />}</CalendarGrid>
                  </Calendar>
                </Dialog>
              </Popover>
            </DatePicker>
          </I18nProvider>
          {error && (
            <p role="alert" className="field-error">
              {error}
            </p>
          )}
          <div className="end-time-dialog__actions">
            <Button slot="close">{t('switcher.cancel')}</Button>
            <Button className="primary" onPress={activateChosen}>
              {t('switcher.activateUntil')}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
