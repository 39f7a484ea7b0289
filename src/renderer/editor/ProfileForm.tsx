import { useEffect, useRef, type FocusEvent, type RefObject } from 'react';
import type { AppError } from '../../core/errors';
import type { ProfileFormDraft } from './editorDraft';
import type { Profile } from '../../core/profiles/model';
import type { AppState } from '../../core/state/appState';
import { useTranslation } from '../shared/useTranslation';
import { AddOnFields } from './AddOnFields';
import { CallerIdFields } from './CallerIdFields';
import { DefaultLengthField } from './DefaultLengthField';
import { useErrorText } from '../shared/errorText';
import { FieldErrorsProvider } from './fieldErrors';
import { GeneralFields } from './GeneralFields';
import { IncomingCallFields } from './IncomingCallFields';
import { NotificationMatrix } from './NotificationMatrix';
import type { EditDraft } from './useProfileEditor';

interface ProfileFormProps {
  labelledBy: string;
  draft: ProfileFormDraft;
  stored: Profile | undefined;
  account: AppState['account'];
  workingHours: AppState['workingHours'];
  visibleErrors: ReadonlyMap<string, readonly AppError[]>;
  /** True after a submit was refused for errors in the form. */
  refused: boolean;
  refusals: number;
  saving: boolean;
  saved: boolean;
  saveError: AppError | null;
  edit: EditDraft;
  touch(field: string): void;
  onSave(): void;
  onCancel(): void;
}

export function ProfileForm(props: ProfileFormProps) {
  const { draft, edit, account, refused, refusals, saveError } = props;
  const t = useTranslation();
  const errorText = useErrorText();
  const formRef = useRef<HTMLFormElement>(null);

  useEffect(() => {
    if (refusals > 0) formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const pointerHeld = usePointerHeld();
  const touchLeftField = (event: FocusEvent<HTMLFormElement>) => {
    const field = event.target.getAttribute('data-field');
    if (!field) return;
    // An error appearing under the field left would move what the pointer is pressing, and the
    // click would miss it; so while a button is held, the error waits until after the click.
    if (pointerHeld.current) {
      document.addEventListener('pointerup', () => setTimeout(() => props.touch(field)), { once: true });
    } else {
      props.touch(field);
    }
  };

  return (
    <form
      ref={formRef}
      className="editor-form"
      aria-labelledby={props.labelledBy}
      noValidate
      onBlur={touchLeftField}
      onSubmit={(event) => {
        event.preventDefault();
        props.onSave();
      }}
    >
      <FieldErrorsProvider errors={props.visibleErrors}>
        <GeneralFields draft={draft} edit={edit} />
        <NotificationMatrix draft={draft} edit={edit} />
        <CallerIdFields draft={draft} edit={edit} numbers={account.numbers} stored={props.stored} />
        <IncomingCallFields
          draft={draft}
          edit={edit}
          mobileNumber={account.numbers.mobile}
          numbers={account.numbers}
          stored={props.stored}
        />
        <AddOnFields draft={draft} edit={edit} addOns={account.addOns} />
        <DefaultLengthField draft={draft} edit={edit} workingHours={props.workingHours} />
      </FieldErrorsProvider>
      <div className="editor-footer">
        <p role="alert" className="editor-footer__error">
          {refused ? t('editor.invalid') : saveError ? errorText(saveError) : ''}
        </p>
        <div className="editor-footer__buttons">
          <button type="submit" className="editor-button editor-button--primary" aria-disabled={props.saving || undefined}>
            {props.saving ? t('editor.saving') : t('editor.save')}
          </button>
          <button type="button" className="editor-button" onClick={props.onCancel}>
            {t('editor.cancel')}
          </button>
          <p role="status" className="editor-footer__saved">
            {props.saved ? t('editor.saved') : ''}
          </p>
        </div>
      </div>
    </form>
  );
}

/** Whether a mouse button or finger is down anywhere on the page right now. */
function usePointerHeld(): RefObject<boolean> {
  const held = useRef(false);
  useEffect(() => {
    const press = () => (held.current = true);
    const release = () => (held.current = false);
    document.addEventListener('pointerdown', press, true);
    document.addEventListener('pointerup', release, true);
    document.addEventListener('pointercancel', release, true);
    return () => {
      document.removeEventListener('pointerdown', press, true);
      document.removeEventListener('pointerup', release, true);
      document.removeEventListener('pointercancel', release, true);
    };
  }, []);
  return held;
}
