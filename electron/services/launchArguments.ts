import { parseAutomationArgs } from '../../src/core/automation/args';
import { ok, type Result } from '../../src/core/errors';
import { findCallLinkInArgv, parseCallLink } from '../../src/core/links/callLink';
import type { DialTarget } from '../../src/core/phone/numbers/phoneNumber';
import type { ProfileService } from './profileService';

export type LaunchOutcome = { kind: 'nothing' } | { kind: 'activated' } | { kind: 'dialing'; target: DialTarget };

/**
 * What the arguments of a launch ask for: `--profile …` switches the profile, a tel:/sip:/callto:
 * link is handed to the phone through `dial`. A refusal changes nothing.
 */
export function followLaunchArguments(
  argv: readonly string[],
  profiles: Pick<ProfileService, 'settings' | 'activate'>,
  now: number,
  dial: (target: DialTarget) => void,
): Result<LaunchOutcome> {
  const command = parseAutomationArgs(argv, profiles.settings.profiles, now);
  if (!command.ok) return command;
  if (command.value) {
    const activated = profiles.activate(command.value);
    return activated.ok ? ok({ kind: 'activated' }) : activated;
  }
  const link = findCallLinkInArgv(argv);
  if (link === null) return ok({ kind: 'nothing' });
  const target = parseCallLink(link);
  if (!target.ok) return target;
  dial(target.value);
  return ok({ kind: 'dialing', target: target.value });
}
