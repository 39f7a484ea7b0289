import { useId, type ChangeEvent } from 'react';
import type { AppError } from '../../core/errors';
import type { FilePurpose } from '../../core/ipc/contract';
import { contract } from '../contract/client';
import { useAppStore } from './appStore';

export type FileChoice =
  /** Electron: main read the file chosen in the OS dialog and used it; `chosen` is false when the dialog was cancelled. */
  | { kind: 'native'; chosen: boolean }
  | { kind: 'native-refused'; error: AppError }
  /** The browser shell: the page read the file; its text goes to main through the contract. */
  | { kind: 'content'; text: string }
  /** The page could not read the file (gone, or not allowed since it was chosen); the browser's reason is English and is not shown. */
  | { kind: 'unreadable' };

interface FileChooserProps {
  purpose: FilePurpose;
  label: string;
  accept: string;
  describedBy?: string;
  onChoice(choice: FileChoice): void;
}

/** The OS file dialog through the contract where the shell has one (Electron), a file input in the page otherwise. */
export function FileChooser({ purpose, label, accept, describedBy, onChoice }: FileChooserProps) {
  const native = useAppStore((store) => store.state?.nativeFileDialog ?? false);
  const inputId = useId();

  const openDialog = async () => {
    const chosen = await contract.invoke('file:open', { purpose });
    onChoice(chosen.ok ? { kind: 'native', chosen: chosen.value.chosen } : { kind: 'native-refused', error: chosen.error });
  };
  const readInput = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    try {
      onChoice({ kind: 'content', text: await file.text() });
    } catch {
      onChoice({ kind: 'unreadable' });
    }
  };

  if (native) {
    return (
      <button type="button" className="file-chooser" aria-describedby={describedBy} onClick={() => void openDialog()}>
        {label}
      </button>
    );
  }
  return (
    <label className="file-chooser" htmlFor={inputId}>
      {label}
      <input id={inputId} type="file" accept={accept} aria-describedby={describedBy} onChange={(event) => void readInput(event)} />
    </label>
  );
}
