import { daysInMonth, formatIsoDate } from './calendar';

/** What span of time a delivery covers; also a sub-delivery's delivery frequency. */
export enum Frequency {
  MONTH = 'MONTH',
  QUARTER = 'QUARTER',
  HALF_YEAR = 'HALF_YEAR',
  YEAR = 'YEAR',
  TOTAL = 'TOTAL',
}

export class PeriodParseError extends Error {
  constructor(readonly input: string) {
    super(`"${input}" is not a period: use a month (2026M03), a quarter (2026K1), a half year (2026H1), ` + 'a year (2026) or TOTAAL.');
  }
}

const PERIOD = /^(\d{4})(?:M(0[1-9]|1[0-2])|K([1-4])|H([12]))?$/;
const FIRST_YEAR = 1900;
const LAST_YEAR = 2999;

/**
 * A delivery period as the registries write it (docs/domain.md#periods): `2026M03`, `2026K1`, `2026H1`,
 * `2026` or `TOTAAL` (everything so far, which has no dates of its own).
 */
export class Period {
  private constructor(
    readonly kind: Frequency,
    /** The calendar year; null for TOTAAL. */
    readonly year: number | null,
    /** Month 1–12, quarter 1–4 or half 1–2 within the year; null for a year or TOTAAL. */
    readonly index: number | null,
  ) {}

  static readonly TOTAL = new Period(Frequency.TOTAL, null, null);

  static parse(input: string): Period {
    if (input === 'TOTAAL') return Period.TOTAL;
    const match = PERIOD.exec(input);
    if (!match) throw new PeriodParseError(input);
    const year = Number(match[1]);
    if (year < FIRST_YEAR || year > LAST_YEAR) throw new PeriodParseError(input);
    if (match[2]) return new Period(Frequency.MONTH, year, Number(match[2]));
    if (match[3]) return new Period(Frequency.QUARTER, year, Number(match[3]));
    if (match[4]) return new Period(Frequency.HALF_YEAR, year, Number(match[4]));
    return new Period(Frequency.YEAR, year, null);
  }

  static tryParse(input: string): Period | null {
    try {
      return Period.parse(input);
    } catch {
      return null;
    }
  }

  /** The canonical code, e.g. `2026K1`. */
  get code(): string {
    switch (this.kind) {
      case Frequency.TOTAL:
        return 'TOTAAL';
      case Frequency.YEAR:
        return String(this.year);
      case Frequency.MONTH:
        return `${this.year}M${String(this.index).padStart(2, '0')}`;
      case Frequency.QUARTER:
        return `${this.year}K${this.index}`;
      case Frequency.HALF_YEAR:
        return `${this.year}H${this.index}`;
    }
  }

  /** First and last month (1–12) the period spans; null for TOTAAL. */
  private get months(): { first: number; last: number } | null {
    const index = this.index ?? 1;
    switch (this.kind) {
      case Frequency.TOTAL:
        return null;
      case Frequency.YEAR:
        return { first: 1, last: 12 };
      case Frequency.MONTH:
        return { first: index, last: index };
      case Frequency.QUARTER:
        return { first: index * 3 - 2, last: index * 3 };
      case Frequency.HALF_YEAR:
        return { first: index * 6 - 5, last: index * 6 };
    }
  }

  /** First day of the period (`YYYY-MM-DD`); null for TOTAAL. */
  get startDate(): string | null {
    const months = this.months;
    return months && this.year !== null ? formatIsoDate(this.year, months.first, 1) : null;
  }

  /** Last day of the period (`YYYY-MM-DD`); null for TOTAAL. */
  get endDate(): string | null {
    const months = this.months;
    if (!months || this.year === null) return null;
    return formatIsoDate(this.year, months.last, daysInMonth(this.year, months.last));
  }

  /** Whether an ISO date falls inside the period; every date falls inside TOTAAL. */
  contains(isoDate: string): boolean {
    const start = this.startDate;
    const end = this.endDate;
    return start === null || end === null || (isoDate >= start && isoDate <= end);
  }

  equals(other: Period): boolean {
    return this.code === other.code;
  }

  toString(): string {
    return this.code;
  }
}
