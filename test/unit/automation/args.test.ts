import { describe, expect, it } from 'vitest';
import { parseAutomationArgs, type AutomationProfile } from '../../../src/core/automation/args';

const PROFILES: AutomationProfile[] = [
  { id: 'p1', number: 1, name: 'Tillgänglig' },
  { id: 'p2', number: 2, name: 'Lunch' },
  { id: 'p3', number: 3, name: 'Möte' },
  { id: 'p4', number: 4, name: 'Slutat för dagen' },
  { id: 'p7', number: 7, name: 'Tillfälligt ute' },
  { id: 'p11', number: 11, name: ' Kundbesök ' },
  { id: 'p12', number: 12, name: '2026' },
  { id: 'p13', number: 13, name: '3' },
];
/** Friday 2026-11-20 10:00 in Stockholm (CET, UTC+1). */
const NOW = Date.UTC(2026, 10, 20, 9, 0);
const APP = 'C:\\Program Files\\Profiltelefon\\Profiltelefon.exe';

const parse = (argv: string[], profiles: AutomationProfile[] = PROFILES) => parseAutomationArgs(argv, profiles, NOW);
const command = (profileId: string, length: object = { kind: 'default' }, temporaryMessage: string | null = null) => ({
  ok: true,
  value: { profileId, length, temporaryMessage },
});
const failure = (code: string, message: string, field: string) => ({ ok: false, error: { code, message, field } });

describe('parseAutomationArgs: no --profile', () => {
  it.each([
    [[]],
    [[APP]],
    [[APP, '--no-sandbox', '--allow-file-access-from-files', 'tel:+46701234567']],
    [['electron', '.', '--enable-logging', 'sip:bob@example.com']],
    [[APP, '--profiles', '3']],
    [[APP, '-profile', '3']],
    [[APP, '--profile-name=Lunch']],
    [[APP, 'profile', '3']],
  ])('%j → null', (argv) => {
    expect(parse(argv)).toEqual({ ok: true, value: null });
  });

  it.each([
    [['--for', '45'], '--for'],
    [['--until', '2026-11-23T08:00'], '--until'],
    [['--message', 'Hej'], '--message'],
    [['--message='], '--message'],
  ])('%j without --profile is args-profile-required', (argv, option) => {
    expect(parse(argv)).toEqual(failure('args-profile-required', `${option} was given without --profile`, 'profile'));
  });
});

describe('parseAutomationArgs: choosing the profile', () => {
  it.each([
    [['--profile', '3'], 'p3'],
    [['--profile=3'], 'p3'],
    [['--profile', '03'], 'p3'],
    [['--profile', ' 7 '], 'p7'],
    [['--PROFILE', '2'], 'p2'],
    [['--Profile=2'], 'p2'],
    [['--profile', 'Lunch'], 'p2'],
    [['--profile', 'lunch'], 'p2'],
    [['--profile', '  LUNCH  '], 'p2'],
    [['--profile=Slutat för dagen'], 'p4'],
    [['--profile', 'slutat FÖR dagen'], 'p4'],
    [['--profile', 'MÖTE'], 'p3'],
    [['--profile', 'Mo\u0308te'], 'p3'],
    [['--profile', 'kundbesök'], 'p11'],
    [['--profile', '2026'], 'p12'],
    [[APP, '--no-sandbox', 'tel:+46701234567', '--profile', 'Lunch', '--enable-logging'], 'p2'],
  ])('%j → %s', (argv, profileId) => {
    expect(parse(argv)).toEqual(command(profileId));
  });

  it('prefers the profile number over a profile named like a number', () => {
    expect(parse(['--profile', '3'])).toEqual(command('p3'));
    expect(parse(['--profile', '13'])).toEqual(command('p13'));
  });

  it.each([
    [['--profile']],
    [[APP, '--profile']],
    [['--profile', '--for', '45']],
    [['--profile=']],
    [['--profile', '   ']],
    [['--profile', '']],
  ])('%j is args-profile-missing-value', (argv) => {
    expect(parse(argv)).toEqual(failure('args-profile-missing-value', '--profile needs a value', 'profile'));
  });

  it.each([
    ['42', '"42"'],
    ['Fika', '"Fika"'],
    ['-1', '"-1"'],
    ['Lunch!', '"Lunch!"'],
    ['Slutat', '"Slutat"'],
    ['#3', '"#3"'],
    ['3.0', '"3.0"'],
    [' Fika ', '"Fika"'],
  ])('%j is args-profile-unknown', (value, shown) => {
    expect(parse(['--profile', value])).toEqual(
      failure('args-profile-unknown', `--profile ${shown} matches no profile number or name`, 'profile'),
    );
  });

  it('is args-profile-unknown when there are no profiles', () => {
    expect(parse(['--profile', '1'], [])).toEqual(
      failure('args-profile-unknown', '--profile "1" matches no profile number or name', 'profile'),
    );
  });

  it('is args-profile-ambiguous when a name matches two profiles', () => {
    const profiles = [...PROFILES, { id: 'p20', number: 20, name: 'lunch' }];
    expect(parse(['--profile', 'Lunch'], profiles)).toEqual(
      failure('args-profile-ambiguous', '--profile "Lunch" matches 2 profiles; use the profile number', 'profile'),
    );
    expect(parse(['--profile', '20'], profiles)).toEqual(command('p20'));
  });
});

