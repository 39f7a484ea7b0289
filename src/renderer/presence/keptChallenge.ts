import type { UA } from 'jssip/lib/UA';
import type { OutgoingRequest } from 'jssip/lib/SIPMessage';
import DigestAuthentication from 'jssip/lib/DigestAuthentication';

type CredentialsHeader = 'authorization' | 'proxy-authorization';

interface Challenge {
  header: CredentialsHeader;
  params: { realm: string; nonce: string; opaque?: string; qop?: string; algorithm?: string };
}

interface UaCredentials {
  configuration: { authorization_user: string; password: string | null; realm: string | null; ha1: string | null };
}

/** The challenge JsSIP answered, read back from the credentials it sent (JsSIP keeps it to itself), and the nc it used. */
function challengeAnswered(request: OutgoingRequest): { challenge: Challenge; nc: number } | null {
  for (const header of ['proxy-authorization', 'authorization'] as const) {
    const value = request.getHeader(header);
    if (!value) continue;
    const params = Object.fromEntries([...value.matchAll(/(\w+)="?([^",]*)"?/g)].map(([, key, param]) => [key!.toLowerCase(), param!]));
    if (!params.realm || !params.nonce) return null;
    const { realm, nonce, opaque, qop, algorithm } = params;
    return { challenge: { header, params: { realm, nonce, opaque, qop, algorithm } }, nc: Number.parseInt(params.nc ?? '0', 16) || 0 };
  }
  return null;
}

/**
 * The PBX's latest digest challenge, kept so that later requests carry credentials up front (RFC 3261
 * §22.3) instead of being challenged each: one round trip instead of two. One UA talks to one PBX,
 * so there is one realm. A nonce the PBX no longer takes is challenged again (stale) and answered
 * by JsSIP as usual; keeping that answer replaces the challenge.
 *
 * There is one per UA, shared by all its senders: two would each count uses of the same nonce, and
 * a PBX that checks nonce counts would see an nc twice.
 */
export class KeptChallenge {
  static readonly #perUa = new WeakMap<UA, KeptChallenge>();

  #challenge: Challenge | null = null;
  #digest: DigestAuthentication | null = null;

  private constructor(private readonly ua: UA) {}

  /** The UA's one kept challenge. */
  static of(ua: UA): KeptChallenge {
    let kept = KeptChallenge.#perUa.get(ua);
    if (kept === undefined) {
      kept = new KeptChallenge(ua);
      KeptChallenge.#perUa.set(ua, kept);
    }
    return kept;
  }

  /** Keeps the challenge that `request`, as JsSIP resent it with credentials, answered. */
  keep(request: OutgoingRequest): void {
    const answered = challengeAnswered(request);
    if (!answered) return;
    const { challenge, nc } = answered;
    if (this.#challenge?.params.nonce === challenge.params.nonce && this.#challenge.header === challenge.header) return;
    const { configuration } = this.ua as unknown as UaCredentials;
    const digest = new DigestAuthentication({
      username: configuration.authorization_user,
      password: configuration.password,
      realm: configuration.realm,
      ha1: configuration.ha1,
    });
    // Each authentication counts one more request with this nonce: count those JsSIP sent with it (one,
    // or two after a stale nonce), so ours go on with a fresh nc, as a PBX that checks nonce counts requires.
    for (let used = 0; used < nc; used++) digest.authenticate(request, challenge.params);
    this.#challenge = challenge;
    this.#digest = digest;
  }

  /** Puts credentials for the kept challenge on `request`; false when none is kept or it cannot be answered. */
  authorize(request: OutgoingRequest): boolean {
    if (this.#challenge === null || this.#digest === null) return false;
    if (!this.#digest.authenticate(request, this.#challenge.params)) return false;
    request.setHeader(this.#challenge.header, this.#digest.toString());
    return true;
  }
}
