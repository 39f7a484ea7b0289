import { useId, useState, type FormEvent } from 'react';
import { useErrorText } from '../shared/errorText';
import type { AppError } from '../../core/errors';
import type { CalendarSourceStatus } from '../../core/calendar/view';
import { formatEndTime } from '../../core/time/format';
import { useAppStore } from '../shared/appStore';
import { useLanguage, useTranslation } from '../shared/useTranslation';
import { useServiceNow } from '../shared/useServiceNow';
import { calendarRequest } from './calendarRequest';
import { AddCaldavSource } from './AddCaldavSource';
import { warningText } from './calendarText';
import { FileChooser, type FileChoice } from '../shared/FileChooser';

const NO_SOURCES: CalendarSourceStatus[] = [];

function SourceRow({ source, onError }: { source: CalendarSourceStatus; onError(message: string | null): void }) {
  const t = useTranslation();
  const errorText = useErrorText();
  const language = useLanguage();
  const now = useServiceNow();
  const timeZone = useAppStore((store) => store.state?.timeZone ?? 'UTC');
  const time = (epochMs: number) => formatEndTime(epochMs, now, language, timeZone);
  const status = [
    source.syncing ? t('calendar.source.syncing') : null,
    source.lastGoodSyncAt === null ? t('calendar.source.never') : t('calendar.source.lastGood', { time: time(source.lastGoodSyncAt) }),
    source.eventCount === null ? null : t('calendar.source.events', { count: source.eventCount }),
  ].filter((part): part is string => part !== null);

  const remove = async () => {
    const refused = await calendarRequest('calendar:remove-source', { sourceId: source.id });
    onError(refused ? t('calendar.error.generic', { message: errorText(refused) }) : null);
  };

  return (
    <li className="calendar-source" data-source-id={source.id}>
      <div className="calendar-source__head">
        <span className="calendar-badge">{t(`calendar.source.kind.${source.kind}`)}</span>
        <span className="calendar-source__location" title={source.location}>
          {source.location}
        </span>
        <button
          type="button"
          className="calendar-button calendar-button--quiet"
          aria-label={t('calendar.source.removeLabel', { location: source.location })}
          onClick={() => void remove()}
        >
          {t('calendar.source.remove')}
        </button>
      </div>
      <p className="calendar-source__status">{status.join(' · ')}</p>
      {source.error && (
        <p className="calendar-source__error" data-error-code={source.error.code}>
          {t('calendar.source.error', { reason: errorText(source.error) })}{' '}
          {source.lastGoodSyncAt === null
            ? t('calendar.source.noCopy')
            : t('calendar.source.keptCopy', { time: time(source.lastGoodSyncAt) })}
        </p>
      )}
      {source.warnings.length > 0 && (
        <ul className="calendar-source__warnings" aria-label={t('calendar.source.warningsLabel', { location: source.location })}>
          {source.warnings.map((warning) => (
            <li key={warning.code} data-warning-code={warning.code}>
              {warningText(warning.code, warning.count, t)}
            </li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The calendars followed, each with its sync status, and the field to add another. */
export function CalendarSources() {
  const t = useTranslation();
  const errorText = useErrorText();
  const sources = useAppStore((store) => store.state?.calendar.sources ?? NO_SOURCES);
  const [location, setLocation] = useState('');
  const [addError, setAddError] = useState<string | null>(null);
  const [listError, setListError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const native = useAppStore((store) => store.state?.nativeFileDialog ?? false);
  const fileHintId = useId();
  const fileErrorId = useId();
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();

  const add = async (event: FormEvent) => {
    event.preventDefault();
    const refused = await calendarRequest('calendar:add-source', { location });
    setAddError(refused ? errorText(refused) : null);
    if (!refused) setLocation('');
  };

  const chooseFile = async (choice: FileChoice) => {
    const refusal = (error: AppError) => t('calendar.file.refused', { reason: errorText(error) });
    if (choice.kind === 'unreadable') setFileError(t('calendar.file.unreadable'));
    if (choice.kind === 'native-refused') setFileError(refusal(choice.error));
    if (choice.kind === 'native') setFileError(null);
    if (choice.kind === 'content') {
      const refused = await calendarRequest('calendar:add-file', { text: choice.text });
      setFileError(refused ? refusal(refused) : null);
    }
  };

  const syncNow = async () => {
    const refused = await calendarRequest('calendar:sync', { sourceId: null });
    setListError(refused ? t('calendar.error.generic', { message: errorText(refused) }) : null);
  };

  return (
    <section className="calendar-panel" aria-labelledby="calendar-sources-heading">
      <div className="calendar-panel__header">
        <h3 id="calendar-sources-heading">{t('calendar.sources.heading')}</h3>
        <button type="button" className="calendar-button" disabled={sources.length === 0} onClick={() => void syncNow()}>
          {t('calendar.syncNow')}
        </button>
      </div>
      {sources.length === 0 ? (
        <p className="calendar-muted">{t('calendar.sources.empty')}</p>
      ) : (
        <ul className="calendar-sources" aria-label={t('calendar.sources.heading')}>
          {sources.map((source) => (
            <SourceRow key={source.id} source={source} onError={setListError} />
          ))}
        </ul>
      )}
      {listError && (
        <p className="calendar-field-error" role="alert">
          {listError}
        </p>
      )}
      <div className="calendar-add calendar-add--file" role="group" aria-labelledby={`${fileHintId}-label`}>
        <span id={`${fileHintId}-label`} className="calendar-add__label">
          {t('calendar.file.label')}
        </span>
        <FileChooser
          purpose="calendar"
          label={t('calendar.file.choose')}
          accept=".ics,.ical,.icalendar,text/calendar"
          describedBy={fileError ? `${fileErrorId} ${fileHintId}` : fileHintId}
          onChoice={(choice) => void chooseFile(choice)}
        />
        {fileError && (
          <p id={fileErrorId} className="calendar-field-error" role="alert">
            {fileError}
          </p>
        )}
        <small id={fileHintId} className="calendar-muted">
          {t(native ? 'calendar.file.hint' : 'calendar.file.copyHint')}
        </small>
      </div>
      <form className="calendar-add" onSubmit={(event) => void add(event)}>
        <label htmlFor={inputId}>{t('calendar.add.label')}</label>
        <div className="calendar-add__row">
          <input
            id={inputId}
            type="text"
            value={location}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={addError !== null}
            aria-describedby={addError ? `${errorId} ${hintId}` : hintId}
            onChange={(event) => setLocation(event.target.value)}
          />
          <button type="submit" className="calendar-button calendar-button--primary">
            {t('calendar.add.submit')}
          </button>
        </div>
        {addError && (
          <p id={errorId} className="calendar-field-error" role="alert">
            {addError}
          </p>
        )}
        <small id={hintId} className="calendar-muted">
          {t('calendar.add.hint')}
        </small>
      </form>
      <AddCaldavSource />
    </section>
  );
}
