import { DataLevel, UsageContext } from './data-request-enums';
import type { DataRequest } from './data-request.entity';
import type { DataRequestQuote } from './data-request-quote.entity';
import { DEFAULT_USAGE_MONTHS, DESTRUCTION_MONTHS, INVOICE_PAYMENT_DAYS } from './working-days';
import { VAT_PERCENT } from './fees';

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char] as string);
}

const EURO = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', minimumFractionDigits: 2 });

/** Whole euro cents as nl-NL euros (`€ 7.750,00`); the division is for display only. */
export function euros(cents: number): string {
  return EURO.format(cents / 100);
}

const USAGE: Record<UsageContext, string> = {
  SCIENTIFIC: 'wetenschappelijk',
  POLICY: 'beleidsmatig',
  SOCIETAL: 'maatschappelijk',
  COMMERCIAL: 'commercieel',
};

/** The stylesheet the quote document links to (the Content-Security-Policy allows no inline styles). */
export const QUOTE_CSS = `body{font-family:Georgia,serif;max-width:48rem;margin:2rem auto;color:#111;line-height:1.4}
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.5rem;border-bottom:1px solid #999}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd}
td.amount,th.amount{text-align:right;white-space:nowrap}tfoot td{font-weight:bold}
.signature{margin-top:2rem;display:grid;grid-template-columns:10rem 1fr;gap:.5rem}.line{border-bottom:1px solid #111;min-height:1.5rem}
.letter{white-space:pre-wrap}@media print{body{margin:0}a{color:inherit}}
`;

export interface QuoteDocumentInput {
  request: DataRequest;
  quote: DataRequestQuote;
  requesterOrganisation: string;
  institutions: string[];
  /** The signed copy's time in Europe/Amsterdam, when signed. */
  signedAtText: string | null;
}

/**
 * The quote (offerte) as a printable HTML page in Dutch: purpose and scope as narrowed by the
 * decision, the term, the fee lines with VAT and totals, conditions, the decision letter, the
 * protocol version and the signature block. Every text is escaped; no script, no inline style.
 */
export function quoteDocument({ request, quote, requesterOrganisation, institutions, signedAtText }: QuoteDocumentInput): string {
  const e = escapeHtml;
  const fields = request.narrowedFields ?? request.fields;
  const years = request.narrowedYears ?? request.years;
  const term = request.termMonths ? `${request.termMonths} maanden` : `${DEFAULT_USAGE_MONTHS} maanden (geen termijn afgesproken: maximaal 1 jaar)`;
  const lines = quote.lines.map((line) => `<tr><td>${e(line.description)}</td><td class="amount">${e(euros(line.cents))}</td></tr>`).join('\n');
  const row = (label: string, value: string) => `<tr><th>${e(label)}</th><td>${e(value)}</td></tr>`;
  const signature = quote.signedAt
    ? `<p>Getekend door ${e(quote.signedName ?? '')}, ${e(quote.signedFunction ?? '')}, op ${e(signedAtText ?? '')}${
        quote.signedOnPaper ? ' (getekend exemplaar ontvangen door DHD)' : ' (in de datahub)'
      }.</p>`
    : '';
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<title>Offerte gegevensverzoek ${e(request.id)}</title>
<link rel="stylesheet" href="/api/data-requests/quote.css">
</head>
<body>
<h1>Offerte gegevensverzoek</h1>
<table>
${row('Verzoek', request.id)}
${row('Verzoeker', requesterOrganisation)}
${request.coRequesters.length ? row('Medeverzoekers', request.coRequesters.join(', ')) : ''}
${row('Gebruikscontext', USAGE[request.usageContext])}
</table>
<h2>Gebruiksdoel</h2>
<p class="letter">${e(request.narrowedPurpose ?? request.purpose)}</p>
<h2>Omvang van de levering</h2>
<table>
${row('Gegevensverzameling', request.dataset)}
${row('Velden', fields.join(', '))}
${row('Registratiejaren', years.join(', '))}
${row('Instellingen', institutions.length ? institutions.join(', ') : 'alle instellingen')}
${row('Niveau', request.level === DataLevel.DETAIL ? 'detailniveau (per record)' : `geaggregeerd${request.aggregation ? `: ${request.aggregation}` : ''}`)}
${row('Termijn gebruiksrecht', term)}
</table>
<p>Het gebruiksrecht loopt vanaf de levering; de gegevens worden uiterlijk ${DESTRUCTION_MONTHS} kalendermaanden na afloop ervan vernietigd.</p>
<h2>Vergoeding</h2>
<table>
<thead><tr><th>Omschrijving</th><th class="amount">Bedrag excl. btw</th></tr></thead>
<tbody>
${lines}
</tbody>
<tfoot>
<tr><td>Totaal excl. btw</td><td class="amount">${e(euros(quote.totalExclVatCents))}</td></tr>
<tr><td>Btw ${VAT_PERCENT}%</td><td class="amount">${e(euros(quote.vatCents))}</td></tr>
<tr><td>Totaal incl. btw</td><td class="amount">${e(euros(quote.totalInclVatCents))}</td></tr>
</tfoot>
</table>
${quote.deviationReason ? `<p>Afwijkende vergoeding: ${e(quote.deviationReason)}</p>` : ''}
<p>De factuur dient binnen ${INVOICE_PAYMENT_DAYS} kalenderdagen na dagtekening te worden voldaan.</p>
<h2>Voorwaarden</h2>
<p class="letter">${e(request.conditions ?? 'Geen aanvullende voorwaarden.')}</p>
<h2>Besluit</h2>
<p class="letter">${e(request.decisionLetter ?? '')}</p>
<h2>Protocol</h2>
<p>Op deze offerte zijn het Protocol gegevensverzoeken versie ${e(request.protocolVersion ?? '')} en de Aflevervoorwaarden van toepassing; samen met het gegevensverzoek vormen zij de overeenkomst.</p>
<h2>Ondertekening</h2>
${signature}
<div class="signature">
<span>Naam</span><span class="line">${e(quote.signedName ?? '')}</span>
<span>Functie</span><span class="line">${e(quote.signedFunction ?? '')}</span>
<span>Datum</span><span class="line">${e(signedAtText ?? '')}</span>
<span>Handtekening</span><span class="line"></span>
</div>
</body>
</html>
`;
}
