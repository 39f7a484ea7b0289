import { lazy } from 'react';
import { useTranslation } from '../useTranslation';

/*
 * Everything but the profile list loads as its own chunk, so the first view needs only React,
 * the store and the switcher. The phone starts right after first paint, whatever view is shown.
 */
type LazyComponent = Awaited<ReturnType<Parameters<typeof lazy>[0]>>['default'];

/** A component a module exports by name, loaded the first time it renders. */
function lazyExport<K extends string, C extends LazyComponent>(load: () => Promise<Record<K, C>>, name: K) {
  return lazy(() => load().then((module) => ({ default: module[name] })));
}

export const PhoneHost = lazyExport(() => import('./phone/PhoneHost'), 'PhoneHost');
export const PhoneView = lazyExport(() => import('./phone/PhoneView'), 'PhoneView');
export const ProfileEditorPage = lazyExport(() => import('./editor/ProfileEditorPage'), 'ProfileEditorPage');
export const CalendarPage = lazyExport(() => import('./calendar/CalendarPage'), 'CalendarPage');
export const AutomationPage = lazyExport(() => import('./automation/AutomationPage'), 'AutomationPage');
export const ColleaguesView = lazyExport(() => import('./presence/ColleaguesView'), 'ColleaguesView');
export const RecordingsPage = lazyExport(() => import('./recordings/RecordingsPage'), 'RecordingsPage');
export const AccountView = lazyExport(() => import('./account/AccountView'), 'AccountView');
export const FirstStart = lazyExport(() => import('./account/FirstStart'), 'FirstStart');
// react-aria's date field and dialog are needed only once the clock button is pressed.
export const EndTimeDialog = lazyExport(() => import('./switcher/EndTimeDialog'), 'EndTimeDialog');
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
