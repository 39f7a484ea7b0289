import { useId, useState, type FormEvent } from 'react';
import type { AppError } from '../../core/errors';
import { formatForDisplay } from '../../core/phone/numbers/phoneNumber';
import { MAX_MESSAGE_LENGTH, type MessageKind } from '../../core/phone/message';
import { takeComposeRequest } from './composeRequest';
import { phone } from './phone';
import { usePhoneStore, type MessageView } from './phoneStore';
import { useTranslation } from '../shared/useTranslation';
import { DirectorySearch, useDirectoryTarget } from '../shared/DirectorySearch';
import { useFailureText, useParty, usePhoneErrorText } from './usePhoneText';

const SHOWN = 30;

function MessageComposer() {
  const t = useTranslation();
  const errorText = usePhoneErrorText();
  const [kind, setKind] = useState<MessageKind>('sms');
  const [composeRequest] = useState(() => takeComposeRequest() ?? '');
  const to = useDirectoryTarget(composeRequest);
  const [text, setText] = useState('');
  const [error, setError] = useState<AppError | null>(null);
  const id = useId();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const sent = phone.sendMessage(kind, to.target, text);
    if (sent.ok) {
      setText('');
      setError(null);
    } else {
      setError(sent.error);
    }
  };
  const change = (update: () => void) => {
    update();
    setError(null);
  };
  const errorOn = (field: 'to' | 'text') => error !== null && (error.code.startsWith('message-') ? field === 'text' : field === 'to');

  return (
    <form className="phone-composer" onSubmit={submit} noValidate aria-label={t('phone.messages.heading')}>
      <fieldset className="phone-composer__kind">
        <legend>{t('phone.messages.kind')}</legend>
        {(['sms', 'chat'] as const).map((option) => (
          <label key={option}>
            <input
              type="radio"
              name={`${id}-kind`}
              value={option}
              checked={kind === option}
              onChange={() => change(() => setKind(option))}
            />
            {t(option === 'sms' ? 'phone.messages.sms' : 'phone.messages.chat')}
          </label>
        ))}
      </fieldset>
      <label htmlFor={`${id}-to`}>{t('phone.messages.to')}</label>
      <DirectorySearch
        id={`${id}-to`}
        type="text"
        value={to.text}
        maxLength={300}
        aria-invalid={errorOn('to')}
        aria-describedby={errorOn('to') ? `${id}-error` : undefined}
        onChange={(text) => change(() => to.setText(text))}
        onPick={to.pick}
      />
      <label htmlFor={`${id}-text`}>{t('phone.messages.text')}</label>
      <textarea
        id={`${id}-text`}
        rows={2}
        value={text}
        maxLength={MAX_MESSAGE_LENGTH}
        aria-invalid={errorOn('text')}
        aria-describedby={errorOn('text') ? `${id}-error` : undefined}
        onChange={(event) => change(() => setText(event.target.value))}
      />
      <div className="phone-actions">
        <button type="submit" className="phone-button phone-button--call">
          {t('phone.messages.send')}
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="phone-error" data-error-code={error.code}>
          {errorText(error)}
        </p>
      )}
    </form>
  );
}

function MessageItem({ message }: { message: MessageView }) {
  const t = useTranslation();
  const party = useParty();
  const failureText = useFailureText();
  const kind = t(message.kind === 'sms' ? 'phone.messages.sms' : 'phone.messages.chat');
  const heading = t(message.direction === 'incoming' ? 'phone.messages.from' : 'phone.messages.toParty', {
    kind,
    party: party.line(message.remote),
  });
  let status = '';
  if (message.status === 'sending' || message.status === 'sent') status = t(`phone.messages.status.${message.status}`);
  if (message.status === 'failed')
    status = t('phone.messages.status.failed', { reason: message.failure ? failureText(message.failure) : t('phone.failure.call-broken') });
  return (
    <li
      className={`phone-message phone-message--${message.direction}`}
      data-kind={message.kind}
      data-direction={message.direction}
      data-failure={message.failure?.reason}
    >
      <p className="phone-message__heading">
        <strong>{heading}</strong>
        {message.presentedNumber !== null && (
          <> · {t('phone.messages.presenting', { number: formatForDisplay(message.presentedNumber) })}</>
        )}
        {status !== '' && <> · {status}</>}
      </p>
      <p className="phone-message__body">{message.body}</p>
    </li>
  );
}

/** Chat with colleagues and SMS to phone numbers, as SIP MESSAGE. */
export function Messages() {
  const t = useTranslation();
  const messages = usePhoneStore((store) => store.messages);
  const headingId = useId();
  return (
    <section className="phone-messages" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('phone.messages.heading')}</h3>
      <MessageComposer />
      {messages.length === 0 ? (
        <p className="phone-hint">{t('phone.messages.empty')}</p>
      ) : (
        <ol className="phone-messages__list" aria-label={t('phone.messages.list')} data-testid="messages">
          {messages.slice(0, SHOWN).map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ol>
      )}
    </section>
  );
}
