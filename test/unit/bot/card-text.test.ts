import { BOT_COMMANDS } from '../../../bot/bot-commands';
import { clip, dateLabel, display, moneyLabel, shown } from '../../../bot/cards/card-text';
import { CARD_VERBS, isCardVerb } from '../../../bot/cards/card-verbs';

describe('shown', () => {
  it('should break {{ so hosts cannot rewrite DATE and TIME, invisibly', () => {
    const text = 'Go-live {{DATE(2026-11-27T10:00:00Z, SHORT)}}';
    expect(shown(text)).not.toContain('{{');
    expect(shown(text).replaceAll('\u2060', '')).toBe(text);
  });

  it('should leave other text alone', () => {
    expect(shown('${x} **y** { {')).toBe('${x} **y** { {');
  });
});

describe('clip', () => {
  it('should keep short text and trim it', () => {
    expect(clip('  abc  ', 5)).toBe('abc');
  });

  it('should cut long text to the limit with an ellipsis', () => {
    expect(clip('abcdefghij', 5)).toBe('abcd…');
  });

  it('should count an emoji as one character and never split it', () => {
    expect(clip('👩‍💻👩‍💻👩‍💻', 3)).toBe('👩‍💻👩‍💻👩‍💻');
    expect(clip('👩‍💻👩‍💻👩‍💻👩‍💻', 3)).toBe('👩‍💻👩‍💻…');
  });
});

describe('display', () => {
  it('should show a dash for empty text', () => {
    expect(display('   ', 10)).toBe('—');
  });
});

describe('labels', () => {
  it('should write money with grouping and the currency code', () => {
    expect(moneyLabel(1234567.891, 'EUR')).toBe('1,234,567.89 EUR');
    expect(moneyLabel(0, 'USD')).toBe('0 USD');
  });

  it('should write a calendar date for people, and anything else as given', () => {
    expect(dateLabel('2027-03-31')).toBe('31 Mar 2027');
    expect(dateLabel('soon')).toBe('soon');
  });
});

describe('CARD_VERBS', () => {
  it('should recognise its verbs only', () => {
    for (const verb of CARD_VERBS) expect(isCardVerb(verb)).toBe(true);
    expect(isCardVerb('statusDelete')).toBe(false);
    expect(isCardVerb(undefined)).toBe(false);
  });
});

describe('BOT_COMMANDS', () => {
  it('should fit the manifest limits older Teams clients apply', () => {
    for (const c of BOT_COMMANDS) {
      expect(c.title.length).toBeLessThanOrEqual(32);
      expect(c.description.length).toBeLessThanOrEqual(128);
      expect(c.title.startsWith(c.command)).toBe(true);
    }
  });

  it('should name each command once', () => {
    const names = BOT_COMMANDS.map((c) => c.command);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(['help', 'status', 'my projects', 'away', 'back', 'change request', 'pending']);
  });
});
