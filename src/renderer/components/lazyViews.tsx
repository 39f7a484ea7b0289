import { lazy } from 'react';
import { useTranslation } from '../useTranslation';

/*
 * Everything but the profile list loads as its own chunk, so the first view needs only React,
 * the store and the switcher. The phone starts right after first paint, whatever view is shown.
 */
export const PhoneHost = lazy(() => import('./phone/PhoneHost').then((module) => ({ default: module.PhoneHost })));
export const PhoneView = lazy(() => import('./phone/PhoneView').then((module) => ({ default: module.PhoneView })));
export const ProfileEditorPage = lazy(() => import('./editor/ProfileEditorPage').then((module) => ({ default: module.ProfileEditorPage })));
export const CalendarPage = lazy(() => import('./calendar/CalendarPage').then((module) => ({ default: module.CalendarPage })));
export const AutomationPage = lazy(() => import('./automation/AutomationPage').then((module) => ({ default: module.AutomationPage })));
export const ColleaguesView = lazy(() => import('./presence/ColleaguesView').then((module) => ({ default: module.ColleaguesView })));
export const AccountView = lazy(() => import('./account/AccountView').then((module) => ({ default: module.AccountView })));
// react-aria's date field and dialog are needed only once the clock button is pressed.
export const EndTimeDialog = lazy(() => import('./switcher/EndTimeDialog').then((module) => ({ default: module.EndTimeDialog })));
export const DebugPanel = lazy(() => import('./DebugPanel').then((module) => ({ default: module.DebugPanel })));

/** Shown in the view's place while its chunk loads. */
export function ViewLoading() {
  const t = useTranslation();
  return (
    <p className="view-loading" role="status">
      {t('nav.loading')}
    </p>
  );
}
