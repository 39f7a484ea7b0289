import { describe, expect, it } from 'vitest';
import { findMarker, readMarker } from '../../../src/core/calendar/markers';

describe('findMarker', () => {
  it.each([
    ['#3 Styrelsemöte', 3],
    ['[3] Styrelsemöte', 3],
    ['[5] Semester i Italien', 5],
    ['Styrelsemöte #3', 3],
    ['Styrelsemöte [12]', 12],
    ['Möte (#3) med styrelsen', 3],
    ['Möte (#3)', 3],
    ['#3: Styrelsemöte', 3],
    ['[3], styrelsen', 3],
    ['Styrelsemöte #3.', 3],
    ['#999 Sista', 999],
    ['#1', 1],
    ['[007] Hemligt', 7],
    ['Styrelsemöte\u00a0#3', 3],
    ['#3 och #5', 3],
    ['#0 ingen, men #4', 4],
    ['C#3 och sedan [8]', 8],
  ])('%j carries %i', (title, expected) => {
    expect(findMarker(title)).toBe(expected);
  });

  it.each([
    ['Styrelsemöte'],
    [''],
    ['#3a Styrelsemöte'],
    ['C#3 kurs'],
    ['issue # open'],
    ['##3'],
    ['#3.5 release'],
    ['[3]Styrelsemöte'],
    ['Styrelsemöte#3'],
    ['#1000 för många'],
    ['#0 noll'],
    ['[0]'],
    ['[3 ] halv'],
    ['# 3 mellanslag'],
    ['#٣ arabisk siffra'],
    ['#３ helbredd siffra'],
    ['a[3] index'],
  ])('%j carries nothing', (title) => {
    expect(findMarker(title)).toBeNull();
  });
});

describe('readMarker with the short forms', () => {
  const on = { shortForms: true };
  const off = { shortForms: false };

  it.each([
    ['3: Styrelsemöte', 3],
    ['  3: Styrelsemöte', 3],
    ['12:\tKundbesök', 12],
    ['999:', 999],
    ['5:', 5],
    ['007: Hemligt', 7],
    // #N and [N] anywhere come before the leading code.
    ['3: Möte #4', 4],
    ['2: Lunch [5]', 5],
  ])('%j carries %i', (title, expected) => {
    expect(readMarker(title, on)).toEqual({ kind: 'profile', number: expected });
  });

  it.each([
    ['10:30 Möte'],
    ['3:Styrelsemöte'],
    ['3 : Styrelsemöte'],
    ['Styrelsemöte 3: del två'],
    ['0: noll'],
    ['1000: för många'],
    ['3a: Möte'],
    ['+3: Möte'],
    ['３: helbredd siffra'],
    ['Möte'],
  ])('%j carries nothing', (title) => {
    expect(readMarker(title, on)).toEqual({ kind: 'none' });
  });

  it.each([
    ['[i] Planering'],
    ['Planering [I]'],
    ['Info om flytten (info)'],
    ['(INFO) #3 Kundbesök'],
    ['[i] 3: Styrelsemöte'],
    ['Planering [i].'],
  ])('%j is information only', (title) => {
    expect(readMarker(title, on)).toEqual({ kind: 'information-only' });
  });

  it.each([['[i]Planering'], ['Wi[i] Fi'], ['(information) dag'], ['[info] Planering'], ['(i) Planering']])(
    '%j is no information mark',
    (title) => {
      expect(readMarker(title, on).kind).not.toBe('information-only');
    },
  );

  it('reads only #N and [N] while the short forms are off', () => {
    expect(readMarker('3: Styrelsemöte', off)).toEqual({ kind: 'none' });
    expect(readMarker('[i] #3 Kundbesök', off)).toEqual({ kind: 'profile', number: 3 });
    expect(readMarker('#3 Kundbesök', off)).toEqual({ kind: 'profile', number: 3 });
  });
});