describe('parseAutomationArgs: --for', () => {
  it.each([
    [['--profile', '3', '--for', '45'], 45],
    [['--profile', '3', '--for=45'], 45],
    [['--for', '1', '--profile', '3'], 1],
    [['--profile', '3', '--for', ' 90 '], 90],
    [['--profile', '3', '--for', '045'], 45],
    [['--profile', '3', '--for', '525600'], 525600],
    [['--profile', '3', '--FOR', '30'], 30],
  ])('%j → %d minutes', (argv, minutes) => {
    expect(parse(argv)).toEqual(command('p3', { kind: 'minutes', minutes }));
  });

  it.each(['0', '-5', '45.5', '45,5', '1e3', 'abc', '45min', '525601', '99999999999999999999999', '+45', '0x10', '４５'])(
    '--for %j is args-for-invalid',
    (value) => {
      expect(parse(['--profile', '3', '--for', value])).toEqual(
        failure('args-for-invalid', `--for ${JSON.stringify(value)} is not a whole number of minutes from 1 to 525600 (one year)`, 'for'),
      );
    },
  );

  it.each([[['--profile', '3', '--for']], [['--profile', '3', '--for', '--message', 'x']], [['--profile', '3', '--for=']]])(
    '%j is args-for-missing-value',
    (argv) => {
      expect(parse(argv)).toEqual(failure('args-for-missing-value', '--for needs a value', 'for'));
    },
  );
});

