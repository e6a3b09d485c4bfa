import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { ResolvedDictionary } from '@datahub/validation';
import { addMonths, daysInMonth, formatIsoDate, parseIsoDate } from '../../common/calendar';

/** What a demo file should give when the real processing checks it. */
export enum DemoOutcome {
  /** Every record valid: PROCESSED. */
  CLEAN = 'CLEAN',
  /** One record in ten with a code outside its reference table (or a letter in a number): PROCESSED_WITH_ERRORS. */
  RECORD_ERRORS = 'RECORD_ERRORS',
  /** A misspelt column in the header: the whole file REJECTED. */
  REJECTED = 'REJECTED',
}

export interface DemoFileSpec {
  dictionary: ResolvedDictionary;
  /** The dictionary's valid CSV example (`examples/valid.csv`). */
  example: string;
  /** First day of the period the example was written for (`YYYY-MM-DD`). */
  exampleStart: string;
  /** First day of the span the file's records must fall in (`YYYY-MM-DD`). */
  targetStart: string;
  /** How many times the example's records are repeated, each time under new keys. */
  copies: number;
  /** Makes the keys of this file its own (letters and digits only). */
  tag: string;
  outcome: DemoOutcome;
}

function monthsBetween(from: string, to: string): number {
  const a = parseIsoDate(from);
  const b = parseIsoDate(to);
  if (!a || !b) throw new Error(`not a date: ${a ? to : from}`);
  return (b.year - a.year) * 12 + (b.month - a.month);
}

/** The same day `months` later, the last day of the month where it has fewer days. */
function shiftDate(value: string, months: number): string {
  const date = parseIsoDate(value);
  if (!date) return value;
  const { year, month } = addMonths(date.year, date.month, months);
  return formatIsoDate(year, month, Math.min(date.day, daysInMonth(year, month)));
}

/**
 * A delivery file made from a dictionary's valid example, for the demo: its records moved into the
 * target period (every date by the same number of months, so ages and intervals stay as they were),
 * repeated under keys of their own (the string key fields get a suffix; identifying fields such as
 * a BSN keep their checked values), with the fault the outcome asks for. The file goes through the
 * real upload processing, so what the demo shows is what the engine says about it.
 */
export function demoFile(spec: DemoFileSpec): string {
  const { dictionary } = spec;
  const [header, ...rows] = parse(spec.example, { bom: true }) as string[][];
  if (!header || rows.length === 0) throw new Error(`${dictionary.registry}/${dictionary.subDelivery}: the valid example has no records`);
  const fields = new Map(dictionary.fields.map((field) => [field.name, field]));
  const keys = new Set([...dictionary.primaryKey, ...(dictionary.patientKey ?? [])]);
  const months = monthsBetween(spec.exampleStart, spec.targetStart);
  const dated = header.map((name) => fields.get(name)?.type === 'date');
  const varied = header.map((name) => {
    const field = fields.get(name);
    return Boolean(field && keys.has(name) && field.type === 'string' && !field.identifying);
  });
  // The fault for RECORD_ERRORS: the first code field outside the keys gets a code no table has
  // (001_RefTab); without one, the first number gets a letter (002_Type). Both reject the record.
  const outsideKeys = (type: string) => header.findIndex((name) => fields.get(name)?.type === type && !keys.has(name));
  const codeColumn = outsideKeys('code');
  const faultColumn = codeColumn >= 0 ? codeColumn : outsideKeys('integer');
  const faultValue = codeColumn >= 0 ? 'ZZ' : 'X';
  const records: string[][] = [];
  for (let copy = 0; copy < spec.copies; copy += 1) {
    for (const row of rows) {
      const record = row.map((cell, column) => {
        if (cell === '') return cell;
        if (dated[column]) return shiftDate(cell, months);
        if (varied[column]) return `${cell}${spec.tag}N${copy}`;
        return cell;
      });
      if (spec.outcome === DemoOutcome.RECORD_ERRORS && faultColumn >= 0 && records.length % 10 === 3) record[faultColumn] = faultValue;
      records.push(record);
    }
  }
  const head = spec.outcome === DemoOutcome.REJECTED ? header.map((name, column) => (column === header.length - 1 ? `${name}X` : name)) : header;
  return stringify([head, ...records]);
}
