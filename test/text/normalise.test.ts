import { decodeHTMLStrict } from 'entities';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLookalikes, normalise, originalOffset } from '../../shared/detectors/text/normalise';
import { Segment } from '../../shared/detectors/text/segment';
import { linksInSegment } from '../../shared/detectors/text/links';
import { maskEmail, maskKeeping, maskName } from '../../shared/detectors/text/mask';

describe('normalise', () => {
  it('leaves plain ASCII untouched, with the identity map', () => {
    expect(normalise('Bins on Tuesday.')).toEqual({ text: 'Bins on Tuesday.', map: null });
  });

  it('decodes HTML entities and maps offsets back to the original', () => {
    const original = 'Fish &amp; chips &#8211; &pound;5';
    const p = normalise(original);
    expect(p.text).toBe('Fish & chips – £5');
    const pound = p.text.indexOf('£');
    expect(original.slice(originalOffset(p, pound), originalOffset(p, pound + 1))).toBe('&pound;');
  });

  it('removes zero-width characters that split a word', () => {
    const original = 'sh\u200Bi\u200Dt happens';
    const p = normalise(original);
    expect(p.text).toBe('shit happens');
    expect(originalOffset(p, 4)).toBe(original.indexOf(' '));
  });

  it('applies NFKC: full-width letters and ligatures become plain letters', () => {
    expect(normalise('ｆｉｎｅ ﬁne').text).toBe('fine fine');
  });

  it('composes a letter with its combining accent', () => {
    const p = normalise('cafe\u0301 open');
    expect(p.text).toBe('café open');
    expect(originalOffset(p, p.text.length)).toBe('cafe\u0301 open'.length);
  });

  it('keeps an ampersand that starts no entity', () => {
    expect(normalise('Q&A at 7pm & more; R&amp;D').text).toBe('Q&A at 7pm & more; R&D');
  });
});

describe('foldLookalikes', () => {
  it('folds leetspeak digits and symbols to letters, one for one', () => {
    expect(foldLookalikes('Bullsh1t $h!t')).toBe('bullshit shit');
  });

  it('folds Cyrillic look-alikes and strips accents without changing length', () => {
    const text = 'Ѕсunthоrpe Café';
    const folded = foldLookalikes(text);
    expect(folded).toBe('scunthorpe cafe');
    expect(folded).toHaveLength(text.length);
  });
});

describe('Segment', () => {
  it('locates evidence in the original text when entities shift offsets', () => {
    const original = 'Tom &amp; Jerry: call 07700 900123';
    const segment = new Segment('text', original);
    const start = segment.text.indexOf('07700');
    expect(start).toBe(original.indexOf('07700') - '&amp;'.length + 1);
    expect(segment.locate(start, start + 12)).toEqual({ field: 'text', start: 22, end: 34 });
    expect(segment.slice(start, start + 12)).toBe('07700 900123');
  });
});

describe('links in text', () => {
  const links = (text: string) => linksInSegment(new Segment('text', text)).map((l) => [l.url, l.host]);

  it('finds scheme links without trailing punctuation', () => {
    expect(links('See https://www.gov.uk/register-to-vote.')).toEqual([['https://www.gov.uk/register-to-vote', 'www.gov.uk']]);
  });

  it('finds bare hosts only when they end in a real public suffix', () => {
    expect(links('Visit bit.ly/abc or harbourne.org.uk, not e.g. 9.30am or file.pdf')).toEqual([
      ['bit.ly/abc', 'bit.ly'],
      ['harbourne.org.uk', 'harbourne.org.uk'],
    ]);
  });

  it('does not take an email address or fediverse handle for a link', () => {
    expect(links('clerk@harbourne.org.uk and @walks@hiking.social')).toEqual([]);
  });
});

describe('masking', () => {
  it('keeps the first digits of a number and its spacing', () => {
    expect(maskKeeping('07700 900 417', 6)).toBe('07700 9•• •••');
    expect(maskKeeping('07700900417', 6)).toBe('077009•••••');
  });

  it('keeps the first letter and the domain of an email address', () => {
    expect(maskEmail('jenny.kellow@mailbox.example')).toBe('j•••@mailbox.example');
  });

  it('keeps only initials of a name', () => {
    expect(maskName('Jo Marsh')).toBe('J• M••••');
  });
});

describe('normalise, reading runs of plain ASCII at once', () => {
  /** The character-by-character course it replaced. */
  function reference(original: string): { text: string; map: number[] | null } {
    if (/^[\x20-\x25\x27-\x7e\n\r\t]*$/.test(original)) return { text: original, map: null };
    if (!/[&\u00ad\u180e\u200b-\u200d\u2060\ufeff]/.test(original) && original.normalize('NFKC') === original) return { text: original, map: null };
    const zeroWidth = new Set([0x00ad, 0x180e, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff]);
    const entity = /&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});/y;
    let out = '';
    const map: number[] = [];
    let i = 0;
    while (i < original.length) {
      const start = i;
      let chunk: string;
      if (original.charCodeAt(i) === 0x26) {
        entity.lastIndex = i;
        const m = entity.exec(original);
        const decoded = m ? decodeHTMLStrict(m[0]) : '&';
        chunk = decoded;
        i += m && decoded !== m[0] ? m[0].length : 1;
      } else {
        const cp = original.codePointAt(i)!;
        i += cp > 0xffff ? 2 : 1;
        if (zeroWidth.has(cp)) continue;
        chunk = String.fromCodePoint(cp);
        while (i < original.length && /\p{M}/u.test(original[i]!)) chunk += original[i++];
      }
      const normalised = chunk.charCodeAt(0) < 0x80 && chunk.length === 1 ? chunk : chunk.normalize('NFKC');
      for (let k = 0; k < normalised.length; k++) map.push(start);
      out += normalised;
    }
    map.push(original.length);
    return { text: out, map };
  }

  it('gives the text and offsets the character-by-character course gives', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.constantFrom('a', 'Ab ', '&amp;', '&#233;', '&bogus;', '&', 'e\u0301', 'a\u0301\u0302', '\u200b', 'ﬁ', '😀', '\u{1D165}', '£', '\t', '\x01', 'x&y'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((p) => p.join('')), (text) => {
        const { text: out, map } = normalise(text);
        expect({ text: out, map: map && [...map] }).toEqual(reference(text));
      }),
      { numRuns: 3_000, seed: 31 },
    );
  });
});
