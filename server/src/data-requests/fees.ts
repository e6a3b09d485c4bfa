/**
 * The fee engine of the data request protocol (art. 10 and 11), in whole euro cents: never floating
 * point. Per request and per registration year the fee lies between EUR 1,000 and EUR 12,500
 * excluding VAT, weighted by the information value and size of the data (hub staff choose the
 * weight); commercial use doubles both bounds (EUR 2,000 to 25,000). Handling costs are separate
 * lines. A fee outside the bounds ("bijzondere gevallen") needs a recorded reason. VAT is 21%,
 * computed once on the total excluding VAT and rounded half up to the cent.
 */

export const FEE_MIN_CENTS = 100_000;
export const FEE_MAX_CENTS = 1_250_000;
/** Commercial use: a surcharge of 100%. */
export const COMMERCIAL_FACTOR = 2;
/** The weight in basis points: 0 gives the lower bound, 10,000 the upper one. */
export const WEIGHT_MAX = 10_000;
export const VAT_PERCENT = 21;

export interface FeeBounds {
  minCents: number;
  maxCents: number;
}

/** The bounds per registration year for a usage context. */
export function feeBounds(commercial: boolean): FeeBounds {
  const factor = commercial ? COMMERCIAL_FACTOR : 1;
  return { minCents: FEE_MIN_CENTS * factor, maxCents: FEE_MAX_CENTS * factor };
}

/** Rounds `numerator / denominator` (both ≥ 0, integers) half up to a whole number. */
export function divideHalfUp(numerator: number, denominator: number): number {
  if (!Number.isSafeInteger(numerator) || !Number.isSafeInteger(denominator) || numerator < 0 || denominator <= 0) {
    throw new RangeError('whole, non-negative amounts only');
  }
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** 21% VAT on an amount in cents, rounded half up to the cent (EUR 0.005 and more rounds up). */
export function vatOf(cents: number): number {
  return divideHalfUp(cents * VAT_PERCENT, 100);
}

export interface FeeInput {
  /** The registration years asked for (each is charged once). */
  years: number[];
  commercial: boolean;
  /** 0 … 10,000 basis points between the bounds. */
  weight: number;
  /** A fee per year chosen by hub staff instead of the weighted one; outside the bounds only with `deviationReason`. */
  feePerYearCents?: number | null;
  deviationReason?: string | null;
  handling?: { description: string; cents: number }[];
}

export type FeeLineKind = 'FEE' | 'HANDLING';

export interface FeeLine {
  kind: FeeLineKind;
  description: string;
  /** The registration year a FEE line is for; null for handling costs. */
  year: number | null;
  cents: number;
}

export interface FeeProposal {
  bounds: FeeBounds;
  /** The weighted fee per year the engine proposes. */
  weightedPerYearCents: number;
  /** The fee per year on the quote: the weighted one or the one hub staff chose. */
  perYearCents: number;
  /** True when the fee per year lies outside the bounds (then a reason is recorded). */
  deviates: boolean;
  lines: FeeLine[];
  totalExclVatCents: number;
  vatCents: number;
  totalInclVatCents: number;
}

export type FeeProblem = 'YEARS_REQUIRED' | 'WEIGHT_RANGE' | 'AMOUNT_INVALID' | 'DEVIATION_REASON_REQUIRED';

/** The weighted fee per year: the lower bound plus the weight's share of the span, rounded half up to the cent. */
export function weightedFee(bounds: FeeBounds, weight: number): number {
  return bounds.minCents + divideHalfUp((bounds.maxCents - bounds.minCents) * weight, WEIGHT_MAX);
}

/** The proposal for a quote, or the first problem with the input. */
export function proposeFee(input: FeeInput): FeeProposal | FeeProblem {
  const years = [...new Set(input.years)].sort((a, b) => a - b);
  if (!years.length) return 'YEARS_REQUIRED';
  if (!Number.isInteger(input.weight) || input.weight < 0 || input.weight > WEIGHT_MAX) return 'WEIGHT_RANGE';
  const handling = input.handling ?? [];
  const chosen = input.feePerYearCents ?? null;
  if ([chosen ?? 0, ...handling.map((line) => line.cents)].some((cents) => !Number.isSafeInteger(cents) || cents < 0)) return 'AMOUNT_INVALID';
  const bounds = feeBounds(input.commercial);
  const weightedPerYearCents = weightedFee(bounds, input.weight);
  const perYearCents = chosen ?? weightedPerYearCents;
  const deviates = perYearCents < bounds.minCents || perYearCents > bounds.maxCents;
  if (deviates && !input.deviationReason?.trim()) return 'DEVIATION_REASON_REQUIRED';
  const lines: FeeLine[] = [
    ...years.map((year) => ({ kind: 'FEE' as const, description: `Vergoeding registratiejaar ${year}`, year, cents: perYearCents })),
    ...handling.map((line) => ({ kind: 'HANDLING' as const, description: line.description, year: null, cents: line.cents })),
  ];
  const totalExclVatCents = lines.reduce((sum, line) => sum + line.cents, 0);
  const vatCents = vatOf(totalExclVatCents);
  return { bounds, weightedPerYearCents, perYearCents, deviates, lines, totalExclVatCents, vatCents, totalInclVatCents: totalExclVatCents + vatCents };
}
