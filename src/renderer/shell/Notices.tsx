import type { Notice } from '../../core/state/appState';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';
import { useErrorText } from '../shared/errorText';

const NO_NOTICES: Notice[] = [];

export function Notices() {
  const t = useTranslation();
  const notices = useAppStore((store) => store.state?.notices ?? NO_NOTICES);
  const error = useAppStore((store) => store.error);
  const invoke = useAppStore((store) => store.invoke);
  const errorText = useErrorText();
  return (
    <>
      {notices.map((notice) => (
        <div
          key={notice.id}
          role="alert"
          className="banner banner--warning"
          data-notice={notice.kind}
          data-error-code={notice.kind === 'failure' ? notice.error.code : undefined}
        >
          <p>
            {notice.kind === 'launch-refused'
              ? t('notice.launchRefused', { message: errorText(notice.error) })
              : notice.kind === 'settings-repaired'
                ? t('notice.settingsRepaired', { fields: notice.fields.join(', ') })
                : notice.kind === 'history-repaired'
                  ? t('notice.historyRepaired', { count: notice.dropped })
                  : notice.kind === 'recordings-repaired'
                    ? t('recordings.notice.repaired', { count: notice.count })
                    : notice.kind === 'failure'
                      ? errorText(notice.error)
                      : t(notice.kind === 'settings-recovered' ? 'notice.settingsRecovered' : 'notice.historyRecovered', {
                          backup: notice.backupPath,
                        })}
          </p>
          <button type="button" onClick={() => void invoke('notice:dismiss', { noticeId: notice.id })}>
            {t('notice.dismiss')}
          </button>
        </div>
      ))}
      {error && (
        <div role="alert" className="banner banner--error" data-error-code={error.code}>
          {t('error.generic', { message: errorText(error) })}
        </div>
      )}
    </>
  );
}