describe('parseAutomationArgs: --until', () => {
  it.each([
    ['2026-11-23T08:00', Date.UTC(2026, 10, 23, 7, 0)],
    ['2026-11-23t08:00', Date.UTC(2026, 10, 23, 7, 0)],
    ['2026-11-23T08:00:30', Date.UTC(2026, 10, 23, 7, 0, 30)],
    ['2026-11-23T08:00:30.5', Date.UTC(2026, 10, 23, 7, 0, 30, 500)],
    ['2026-11-23T08:00:30,25', Date.UTC(2026, 10, 23, 7, 0, 30, 250)],
    ['2026-11-23T08:00:30.123456789', Date.UTC(2026, 10, 23, 7, 0, 30, 123)],
    ['2026-11-23T08:00Z', Date.UTC(2026, 10, 23, 8, 0)],
    ['2026-11-23T08:00:00z', Date.UTC(2026, 10, 23, 8, 0)],
    ['2026-11-23T08:00+01:00', Date.UTC(2026, 10, 23, 7, 0)],
    ['2026-11-23T08:00+0100', Date.UTC(2026, 10, 23, 7, 0)],
    ['2026-11-23T08:00+01', Date.UTC(2026, 10, 23, 7, 0)],
    ['2026-11-23T08:00-05:30', Date.UTC(2026, 10, 23, 13, 30)],
    ['2027-07-01T08:00', Date.UTC(2027, 6, 1, 6, 0)],
    ['2028-02-29T12:00', Date.UTC(2028, 1, 29, 11, 0)],
    ['2026-11-20T10:00:00.001', NOW + 1],
    ['  2026-11-23T08:00  ', Date.UTC(2026, 10, 23, 7, 0)],
    // 02:30 happens twice when summer time ends; JavaScript picks the first (summer time, UTC+2).
    ['2027-10-31T02:30', Date.UTC(2027, 9, 31, 0, 30)],
  ])('%s → %d', (value, until) => {
    expect(parse(['--profile', 'Slutat för dagen', '--until', value])).toEqual(command('p4', { kind: 'until', until }));
    expect(parse([`--until=${value}`, '--profile=4'])).toEqual(command('p4', { kind: 'until', until }));
  });

  it.each([
    ['2026-11-23', 'is not an ISO 8601 date and time such as 2026-11-23T08:00'],
    ['2026-11-23 08:00', 'is not an ISO 8601 date and time such as 2026-11-23T08:00'],
    ['2026-11-23T8:00', 'is not an ISO 8601 date and time such as 2026-11-23T08:00'],
    ['2026-11-23T08', 'is not an ISO 8601 date and time such as 2026-11-23T08:00'],
    ['23/11/2026 08:00', 'is not an ISO 8601 date and time such as 2026-11-23T08:00'],
    ['tomorrow', 'is not an ISO 8601 date and time such as 2026-11-23T08:00'],
    ['1795000000000', 'is not an ISO 8601 date and time such as 2026-11-23T08:00'],
    ['2026-11-23T08:00+1', 'is not an ISO 8601 date and time such as 2026-11-23T08:00'],
    ['2026-11-23T08:00 CET', 'is not an ISO 8601 date and time such as 2026-11-23T08:00'],
    ['2026-13-01T08:00', 'is not a real date'],
    ['2026-00-10T08:00', 'is not a real date'],
    ['2026-11-00T08:00', 'is not a real date'],
    ['2026-02-29T08:00', 'is not a real date'],
    ['2026-04-31T08:00', 'is not a real date'],
    ['2026-11-23T24:00', 'is not a real time of day'],
    ['2026-11-23T08:60', 'is not a real time of day'],
    ['2026-11-23T08:00:60', 'is not a real time of day'],
    ['2026-11-23T08:00+24:00', 'has an invalid UTC offset'],
    ['2026-11-23T08:00+01:60', 'has an invalid UTC offset'],
    ['2027-03-28T02:30', 'does not exist in local time (daylight-saving change)'],
  ])('--until %j is args-until-invalid: %s', (value, why) => {
    expect(parse(['--profile', '4', '--until', value])).toEqual(
      failure('args-until-invalid', `--until ${JSON.stringify(value)} ${why}`, 'until'),
    );
  });

  it.each(['2026-11-20T10:00', '2026-11-20T09:59:59.999', '2026-11-20T09:00Z', '2020-01-01T00:00Z', '0001-01-01T00:00'])(
    '--until %s (not after now) is args-until-past',
    (value) => {
      expect(parse(['--profile', '4', '--until', value])).toEqual(
        failure('args-until-past', `--until ${JSON.stringify(value)} is not in the future`, 'until'),
      );
    },
  );

  it.each([[['--profile', '4', '--until']], [['--profile', '4', '--until', '--for', '5']], [['--profile', '4', '--until=']]])(
    '%j is args-until-missing-value',
    (argv) => {
      expect(parse(argv)).toEqual(failure('args-until-missing-value', '--until needs a value', 'until'));
    },
  );

  it('refuses --for together with --until', () => {
    expect(parse(['--profile', '3', '--for', '45', '--until', '2026-11-23T08:00'])).toEqual(
      failure('args-for-and-until', 'Give either --for or --until, not both (got --for "45" and --until "2026-11-23T08:00")', 'for'),
    );
  });

  it('reports both --for and --until even when their values are bad', () => {
    const result = parse(['--profile', '3', '--for', 'x', '--until', 'y']);
    expect(result.ok ? '' : result.error.code).toBe('args-for-and-until');
  });
});

