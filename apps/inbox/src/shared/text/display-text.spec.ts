import { describe, expect, it } from 'vitest';
import { displayFilename, displayName, displayText } from './display-text';

describe('displayText', () => {
  it('drops bidirectional overrides, embeddings, isolates and marks', () => {
    expect(displayText('Bob\u202E nimda')).toBe('Bob nimda');
    expect(
      displayText('\u2067Alice\u2069 \u200Fsupport\u200E \u202Aa\u202C\u202Bb\u202C\u202Dc\u2066d'),
    ).toBe('Alice support abcd');
  });

  it('drops zero-width characters that make two names look alike', () => {
    expect(displayText('adm\u200Bin')).toBe('admin');
    expect(displayText('\uFEFFSupport\u2060 Team\u180E')).toBe('Support Team');
    expect(displayText('Ann\u200D')).toBe('Ann');
    expect(displayText('A\u200Cnn')).toBe('Ann');
  });

  it('keeps joiners that join: emoji sequences and Persian or Indic letters', () => {
    expect(displayText('Ana 👩\u200D💻')).toBe('Ana 👩\u200D💻');
    expect(displayText('👍🏽\u200D')).toBe('👍🏽');
    expect(displayText('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(displayText('क्\u200Dष')).toBe('क्\u200Dष');
  });

  it('keeps ordinary right-to-left text as it is', () => {
    expect(displayText('שלום עולם')).toBe('שלום עולם');
    expect(displayText('مرحبا')).toBe('مرحبا');
  });

  it('removes control characters and tidies whitespace', () => {
    expect(displayText('  Bo\u0000b\u0007\n Smith\t ')).toBe('Bob Smith');
  });
});

describe('displayName', () => {
  it('falls back when nothing visible is left', () => {
    expect(displayName('\u200B\u202E', 'Unknown customer')).toBe('Unknown customer');
    expect(displayName(null, 'Unknown customer')).toBe('Unknown customer');
    expect(displayName('Zoë', 'Unknown customer')).toBe('Zoë');
  });
});

describe('displayFilename', () => {
  it('shows a hidden override instead of obeying it', () => {
    expect(displayFilename('invoice\u202Efdp.exe')).toBe('invoice\uFFFDfdp.exe');
    expect(displayFilename('report\u200B.pdf\u2066')).toBe('report\uFFFD.pdf\uFFFD');
  });

  it('leaves ordinary names alone', () => {
    expect(displayFilename('Quarterly report (final).pdf')).toBe('Quarterly report (final).pdf');
    expect(displayFilename('תמונה.png')).toBe('תמונה.png');
  });
});
