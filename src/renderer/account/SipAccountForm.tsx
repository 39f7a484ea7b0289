import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Account, CallerIdPolicy } from '../../core/account/model';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { CallerIdPolicyFields } from './CallerIdPolicyFields';
import { useErrorText } from '../shared/errorText';
import { TextField } from '../shared/TextField';
import { useAccountRequest } from './useAccountRequest';
import { RegistrationStatus } from '../phone/RegistrationStatus';
import { useFailureText, usePhoneErrorText } from '../phone/usePhoneText';
import { useConnectionTest, type ConnectionTestState } from './useConnectionTest';

interface Draft {
  serverUrl: string;
  uri: string;
  authUser: string;
  displayName: string;
  password: string;
  landline: string;
  mobile: string;
  switchboard: string;
  voicemail: string;
  recording: boolean;
  listenIn: boolean;
  supervisor: boolean;
  callerIdPolicy: CallerIdPolicy;
  announcementLanguage: Account['announcementLanguage'];
}

function draftOf(account: Account): Draft {
  return {
    ...account.sip,
    password: '',
    landline: account.numbers.landline ?? '',
    mobile: account.numbers.mobile ?? '',
    switchboard: account.numbers.switchboard ?? '',
    voicemail: account.voicemail ?? '',
    ...account.addOns,
    supervisor: account.supervisor,
    callerIdPolicy: account.callerIdPolicy,
    announcementLanguage: account.announcementLanguage,
  };
}

const blankToNull = (value: string) => (value.trim() === '' ? null : value.trim());

