import { useState, type FormEvent } from 'react';
import type { ChannelPayload } from '../../core/ipc/contract';
import { osNotificationModel } from '../../core/notifications/osNotification';
import type { NotificationRecord } from '../../core/state/appState';
import type { TrayMenuItem } from '../../core/tray/menuModel';
import { contract } from '../contract/client';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';

const CLOCK_STEPS_MINUTES = [15, 60];

const NO_NOTIFICATIONS: NotificationRecord[] = [];

/** The tray menu as Electron would draw it, submenus included, clickable through the same service call. */
function TrayMenu({ items, label, onClick }: { items: TrayMenuItem[]; label: string; onClick(itemId: string): void }) {
  return (
    <ul role="menu" aria-label={label}>
      {items.map((item) => {
        switch (item.kind) {
          case 'separator':
            return <li key={item.id} role="separator" />;
          case 'submenu':
            return (
              <li key={item.id} role="none">
                <details>
                  <summary>{item.label}</summary>
                  <TrayMenu items={item.items} label={item.label} onClick={onClick} />
                </details>
              </li>
            );
          default:
            return (
              <li key={item.id} role="none">
                <button
                  type="button"
                  role={item.kind === 'profile' ? 'menuitemradio' : 'menuitem'}
                  aria-checked={item.kind === 'profile' ? item.checked : undefined}
                  onClick={() => onClick(item.id)}
                >
                  {item.label}
                </button>
              </li>
            );
        }
      })}
    </ul>
  );
}

/** A link clicked in another program, as the OS would hand it to the running app. */
function OpenLink({ onOpen }: { onOpen(link: string): void }) {
  const t = useTranslation();
  const [link, setLink] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (link.trim() !== '') onOpen(link.trim());
  };
  return (
    <form className="debug-panel__link" onSubmit={submit}>
      <label>
        {t('debug.link')}
        <input value={link} placeholder="tel:+46812345602" onChange={(event) => setLink(event.target.value)} />
      </label>
      <button type="submit">{t('debug.openLink')}</button>
    </form>
  );
}

/** What Electron's powerMonitor would report of the user, through the same service call. */
function UserActivity({ onReport }: { onReport(payload: ChannelPayload<'debug:user-activity'>): void }) {
  const t = useTranslation();
  const [seconds, setSeconds] = useState('600');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const idleSeconds = Number(seconds);
    if (Number.isInteger(idleSeconds) && idleSeconds >= 0) onReport({ kind: 'idle', idleSeconds });
  };
  return (
    <section aria-label={t('debug.activity')} className="debug-panel__activity">
      <h3>{t('debug.activity')}</h3>
      <form onSubmit={submit}>
        <label>
          {t('debug.idleSeconds')}
          <input inputMode="numeric" value={seconds} onChange={(event) => setSeconds(event.target.value)} />
        </label>
        <button type="submit">{t('debug.reportIdle')}</button>
      </form>
      <button type="button" onClick={() => onReport({ kind: 'idle', idleSeconds: 0 })}>
        {t('debug.input')}
      </button>
      <button type="button" onClick={() => onReport({ kind: 'locked' })}>
        {t('debug.lock')}
      </button>
      <button type="button" onClick={() => onReport({ kind: 'unlocked' })}>
        {t('debug.unlock')}
      </button>
    </section>
  );
}

/** The browser shell's window onto what Electron would show through the OS: the tray and notifications. */
export function DebugPanel() {
  const t = useTranslation();
  const tray = useAppStore((store) => store.state?.tray);
  const notifications = useAppStore((store) => store.state?.notifications ?? NO_NOTIFICATIONS);
  const invokeDebug = useAppStore((store) => store.invokeDebug);
  if (!contract.debug || !tray) return null;
  const actionLabels = { answer: t('phone.incoming.answer'), decline: t('phone.incoming.decline') };

  return (
    <aside className="debug-panel" aria-labelledby="debug-heading">
      <h2 id="debug-heading">{t('debug.heading')}</h2>
      <section aria-label={t('debug.tray')} data-testid="tray-model">
        <h3>{t('debug.tray')}</h3>
        <p>
          <span className={`status-dot status-dot--${tray.status}`} aria-hidden="true" />{' '}
          <span data-testid="tray-tooltip">{tray.tooltip}</span>
        </p>
        <TrayMenu items={tray.items} label={t('debug.tray')} onClick={(itemId) => void invokeDebug('debug:tray-click', { itemId })} />
      </section>
      <section aria-label={t('debug.notifications')} data-testid="notification-log">
        <h3>{t('debug.notifications')}</h3>
        {notifications.length === 0 ? (
          <p>{t('debug.noNotifications')}</p>
        ) : (
          <ol>
            {notifications.map((record) => (
              <li key={record.id} data-kind={record.kind}>
                <strong>{record.title}</strong> {record.body}{' '}
                {/* The buttons macOS shows on the notification, through the same service call as Electron's. */}
                {osNotificationModel(record, 'darwin', actionLabels).actions.map((action, index) => (
                  <button
                    key={action.text}
                    type="button"
                    onClick={() =>
                      void invokeDebug('debug:notification-action', { notificationId: record.id, gesture: { kind: 'action', index } })
                    }
                  >
                    {action.text}
                  </button>
                ))}
              </li>
            ))}
          </ol>
        )}
      </section>
      <div className="debug-panel__clock">
        {CLOCK_STEPS_MINUTES.map((minutes) => (
          <button key={minutes} type="button" onClick={() => void invokeDebug('debug:clock-advance', { ms: minutes * 60_000 })}>
            {t('debug.advance', { minutes })}
          </button>
        ))}
      </div>
      <UserActivity onReport={(payload) => void invokeDebug('debug:user-activity', payload)} />
      <OpenLink onOpen={(link) => void invokeDebug('debug:second-launch', { argv: ['profiltelefon', link] })} />
    </aside>
  );
}
