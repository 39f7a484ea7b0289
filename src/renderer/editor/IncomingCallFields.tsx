import { FIELD, type ForwardTargetDraft, type ProfileFormDraft } from './editorDraft';
import { NO_ANSWER_SECONDS, TEXT_LIMITS } from '../../core/profiles/validation';
import { useTranslation } from '../shared/useTranslation';
import type { AccountNumbers } from '../../core/account/model';
import type { Profile } from '../../core/profiles/model';
import { AnnouncementPreview } from './AnnouncementPreview';
import { CheckboxField, RadioGroup, DraftTextField } from './controls';
import { ForwardTargetField } from './ForwardTargetField';
import { LineRulesField } from './LineRulesField';
import type { EditDraft } from './useProfileEditor';

type Incoming = ProfileFormDraft['incoming'];
type TargetKey = 'actionTarget' | 'announcementTarget' | 'noAnswerTarget' | 'whenBusyTarget';

/** What happens to a call while the profile is active: the action, no answer, and when already in a call. */
export function IncomingCallFields({
  draft,
  edit,
  mobileNumber,
  numbers,
  stored,
}: {
  draft: ProfileFormDraft;
  edit: EditDraft;
  mobileNumber: string | null;
  numbers: AccountNumbers;
  stored: Profile | undefined;
}) {
  const t = useTranslation();
  const incoming = draft.incoming;
  const editIncoming = (change: (next: Incoming) => void) => edit((next) => change(next.incoming));
  const target = (key: TargetKey) => ({
    value: incoming[key],
    mobileNumber,
    onChange: (value: ForwardTargetDraft) => editIncoming((next) => void (next[key] = value)),
  });

  return (
    <fieldset className="editor-section">
      <legend className="editor-section__legend">{t('editor.section.incoming')}</legend>
      <RadioGroup
        legend={t('editor.incoming.action')}
        name="editor-incoming-action"
        value={incoming.action}
        choices={[
          { value: 'ring', label: t('editor.incoming.action.ring') },
          { value: 'busy', label: t('editor.incoming.action.busy') },
          { value: 'forward', label: t('editor.incoming.action.forward') },
          { value: 'announcement', label: t('editor.incoming.action.announcement') },
        ]}
        onChange={(action) => editIncoming((next) => void (next.action = action))}
      >
        {incoming.action === 'forward' && (
          <ForwardTargetField
            path={FIELD.actionTarget}
            label={t('editor.incoming.forwardTo')}
            numberLabel={t('editor.incoming.forwardNumber')}
            {...target('actionTarget')}
          />
        )}
        {incoming.action === 'announcement' && (
          <>
            <DraftTextField
              path={FIELD.announcementText}
              label={t('editor.incoming.announcementText')}
              hint={t('editor.incoming.announcementHint')}
              multiline
              maxLength={TEXT_LIMITS.announcement}
              value={incoming.announcementText}
              onChange={(text) => editIncoming((next) => void (next.announcementText = text))}
            />
            <CheckboxField
              label={t('editor.incoming.sayEnd')}
              hint={t('editor.incoming.sayEndHint')}
              checked={incoming.announcementSayEnd}
              onChange={(sayEnd) => editIncoming((next) => void (next.announcementSayEnd = sayEnd))}
            />
            <AnnouncementPreview draft={draft} stored={stored} />
            <RadioGroup
              legend={t('editor.incoming.then')}
              name="editor-incoming-then"
              value={incoming.announcementThen}
              choices={[
                { value: 'forward', label: t('editor.incoming.then.forward') },
                { value: 'hangup', label: t('editor.incoming.then.hangup') },
              ]}
              onChange={(then) => editIncoming((next) => void (next.announcementThen = then))}
            >
              {incoming.announcementThen === 'forward' && (
                <ForwardTargetField
                  path={FIELD.announcementTarget}
                  label={t('editor.incoming.thenForwardTo')}
                  numberLabel={t('editor.incoming.thenForwardNumber')}
                  {...target('announcementTarget')}
                />
              )}
            </RadioGroup>
          </>
        )}
      </RadioGroup>

      <fieldset className="editor-group">
        <legend className="editor-label">{t('editor.incoming.noAnswer')}</legend>
        <CheckboxField
          label={t('editor.incoming.noAnswerEnabled')}
          checked={incoming.noAnswerEnabled}
          onChange={(enabled) => editIncoming((next) => void (next.noAnswerEnabled = enabled))}
        />
        {incoming.noAnswerEnabled && (
          <div className="editor-nested">
            <DraftTextField
              path={FIELD.noAnswerSeconds}
              label={t('editor.incoming.noAnswerSeconds')}
              hint={t('editor.incoming.noAnswerSecondsHint', { min: NO_ANSWER_SECONDS.min, max: NO_ANSWER_SECONDS.max })}
              type="number"
              size="short"
              min={NO_ANSWER_SECONDS.min}
              max={NO_ANSWER_SECONDS.max}
              hintStatesRange
              value={incoming.noAnswerSeconds}
              onChange={(seconds) => editIncoming((next) => void (next.noAnswerSeconds = seconds))}
            />
            <ForwardTargetField
              path={FIELD.noAnswerTarget}
              label={t('editor.incoming.noAnswerForwardTo')}
              numberLabel={t('editor.incoming.noAnswerNumber')}
              {...target('noAnswerTarget')}
            />
          </div>
        )}
      </fieldset>

      <RadioGroup
        legend={t('editor.incoming.whenBusy')}
        name="editor-incoming-when-busy"
        value={incoming.whenBusy}
        choices={[
          { value: 'callWaiting', label: t('editor.incoming.whenBusy.callWaiting') },
          { value: 'busy', label: t('editor.incoming.whenBusy.busy') },
          { value: 'forward', label: t('editor.incoming.whenBusy.forward') },
        ]}
        onChange={(whenBusy) => editIncoming((next) => void (next.whenBusy = whenBusy))}
      >
        {incoming.whenBusy === 'forward' && (
          <ForwardTargetField
            path={FIELD.whenBusyTarget}
            label={t('editor.incoming.whenBusyForwardTo')}
            numberLabel={t('editor.incoming.whenBusyNumber')}
            {...target('whenBusyTarget')}
          />
        )}
      </RadioGroup>
      <LineRulesField draft={draft} edit={edit} numbers={numbers} />
    </fieldset>
  );
}
