import { useCallback, useMemo, useRef, useState } from 'react';
import type { AppError } from '../../core/errors';
import { blankDraft, draftFromProfile, draftsEqual, duplicateDraft, type ProfileFormDraft } from './editorDraft';
import { readDraft, toProfileDraft, type DraftReading } from './readDraft';
import type { Profile } from '../../core/profiles/model';
import type { AppState } from '../../core/state/appState';
import { useAppStore } from '../shared/appStore';
import { useTranslation } from '../shared/useTranslation';

/** Changes the draft by mutating a copy, so each section can say what it changes in one line. */
export type EditDraft = (change: (draft: ProfileFormDraft) => void) => void;

/** A stored profile, or one that `Spara` will create (new or duplicated) and `Avbryt` leaves for `returnTo`. */
export type EditTarget = { kind: 'stored'; profileId: string } | { kind: 'unsaved'; returnTo: string };

interface Session {
  target: EditTarget;
  original: ProfileFormDraft;
  draft: ProfileFormDraft;
  /** Fields the user has left; their errors show from then on, all others after a submit. */
  touched: ReadonlySet<string>;
  submitted: boolean;
  /** Counts refused submits, so the form moves focus to the first invalid field each time. */
  refusals: number;
}

export type Confirmation = { kind: 'delete'; profile: Profile } | { kind: 'discard'; name: string; proceed: () => void };
export type Feedback = { kind: 'saved' } | { kind: 'deleted'; name: string } | null;

function sessionOf(target: EditTarget, draft: ProfileFormDraft): Session {
  return { target, original: draft, draft, touched: new Set(), submitted: false, refusals: 0 };
}

const storedSession = (profile: Profile): Session => sessionOf({ kind: 'stored', profileId: profile.id }, draftFromProfile(profile));

/** Takes the refused request's error from the store, so the editor shows it beside its field and the app banner does not repeat it. */
function takeRefusal(): AppError | null {
  return useAppStore.getState().takeError();
}

export function useProfileEditor(state: AppState) {
  const t = useTranslation();
  const invoke = useAppStore((store) => store.invoke);
  const { profiles } = state;
  const { numbers } = state.account;
  const fallback = profiles.find((profile) => profile.id === state.active.profileId) ?? profiles[0];
  const [session, setSession] = useState<Session | null>(() => (fallback ? storedSession(fallback) : null));
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [saveError, setSaveError] = useState<AppError | null>(null);
  const [deleteError, setDeleteError] = useState<AppError | null>(null);
  const [confirmation, setConfirmation] = useState<Confirmation | null>(null);
  const [saving, setSaving] = useState(false);
  const savingRef = useRef(false);

  const target = session?.target;
  const stored = target?.kind === 'stored' ? profiles.find((profile) => profile.id === target.profileId) : undefined;
  // The profile went away under us (deleted elsewhere): edit the active one instead.
  if ((session === null || (target?.kind === 'stored' && !stored)) && fallback && fallback.id !== stored?.id) {
    setSession(storedSession(fallback));
  }

  const reading: DraftReading | null = useMemo(
    () => (session ? readDraft(session.draft, { previous: stored, profiles, numbers }) : null),
    [session, stored, profiles, numbers],
  );

  const visibleErrors = useMemo(() => {
    const byField = new Map<string, AppError[]>();
    if (!session || !reading) return byField;
    for (const error of reading.errors) {
      const field = error.field ?? '';
      if (!session.submitted && !session.touched.has(field)) continue;
      byField.set(field, [...(byField.get(field) ?? []), error]);
    }
    return byField;
  }, [session, reading]);

  const dirty = session !== null && (session.target.kind === 'unsaved' || !draftsEqual(session.original, session.draft));

  const clearMessages = () => {
    setFeedback(null);
    setSaveError(null);
    setDeleteError(null);
  };

  /** Runs `proceed` at once, or after the user agrees to drop unsaved changes. */
  const leave = (proceed: () => void) => {
    const run = () => {
      clearMessages();
      proceed();
    };
    if (!dirty || !session) return run();
    setConfirmation({ kind: 'discard', name: session.draft.name.trim() || t('editor.form.newTitle'), proceed: run });
  };

  const returnTo = stored?.id ?? (target?.kind === 'unsaved' ? target.returnTo : (fallback?.id ?? ''));

  const edit: EditDraft = useCallback((change) => {
    setSession((current) => {
      if (!current) return current;
      const draft = structuredClone(current.draft);
      change(draft);
      return { ...current, draft };
    });
    setFeedback(null);
    setSaveError(null);
  }, []);

  const touch = useCallback((field: string) => {
    setSession((current) =>
      !current || current.touched.has(field) ? current : { ...current, touched: new Set([...current.touched, field]) },
    );
  }, []);

  const select = (profileId: string) => {
    const profile = profiles.find((candidate) => candidate.id === profileId);
    if (!profile || (target?.kind === 'stored' && target.profileId === profileId)) return;
    leave(() => setSession(storedSession(profile)));
  };

  const startNew = () => leave(() => setSession(sessionOf({ kind: 'unsaved', returnTo }, blankDraft(profiles, numbers))));

  const duplicate = () => {
    if (!stored) return;
    const copyName = (name: string, attempt: number) =>
      attempt === 1 ? t('editor.copyName', { name }) : t('editor.copyNameNumbered', { name, n: attempt });
    leave(() => setSession(sessionOf({ kind: 'unsaved', returnTo: stored.id }, duplicateDraft(stored, profiles, copyName))));
  };

  const cancel = () => {
    clearMessages();
    const back = stored ?? profiles.find((profile) => profile.id === returnTo) ?? fallback;
    if (back) setSession(storedSession(back));
  };

  const save = async () => {
    if (!session || !reading || savingRef.current) return;
    if (reading.errors.length > 0) {
      setSession({ ...session, submitted: true, refusals: session.refusals + 1 });
      return;
    }
    const creating = session.target.kind === 'unsaved';
    savingRef.current = true;
    setSaving(true);
    const accepted = creating
      ? await invoke('profile:create', toProfileDraft(reading.profile))
      : await invoke('profile:update', reading.profile);
    savingRef.current = false;
    setSaving(false);
    if (!accepted) {
      setSaveError(takeRefusal());
      return;
    }
    const after = useAppStore.getState().state?.profiles ?? [];
    const saved = creating
      ? after.find((profile) => profile.number === reading.profile.number)
      : after.find((profile) => profile.id === reading.profile.id);
    if (saved) setSession(storedSession(saved));
    setFeedback({ kind: 'saved' });
  };

  const requestDelete = () => {
    if (!stored) return;
    setDeleteError(null);
    setConfirmation({ kind: 'delete', profile: stored });
  };

  const confirmDelete = async (profile: Profile) => {
    setConfirmation(null);
    clearMessages();
    const index = profiles.findIndex((candidate) => candidate.id === profile.id);
    if (!(await invoke('profile:delete', { profileId: profile.id }))) {
      setDeleteError(takeRefusal());
      return;
    }
    const after = useAppStore.getState().state?.profiles ?? [];
    const neighbour = after[Math.max(0, index - 1)] ?? after[0];
    if (neighbour) setSession(storedSession(neighbour));
    setFeedback({ kind: 'deleted', name: profile.name });
  };

  return {
    session,
    stored,
    reading,
    visibleErrors,
    feedback,
    saveError,
    deleteError,
    confirmation,
    saving,
    edit,
    touch,
    select,
    startNew,
    duplicate,
    cancel,
    save,
    requestDelete,
    confirmDelete,
    dismissConfirmation: () => setConfirmation(null),
  };
}
