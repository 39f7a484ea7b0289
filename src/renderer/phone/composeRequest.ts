/** A message recipient chosen elsewhere (the colleague list), for the composer to start from once. */
let pendingRecipient: string | null = null;

export function requestCompose(recipient: string): void {
  pendingRecipient = recipient;
}

export function takeComposeRequest(): string | null {
  const recipient = pendingRecipient;
  pendingRecipient = null;
  return recipient;
}
