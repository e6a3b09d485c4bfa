import { expect } from 'chai';
import { feeBounds, type FeeProposal, proposeFee, vatOf, weightedFee } from '../../server/src/data-requests/fees';

const proposal = (result: ReturnType<typeof proposeFee>): FeeProposal => {
  if (typeof result === 'string') throw new Error(`refused: ${result}`);
  return result;
};

describe('data request fee engine (integer cents)', () => {
  it('bounds a year at EUR 1,000 to 12,500 excluding VAT, doubled for commercial use (EUR 2,000 to 25,000)', () => {
    expect(feeBounds(false)).to.deep.equal({ minCents: 100_000, maxCents: 1_250_000 });
    expect(feeBounds(true)).to.deep.equal({ minCents: 200_000, maxCents: 2_500_000 });
  });

  it('weights linearly between the bounds in basis points, rounding half up to the cent', () => {
    expect(weightedFee(feeBounds(false), 0)).to.equal(100_000);
    expect(weightedFee(feeBounds(false), 10_000)).to.equal(1_250_000);
    expect(weightedFee(feeBounds(false), 5_000)).to.equal(675_000);
    expect(weightedFee(feeBounds(true), 2_500)).to.equal(775_000);
    // 3 × 5,000 / 10,000 = 1.5 cents: half up to 2
    expect(weightedFee({ minCents: 0, maxCents: 3 }, 5_000)).to.equal(2);
  });

  it('charges each registration year once, adds handling as separate lines and VAT of 21% on the total', () => {
    const fee = proposal(
      proposeFee({ years: [2025, 2024, 2025], commercial: true, weight: 2_500, handling: [{ description: 'Afhandelingskosten', cents: 45_000 }] }),
    );
    expect(fee.lines.map((line) => [line.kind, line.year, line.cents])).to.deep.equal([
      ['FEE', 2024, 775_000],
      ['FEE', 2025, 775_000],
      ['HANDLING', null, 45_000],
    ]);
    expect(fee.totalExclVatCents).to.equal(1_595_000);
    expect(fee.vatCents).to.equal(334_950);
    expect(fee.totalInclVatCents).to.equal(1_929_950);
    expect(fee.deviates).to.equal(false);
  });

  it('rounds VAT half up to the cent once on the total (EUR 0.005 up, below it down)', () => {
    expect(vatOf(50)).to.equal(11); // 10.5 cents → 11
    expect(vatOf(2)).to.equal(0); // 0.42 cents → 0
    expect(vatOf(123_457)).to.equal(25_926); // 25,925.97 → 25,926
    expect(vatOf(100_001)).to.equal(21_000); // 21,000.21 → 21,000
  });

  it('refuses a fee per year outside the bounds without a reason and accepts it with one, marking the deviation', () => {
    expect(proposeFee({ years: [2024], commercial: false, weight: 0, feePerYearCents: 1_300_000 })).to.equal('DEVIATION_REASON_REQUIRED');
    expect(proposeFee({ years: [2024], commercial: true, weight: 0, feePerYearCents: 150_000, deviationReason: ' ' })).to.equal('DEVIATION_REASON_REQUIRED');
    const fee = proposal(proposeFee({ years: [2024], commercial: false, weight: 0, feePerYearCents: 1_300_000, deviationReason: 'Landelijke dekking' }));
    expect(fee).to.include({ perYearCents: 1_300_000, deviates: true });
    expect(proposeFee({ years: [2024], commercial: false, weight: 0, feePerYearCents: 1_250_000 })).to.include({ deviates: false });
  });

  it('refuses no years, a weight outside 0 to 10,000 and amounts that are not whole non-negative cents', () => {
    expect(proposeFee({ years: [], commercial: false, weight: 0 })).to.equal('YEARS_REQUIRED');
    expect(proposeFee({ years: [2024], commercial: false, weight: 10_001 })).to.equal('WEIGHT_RANGE');
    expect(proposeFee({ years: [2024], commercial: false, weight: 1.5 })).to.equal('WEIGHT_RANGE');
    expect(proposeFee({ years: [2024], commercial: false, weight: 0, feePerYearCents: 100.5, deviationReason: 'x' })).to.equal('AMOUNT_INVALID');
    expect(proposeFee({ years: [2024], commercial: false, weight: 0, handling: [{ description: 'x', cents: -1 }] })).to.equal('AMOUNT_INVALID');
  });
});
