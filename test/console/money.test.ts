import { createRequire } from 'node:module';
import path from 'node:path';
import { expect } from 'chai';

// Loaded at run time like the catalogues (see messages.test.ts): the console's sources are vue-tsc's to check.
const money = createRequire(__filename)(path.resolve(__dirname, '../../console/src/modules/data-requests/money.ts')) as {
  formatEuroCents(cents: number, locale: 'nl' | 'en'): string;
  parseEuros(text: string): number | null;
};
const plain = (text: string) => text.replace(/\u00a0/g, ' ');

describe('console: euro amounts of data request quotes (no browser)', () => {
  it('formats integer cents as euros in Dutch and in English', () => {
    expect(plain(money.formatEuroCents(200000, 'nl'))).to.equal('€ 2.000,00');
    expect(plain(money.formatEuroCents(1929950, 'nl'))).to.equal('€ 19.299,50');
    expect(money.formatEuroCents(1929950, 'en')).to.equal('€19,299.50');
    expect(plain(money.formatEuroCents(5, 'nl'))).to.equal('€ 0,05');
  });

  it('reads euros as typed, Dutch or English, to whole cents, and refuses what is not an amount', () => {
    const cases: [string, number | null][] = [
      ['450', 45000],
      ['450,50', 45050],
      ['450,5', 45050],
      ['1.250,00', 125000],
      ['1.250', 125000],
      ['1250.5', 125050],
      ['€ 450', 45000],
      [' 7 ', 700],
      ['', null],
      ['4,505', null],
      ['-5', null],
      ['abc', null],
      ['1.2.3', null],
    ];
    for (const [text, cents] of cases) expect(money.parseEuros(text), JSON.stringify(text)).to.equal(cents);
  });
});
