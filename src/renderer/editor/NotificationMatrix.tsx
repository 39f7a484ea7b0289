import { NOTIFICATION_COLUMNS, NOTIFICATION_ROWS, type ProfileFormDraft } from './editorDraft';
import { useTranslation } from '../shared/useTranslation';
import type { EditDraft } from './useProfileEditor';

/** One checkbox per kind of notification and platform; the desktop client obeys the Dator column. */
export function NotificationMatrix({ draft, edit }: { draft: ProfileFormDraft; edit: EditDraft }) {
  const t = useTranslation();
  return (
    <fieldset className="editor-section">
      <legend className="editor-section__legend">{t('editor.section.notifications')}</legend>
      <p className="editor-hint editor-hint--section" id="editor-notifications-hint">
        {t('editor.notifications.hint')}
      </p>
      <table className="editor-matrix" aria-describedby="editor-notifications-hint">
        <thead>
          <tr>
            <th scope="col" className="editor-matrix__kind">
              {t('editor.notifications.kind')}
            </th>
            {NOTIFICATION_COLUMNS.map((platform) => (
              <th key={platform} scope="col">
                {t(`editor.platform.${platform}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {NOTIFICATION_ROWS.map((kind) => (
            <tr key={kind}>
              <th scope="row" className="editor-matrix__kind">
                {t(`editor.notification.${kind}`)}
              </th>
              {NOTIFICATION_COLUMNS.map((platform) => (
                <td key={platform}>
                  <input
                    type="checkbox"
                    aria-label={t('editor.notifications.cell', {
                      kind: t(`editor.notification.${kind}`),
                      platform: t(`editor.platform.${platform}`),
                    })}
                    checked={draft.notifications[kind][platform]}
                    onChange={(event) => edit((next) => void (next.notifications[kind][platform] = event.target.checked))}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </fieldset>
  );
}
