import { lazyExport } from '../shared/lazyExport';
import { useTranslation } from '../shared/useTranslation';

/*
 * Everything but the profile list loads as its own chunk, so the first view needs only React,
 * the store and the switcher. The phone starts right after first paint, whatever view is shown.
 */
export const PhoneHost = lazyExport(() => import('./PhoneHost'), 'PhoneHost');
export const PhoneView = lazyExport(() => import('../phone/PhoneView'), 'PhoneView');
export const ProfileEditorPage = lazyExport(() => import('../editor/ProfileEditorPage'), 'ProfileEditorPage');
export const CalendarPage = lazyExport(() => import('../calendar/CalendarPage'), 'CalendarPage');
export const AutomationPage = lazyExport(() => import('../automation/AutomationPage'), 'AutomationPage');
export const ColleaguesView = lazyExport(() => import('../presence/ColleaguesView'), 'ColleaguesView');
export const RecordingsPage = lazyExport(() => import('../recordings/RecordingsPage'), 'RecordingsPage');
export const AccountView = lazyExport(() => import('../account/AccountView'), 'AccountView');
export const FirstStart = lazyExport(() => import('../account/FirstStart'), 'FirstStart');
export const DebugPanel = lazyExport(() => import('./DebugPanel'), 'DebugPanel');

/** Shown in the view's place while its chunk loads. */
export function ViewLoading() {
  const t = useTranslation();
  return (
    <p className="view-loading" role="status">
      {t('nav.loading')}
    </p>
  );
}