describe('parseAutomationArgs: --message', () => {
  it.each([
    [['--profile', '3', '--for', '45', '--message', 'Ring mig på mobilen'], { kind: 'minutes', minutes: 45 }, 'Ring mig på mobilen'],
    [['--profile', '3', '--message=Ring mig på mobilen'], { kind: 'default' }, 'Ring mig på mobilen'],
    [['--profile', '3', '--message', '  Tillbaka 14:00  '], { kind: 'default' }, 'Tillbaka 14:00'],
    [['--profile', '3', '--message=--hej'], { kind: 'default' }, '--hej'],
    [['--profile', '3', '--message', '-'], { kind: 'default' }, '-'],
    [['--profile', '3', '--message', 'a=b --for 5'], { kind: 'default' }, 'a=b --for 5'],
    [['--profile', '3', '--message', 'tel:+46701234567'], { kind: 'default' }, 'tel:+46701234567'],
    [['--profile', '3', '--message', '😀 Åter måndag'], { kind: 'default' }, '😀 Åter måndag'],
  ])('%j', (argv, length, message) => {
    expect(parse(argv)).toEqual(command('p3', length, message));
  });

  it.each([[['--profile', '3', '--message', '']], [['--profile', '3', '--message=']], [['--profile', '3', '--message', '   ']]])(
    'an empty message %j means no temporary message',
    (argv) => {
      expect(parse(argv)).toEqual(command('p3'));
    },
  );

  it('accepts exactly 200 characters and refuses 201', () => {
    expect(parse(['--profile', '3', '--message', 'å'.repeat(200)])).toEqual(command('p3', { kind: 'default' }, 'å'.repeat(200)));
    expect(parse(['--profile', '3', '--message', ` ${'a'.repeat(200)} `])).toEqual(command('p3', { kind: 'default' }, 'a'.repeat(200)));
    expect(parse(['--profile', '3', '--message', 'a'.repeat(201)])).toEqual(
      failure('args-message-too-long', `--message "${'a'.repeat(60)}…" is 201 characters; the limit is 200`, 'message'),
    );
  });

  it.each(['rad 1\nrad 2', 'tab\there', 'nul\u0000', 'bell\u0007', 'del\u007f'])('%j is args-message-invalid', (value) => {
    expect(parse(['--profile', '3', '--message', value])).toEqual(
      failure('args-message-invalid', `--message ${JSON.stringify(value)} contains line breaks or control characters`, 'message'),
    );
  });

  it.each([[['--profile', '3', '--message']], [['--profile', '3', '--message', '--for', '5']]])(
    '%j is args-message-missing-value',
    (argv) => {
      expect(parse(argv)).toEqual(failure('args-message-missing-value', '--message needs a value', 'message'));
    },
  );
});

describe('parseAutomationArgs: duplicates and precedence', () => {
  it.each([
    [['--profile', '1', '--profile', '2'], 'profile'],
    [['--profile=1', '--profile', '1'], 'profile'],
    [['--profile', '1', '--PROFILE=1'], 'profile'],
    [['--profile', '1', '--for', '5', '--for', '6'], 'for'],
    [['--profile', '1', '--until', '2026-11-23T08:00', '--until=2026-11-24T08:00'], 'until'],
    [['--profile', '1', '--message', 'a', '--message=b'], 'message'],
    [['--message', 'a', '--message', 'a'], 'message'],
  ])('%j is args-duplicate-option', (argv, name) => {
    expect(parse(argv)).toEqual(failure('args-duplicate-option', `--${name} is given more than once`, name));
  });

  it('reports a duplicate before an unknown profile', () => {
    const result = parse(['--profile', 'Fika', '--profile', 'Fika']);
    expect(result.ok ? '' : result.error.code).toBe('args-duplicate-option');
  });

  it('reports an unknown profile before a bad --for', () => {
    const result = parse(['--profile', 'Fika', '--for', 'x']);
    expect(result.ok ? '' : result.error.code).toBe('args-profile-unknown');
  });

  it('reports a bad --for before a too-long message', () => {
    const result = parse(['--profile', '3', '--for', '0', '--message', 'a'.repeat(300)]);
    expect(result.ok ? '' : result.error.code).toBe('args-for-invalid');
  });

  it('does not treat the option value as a further option', () => {
    expect(parse(['--profile', '3', '--message', 'tel:+46701234567', 'tel:+46812345678'])).toEqual(
      command('p3', { kind: 'default' }, 'tel:+46701234567'),
    );
  });

  it('does not mutate its inputs', () => {
    const argv = ['--profile', 'Lunch', '--for', '30'];
    const profiles = PROFILES.map((profile) => ({ ...profile }));
    parseAutomationArgs(argv, profiles, NOW);
    expect(argv).toEqual(['--profile', 'Lunch', '--for', '30']);
    expect(profiles).toEqual(PROFILES);
  });
});
