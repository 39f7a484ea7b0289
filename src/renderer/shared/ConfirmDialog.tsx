import { useId } from 'react';
import { Button, Dialog, Heading, Modal, ModalOverlay } from 'react-aria-components';

interface ConfirmDialogProps {
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A question that must be answered before anything else: react-aria's modal, the same one the
 * end-time dialog uses, traps focus, hides the page behind it and closes on Escape. The safe choice
 * (cancel) has focus first, and focus goes back where it was. A click outside does not answer.
 */
export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, onConfirm, onCancel }: ConfirmDialogProps) {
  const bodyId = useId();
  return (
    <ModalOverlay isOpen onOpenChange={(open) => !open && onCancel()} className="modal-overlay">
      <Modal className="modal">
        <Dialog role="alertdialog" aria-describedby={bodyId} className="confirm-dialog">
          <Heading slot="title" className="confirm-dialog__title">
            {title}
          </Heading>
          <p id={bodyId}>{body}</p>
          <div className="confirm-dialog__actions">
            <Button autoFocus className="editor-button" onPress={onCancel}>
              {cancelLabel}
            </Button>
            <Button className="editor-button editor-button--danger" onPress={onConfirm}>
              {confirmLabel}
            </Button>
          </div>
        </Dialog>
      </Modal>
    </ModalOverlay>
  );
}
