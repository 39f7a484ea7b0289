import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../core/errors';
import { errorText } from '../../core/userErrors/errorText';
import { searchRecordings, type RecordingInfo } from '../../core/phone/recording';
import { dateTimeFormat } from '../../core/time/dateFormat';
import { useAppStore } from '../shared/appStore';
import { useLanguage, useTranslation } from '../shared/useTranslation';
import { ConfirmDialog } from '../shared/ConfirmDialog';
import { loadRecording, recordingsRequest } from './recordingsRequest';

function useRecordingErrorText(): (error: AppError) => string {
  const language = useLanguage();
  return (error) => errorText(language, error, 'recordings.error.');
}

function useStartText(): (startedAt: number) => string {
  const language = useLanguage();
  const timeZone = useAppStore((store) => store.state?.timeZone ?? 'UTC');
  return (startedAt) => dateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(startedAt);
}

/** Inspelningar: the call recordings, newest first, with search, playback, deletion, retention and disk use. */
export function RecordingsPage() {
  const t = useTranslation();
  const recordings = useAppStore((store) => store.state?.recordings);
  const [query, setQuery] = useState('');
  const [error, setError] = useState<string | null>(null);
  const searchId = useId();
  if (!recordings) return null;
  const shown = searchRecordings(recordings.items, query);
  const megabytes = (recordings.diskBytes / 1_000_000).toFixed(1);

  return (
    <section className="recordings" aria-labelledby="recordings-heading">
      <h2 id="recordings-heading">{t('recordings.heading')}</h2>
      <p data-testid="recordings-disk-use">
        {t('recordings.count', { count: recordings.items.length })} · {t('recordings.diskUse', { size: megabytes })}
      </p>
      <RetentionForm retentionDays={recordings.retentionDays} />
      <label htmlFor={searchId}>{t('recordings.search')}</label>
      <input id={searchId} type="search" value={query} onChange={(event) => setQuery(event.target.value)} />
      {error && (
        <p role="alert" className="recordings__error">
          {error}
        </p>
      )}
      {recordings.items.length === 0 ? (
        <p>{t('recordings.none')}</p>
      ) : shown.length === 0 ? (
        <p>{t('recordings.noMatch')}</p>
      ) : (
        <ul className="recordings__list" aria-label={t('recordings.heading')}>
          {shown.map((recording) => (
            <RecordingRow key={recording.id} recording={recording} onError={setError} />
          ))}
        </ul>
      )}
    </section>
  );
}

function RecordingRow({ recording, onError }: { recording: RecordingInfo; onError(message: string | null): void }) {
  const t = useTranslation();
  const errorText = useRecordingErrorText();
  const startText = useStartText();
  const [audioUrl, setAudioUrl] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const [confirming, setConfirming] = useState(false);
  useEffect(() => () => void (audioUrl && URL.revokeObjectURL(audioUrl)), [audioUrl]);
  const seconds = Math.floor(recording.durationMs / 1000);
  const party = recording.party;

  const play = async () => {
    setLoading(true);
    const loaded = await loadRecording(recording.id);
    setLoading(false);
    if (!loaded.ok) return onError(errorText(loaded.error));
    onError(null);
    setAudioUrl(URL.createObjectURL(loaded.value));
  };
  const remove = async () => {
    setConfirming(false);
    const refused = await recordingsRequest('recording:delete', { recordingId: recording.id });
    onError(refused ? errorText(refused) : null);
  };

  return (
    <li className="recordings__item" data-recording-id={recording.id} data-state={recording.state} data-duration-ms={recording.durationMs}>
      <p>
        <strong>{party}</strong> · {t(`recordings.direction.${recording.direction}`)} · {startText(recording.startedAt)} ·{' '}
        {t('recordings.duration', { minutes: Math.floor(seconds / 60), seconds: seconds % 60 })} ·{' '}
        {t('recordings.profile', { profile: recording.profile })}
      </p>
      {recording.state !== 'finished' && <p className="phone-tag">{t(`recordings.state.${recording.state}`)}</p>}
      {recording.state !== 'recording' && (
        <div className="recordings__actions">
          <button
            type="button"
            className="calendar-button"
            aria-label={t('recordings.playLabel', { party })}
            disabled={loading}
            onClick={() => void play()}
          >
            {t('recordings.play')}
          </button>
          <button
            type="button"
            className="calendar-button calendar-button--quiet"
            aria-label={t('recordings.deleteLabel', { party })}
            onClick={() => setConfirming(true)}
          >
            {t('recordings.delete')}
          </button>
        </div>
      )}
      {loading && <p role="status">{t('recordings.loading')}</p>}
      {audioUrl && <audio controls autoPlay src={audioUrl} aria-label={t('recordings.player', { party })} />}
      {confirming && (
        <ConfirmDialog
          title={t('recordings.delete.title')}
          body={t('recordings.delete.body', { party, time: startText(recording.startedAt) })}
          confirmLabel={t('recordings.delete.confirm')}
          cancelLabel={t('recordings.delete.cancel')}
          onConfirm={() => void remove()}
          onCancel={() => setConfirming(false)}
        />
      )}
    </li>
  );
}

function RetentionForm({ retentionDays }: { retentionDays: number | null }) {
  const t = useTranslation();
  const errorText = useRecordingErrorText();
  const [text, setText] = useState(retentionDays === null ? '' : String(retentionDays));
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const fieldId = useId();
  const hintId = useId();
  const errorId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const trimmed = text.trim();
    // A text that is no number cannot cross as JSON (NaN would arrive as null, keep forever); any number goes to main, which refuses one out of range.
    const days = trimmed === '' ? null : Number(trimmed);
    const refused =
      days !== null && !Number.isFinite(days)
        ? ({ code: 'recording-retention-invalid', message: 'not a number' } satisfies AppError)
        : await recordingsRequest('recording:set-retention', { days });
    setError(refused ? errorText(refused) : null);
    setSaved(refused === null);
  };

  return (
    <form className="recordings__retention" onSubmit={(event) => void submit(event)} noValidate>
      <fieldset>
        <legend>{t('recordings.retention.legend')}</legend>
        <p data-testid="recordings-retention">
          {retentionDays === null ? t('recordings.retention.forever') : t('recordings.retention.current', { days: retentionDays })}
        </p>
        <label htmlFor={fieldId}>{t('recordings.retention.days')}</label>
        <input
          id={fieldId}
          inputMode="numeric"
          value={text}
          aria-describedby={error ? `${hintId} ${errorId}` : hintId}
          aria-invalid={error ? true : undefined}
          onChange={(event) => {
            setText(event.target.value);
            setSaved(false);
          }}
        />
        <p id={hintId}>{t('recordings.retention.hint')}</p>
        {error && (
          <p id={errorId} role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="calendar-button">
          {t('recordings.retention.save')}
        </button>
        {saved && <p role="status">{t('recordings.retention.saved')}</p>}
      </fieldset>
    </form>
  );
}
