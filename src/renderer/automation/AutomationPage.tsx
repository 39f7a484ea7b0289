import { useId, useState, type FormEvent } from 'react';
import type { AppError, Result } from '../../core/errors';
import type { AutomationUpdate } from '../../core/automation/update';
import type { Profile } from '../../core/profiles/model';
import type { AppState } from '../../core/state/appState';
import { contract } from '../contract/client';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { TextField } from '../shared/TextField';
import { useErrorText } from '../shared/errorText';

/** The automation view words some codes its own way, e.g. a time as TT:MM. */
const OWN_WORDING = 'automation.error.';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

interface Draft extends Omit<AutomationUpdate, 'away'> {
  away: Omit<AutomationUpdate['away'], 'idleMinutes'> & { idleMinutes: string };
}

function draftOf(state: AppState): Draft {
  const { schedule, away } = state.automation;
  return {
    workingHours: { ...state.workingHours, days: [...state.workingHours.days] },
    schedule: { ...schedule, lunch: { ...schedule.lunch } },
    away: { ...away, idleMinutes: String(away.idleMinutes) },
  };
}

function ProfileSelect({
  label,
  value,
  profiles,
  error,
  onChange,
}: {
  label: string;
  value: string;
  profiles: Profile[];
  error?: AppError | undefined;
  onChange(id: string): void;
}) {
  const id = useId();
  const errorText = useErrorText(OWN_WORDING);
  return (
    <div className="account-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(event) => onChange(event.target.value)}
      >
        {profiles.map((profile) => (
          <option key={profile.id} value={profile.id}>
            {profile.name}
          </option>
        ))}
      </select>
      {error && (
        <small id={`${id}-error`} className="account-field__error" data-error-code={error.code}>
          {errorText(error)}
        </small>
      )}
    </div>
  );
}

/** Working hours, the work schedule and away when idle or locked, saved together; a refusal is shown at its field. */
export function AutomationPage() {
  const t = useTranslation();
  const errorText = useErrorText(OWN_WORDING);
  const state = useAppStore((store) => store.state);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [saved, setSaved] = useState(false);
  const daysId = useId();
  if (!state) return null;
  const current = draft ?? draftOf(state);
  const edit = (change: (next: Draft) => void) => {
    const next = structuredClone(current);
    change(next);
    setDraft(next);
    setSaved(false);
  };
  const errorAt = (field: string): AppError | undefined => (error?.field === field ? error : undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = Number(current.away.idleMinutes.trim() === '' ? NaN : current.away.idleMinutes);
    const update: AutomationUpdate = { ...current, away: { ...current.away, idleMinutes: Number.isFinite(minutes) ? minutes : 0 } };
    const result = (await contract.invoke('automation:update', update)) as Result<AppState>;
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setDraft(null);
    setSaved(true);
    useAppStore.getState().receiveState(result.value);
  };
  const general =
    error && !error.field?.match(/^(workingHours|schedule|away)\./) ? t('automation.error.generic', { message: errorText(error) }) : null;
  const daysError = errorAt('workingHours.days');

  return (
    <section className="automation" aria-labelledby="automation-heading">
      <h2 id="automation-heading">{t('automation.heading')}</h2>
      <p>{t('automation.intro')}</p>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <fieldset>
          <legend>{t('automation.hours.heading')}</legend>
          <TextField
            type="time"
            label={t('automation.hours.start')}
            value={current.workingHours.start}
            errorPrefix={OWN_WORDING}
            error={errorAt('workingHours.start')}
            onChange={(value) => edit((next) => void (next.workingHours.start = value))}
          />
          <TextField
            type="time"
            label={t('automation.hours.end')}
            value={current.workingHours.end}
            errorPrefix={OWN_WORDING}
            error={errorAt('workingHours.end')}
            onChange={(value) => edit((next) => void (next.workingHours.end = value))}
          />
          <div role="group" aria-labelledby={daysId} aria-describedby={daysError ? `${daysId}-error` : undefined}>
            <span id={daysId}>{t('automation.hours.days')}</span>
            {WEEKDAYS.map((day) => (
              <label key={day}>
                <input
                  type="checkbox"
                  checked={current.workingHours.days.includes(day)}
                  onChange={(event) =>
                    edit((next) => {
                      const others = next.workingHours.days.filter((other) => other !== day);
                      next.workingHours.days = event.target.checked ? [...others, day] : others;
                    })
                  }
                />
                {t(`automation.day.${day}`)}
              </label>
            ))}
            {daysError && (
              <small id={`${daysId}-error`} className="account-field__error" data-error-code={daysError.code}>
                {errorText(daysError)}
              </small>
            )}
          </div>
          <small>{t('automation.hours.holidays')}</small>
          <label>
            <input
              type="checkbox"
              checked={current.schedule.enabled}
              onChange={(event) => edit((next) => void (next.schedule.enabled = event.target.checked))}
            />
            {t('automation.schedule.enable')}
          </label>
          <ProfileSelect
            label={t('automation.schedule.profile')}
            value={current.schedule.offProfileId}
            profiles={state.profiles}
            error={errorAt('schedule.offProfileId')}
            onChange={(id) => edit((next) => void (next.schedule.offProfileId = id))}
          />
          <label>
            <input
              type="checkbox"
              checked={current.schedule.lunch.enabled}
              onChange={(event) => edit((next) => void (next.schedule.lunch.enabled = event.target.checked))}
            />
            {t('automation.lunch.enable')}
          </label>
          <TextField
            type="time"
            label={t('automation.lunch.start')}
            value={current.schedule.lunch.start}
            errorPrefix={OWN_WORDING}
            error={errorAt('schedule.lunch.start')}
            onChange={(value) => edit((next) => void (next.schedule.lunch.start = value))}
          />
          <TextField
            type="time"
            label={t('automation.lunch.end')}
            value={current.schedule.lunch.end}
            errorPrefix={OWN_WORDING}
            error={errorAt('schedule.lunch.end')}
            onChange={(value) => edit((next) => void (next.schedule.lunch.end = value))}
          />
          <ProfileSelect
            label={t('automation.lunch.profile')}
            value={current.schedule.lunch.profileId}
            profiles={state.profiles}
            error={errorAt('schedule.lunch.profileId')}
            onChange={(id) => edit((next) => void (next.schedule.lunch.profileId = id))}
          />
        </fieldset>
        <fieldset>
          <legend>{t('automation.away.heading')}</legend>
          <label>
            <input
              type="checkbox"
              checked={current.away.enabled}
              onChange={(event) => edit((next) => void (next.away.enabled = event.target.checked))}
            />
            {t('automation.away.enable')}
          </label>
          <TextField
            inputMode="numeric"
            label={t('automation.away.minutes')}
            value={current.away.idleMinutes}
            errorPrefix={OWN_WORDING}
            error={errorAt('away.idleMinutes')}
            onChange={(value) => edit((next) => void (next.away.idleMinutes = value))}
          />
          <label>
            <input
              type="checkbox"
              checked={current.away.onLock}
              onChange={(event) => edit((next) => void (next.away.onLock = event.target.checked))}
            />
            {t('automation.away.onLock')}
          </label>
          <ProfileSelect
            label={t('automation.away.profile')}
            value={current.away.profileId}
            profiles={state.profiles}
            error={errorAt('away.profileId')}
            onChange={(id) => edit((next) => void (next.away.profileId = id))}
          />
          <small>{t('automation.away.hint')}</small>
        </fieldset>
        <button type="submit">{t('automation.save')}</button>
        {saved && <p role="status">{t('automation.saved')}</p>}
        {general && <p role="alert">{general}</p>}
      </form>
    </section>
  );
}