export function SipAccountForm({ account }: { account: Account }) {
  const t = useTranslation();
  const passwordSet = useAppStore((store) => store.state?.sipPasswordSet ?? false);
  const sessionOnly = useAppStore((store) => store.state?.passwordSessionOnly ?? false);
  const storageHint = sessionOnly ? t('account.passwordSessionOnly') : t('account.passwordHint');
  const [draft, setDraft] = useState(() => draftOf(account));
  const request = useAccountRequest();
  const connectionTest = useConnectionTest();
  const errorText = useErrorText();
  const testErrors = connectionTest.state.kind === 'invalid' ? connectionTest.state.errors : [];
  const testError = (field: string) => testErrors.find((candidate) => candidate.field === field);
  const errorFor = (field: string) => request.errorFor(field) ?? testError(field);
  const passwordError = request.errorFor('password');
  const formErrors = request.errors.filter((error) => error.field === undefined);
  const set = (field: keyof Draft) => (value: string) => setDraft((current) => ({ ...current, [field]: value }));
  const formRef = useRef<HTMLFormElement>(null);
  // The first field with an error takes focus, so the user lands where the fix is.
  const testState = connectionTest.state;
  useEffect(() => {
    if (request.errors.length > 0 || testState.kind === 'invalid')
      formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [request.errors, testState]);
  const sipDraft = { serverUrl: draft.serverUrl, uri: draft.uri, authUser: draft.authUser, displayName: draft.displayName };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const saved = await request.send('account:update', {
      sip: sipDraft,
      numbers: { landline: blankToNull(draft.landline), mobile: blankToNull(draft.mobile), switchboard: blankToNull(draft.switchboard) },
      voicemail: blankToNull(draft.voicemail),
      addOns: { recording: draft.recording, listenIn: draft.listenIn },
      supervisor: draft.supervisor,
      callerIdPolicy: draft.callerIdPolicy,
      announcementLanguage: draft.announcementLanguage,
    });
    if (saved && draft.password !== '') {
      // A password the disk refused stays in the field, to be saved again.
      if (await request.send('account:set-password', { password: draft.password })) setDraft((current) => ({ ...current, password: '' }));
    }
  };

  return (
    <form ref={formRef} className="account-form" onSubmit={(event) => void save(event)} noValidate>
      <fieldset>
        <legend>{t('account.sip')}</legend>
        <TextField
          label={t('account.serverUrl')}
          hint={t('account.serverUrlHint')}
          value={draft.serverUrl}
          onChange={set('serverUrl')}
          error={errorFor('sip.serverUrl')}
        />
        <TextField label={t('account.uri')} value={draft.uri} onChange={set('uri')} error={errorFor('sip.uri')} autoComplete="username" />
        <TextField label={t('account.authUser')} value={draft.authUser} onChange={set('authUser')} />
        <TextField label={t('account.displayName')} value={draft.displayName} onChange={set('displayName')} />
        <TextField
          label={t('account.password')}
          type="password"
          autoComplete="current-password"
          hint={passwordSet ? `${t('account.passwordSet')} ${storageHint}` : storageHint}
          value={draft.password}
          onChange={set('password')}
          error={passwordError ?? testError('password')}
        />
        <div className="account-form__test">
          <button
            type="button"
            disabled={connectionTest.state.kind === 'testing'}
            onClick={() => void connectionTest.run(sipDraft, draft.password, account)}
          >
            {t('account.test')}
          </button>
          <ConnectionTestOutcome state={connectionTest.state} />
        </div>
      </fieldset>
      <fieldset>
        <legend>{t('account.numbers')}</legend>
        <TextField
          label={t('account.landline')}
          type="tel"
          value={draft.landline}
          onChange={set('landline')}
          error={request.errorFor('numbers.landline')}
        />
        <TextField
          label={t('account.mobile')}
          type="tel"
          value={draft.mobile}
          onChange={set('mobile')}
          error={request.errorFor('numbers.mobile')}
        />
        <TextField
          label={t('account.switchboard')}
          type="tel"
          value={draft.switchboard}
          onChange={set('switchboard')}
          error={request.errorFor('numbers.switchboard')}
        />
        <TextField label={t('account.voicemail')} value={draft.voicemail} onChange={set('voicemail')} />
      </fieldset>
      <CallerIdPolicyFields
        policy={draft.callerIdPolicy}
        onChange={(callerIdPolicy) => setDraft((current) => ({ ...current, callerIdPolicy }))}
      />
      <fieldset>
        <legend>{t('account.addOns')}</legend>
        <label className="account-check">
          <input
            type="checkbox"
            checked={draft.recording}
            onChange={(event) => setDraft((current) => ({ ...current, recording: event.target.checked }))}
          />
          {t('account.recording')}
        </label>
        <label className="account-check">
          <input
            type="checkbox"
            checked={draft.listenIn}
            onChange={(event) => setDraft((current) => ({ ...current, listenIn: event.target.checked }))}
          />
          {t('account.listenIn')}
        </label>
        <label className="account-check">
          <input
            type="checkbox"
            checked={draft.supervisor}
            onChange={(event) => setDraft((current) => ({ ...current, supervisor: event.target.checked }))}
          />
          {t('account.supervisor')}
        </label>
      </fieldset>
      <fieldset>
        <legend>{t('account.announcements')}</legend>
        <div className="account-field">
          <label htmlFor="account-announcement-language">{t('account.announcementLanguage')}</label>
          <select
            id="account-announcement-language"
            value={draft.announcementLanguage}
            aria-describedby="account-announcement-language-hint"
            onChange={(event) => setDraft((current) => ({ ...current, announcementLanguage: event.target.value === 'en' ? 'en' : 'sv' }))}
          >
            <option value="sv">{t('account.announcementLanguage.sv')}</option>
            <option value="en">{t('account.announcementLanguage.en')}</option>
          </select>
          <small id="account-announcement-language-hint" className="account-field__hint">
            {t('account.announcementLanguageHint')}
          </small>
        </div>
      </fieldset>
      <div className="account-form__actions">
        <button type="submit" className="primary" disabled={request.busy}>
          {t('account.save')}
        </button>
        <p role="status">{request.done ? t('account.saved') : ''}</p>
        <RegistrationStatus />
        {formErrors.map((error) => (
          <p key={error.code} role="alert" className="account-field__error" data-error-code={error.code}>
            {errorText(error)}
          </p>
        ))}
      </div>
    </form>
  );
}

/** The connection test's answer, in place beside its button. */
function ConnectionTestOutcome({ state }: { state: ConnectionTestState }) {
  const t = useTranslation();
  const failureText = useFailureText();
  const phoneErrorText = usePhoneErrorText();
  let text = '';
  if (state.kind === 'testing') text = t('account.test.testing');
  if (state.kind === 'done' && state.result.kind === 'registered')
    text = t('account.test.registered', { aor: state.result.aor.replace(/^sips?:/, '') });
  if (state.kind === 'done' && state.result.kind === 'failed')
    text = t('account.test.failed', { reason: failureText(state.result.failure) });
  if (state.kind === 'invalid') {
    const unplaced = state.errors.filter((error) => error.field === undefined);
    text = [t('account.test.invalid'), ...unplaced.map(phoneErrorText)].join(' ');
  }
  const tone =
    state.kind === 'done' ? (state.result.kind === 'registered' ? 'ok' : 'error') : state.kind === 'invalid' ? 'error' : 'pending';
  return (
    <p
      role="status"
      className={`account-test account-test--${tone}`}
      data-testid="connection-test"
      data-outcome={state.kind === 'done' ? (state.result.kind === 'registered' ? 'registered' : state.result.failure.reason) : state.kind}
    >
      {text}
    </p>
  );
}
