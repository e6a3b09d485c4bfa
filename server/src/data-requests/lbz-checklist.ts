/**
 * The LBZ checklist of the protocol's appendix 1: the fields a request may tick, in groups, with
 * their footnotes. `identifying` marks the patient's unique identification: ticking it asks for
 * identifying data, which needs every institution's written order.
 */
export interface ChecklistField {
  name: string;
  group: string;
  /** Footnote marks: `*` in specific research another variable may be used; `**` no specialism for the main diagnosis or procedure. */
  footnote: string | null;
  identifying: boolean;
}

const f = (group: string, name: string, footnote: string | null = null, identifying = false): ChecklistField => ({ group, name, footnote, identifying });

export const LBZ_FOOTNOTES: Record<string, string> = {
  '*': 'In specifieke onderzoeken kan van deze variabele worden afgeweken.',
  '**': 'Geen specialisme voor hoofddiagnose of -verrichting.',
};

export const LBZ_CHECKLIST: readonly ChecklistField[] = [
  f('Instelling', 'Type instelling (UMC/Perifeer)', '*'),
  f('Patiënt', 'Unieke identificatie patiënt', null, true),
  f('Patiënt', 'Leeftijdscategorie', '*'),
  f('Patiënt', 'Geslacht'),
  f('Patiënt', 'Gemeentecode patiënt', '*'),
  f('Patiënt', 'Landcode'),
  f('Gegevens over de ziekenhuisopname', 'Type zorgverlening (kliniek, dagverpleging, ambulant)'),
  f('Gegevens over de ziekenhuisopname', 'Opnamedatum'),
  f('Gegevens over de ziekenhuisopname', 'Opname-urgentie'),
  f('Gegevens over de ziekenhuisopname', 'Herkomst'),
  f('Gegevens over de ziekenhuisopname', 'Opname specialisme'),
  f('Gegevens over de ziekenhuisopname', 'Ontslag specialisme'),
  f('Gegevens over de ziekenhuisopname', 'Hoofddiagnose'),
  f('Gegevens over de ziekenhuisopname', 'Primaire diagnose'),
  f('Gegevens over de ziekenhuisopname', 'Nevendiagnose'),
  f('Gegevens over de ziekenhuisopname', 'Diagnose specialisme', '**'),
  f('Gegevens over de ziekenhuisopname', 'Hoofdverrichting'),
  f('Gegevens over de ziekenhuisopname', 'Nevenverrichting'),
  f('Gegevens over de ziekenhuisopname', 'Datum verrichting'),
  f('Gegevens over de ziekenhuisopname', 'Verrichting specialisme'),
  f('Gegevens over de ziekenhuisopname', 'Aantal verrichtingen'),
  f('Gegevens over de ziekenhuisopname', 'Verrichting instelling'),
  f('Gegevens over de ziekenhuisopname', 'Verrichting specialisme (nevenverrichting)', '**'),
  f('Gegevens over vervolg ziekenhuisopname', 'Datum ontslag'),
  f('Gegevens over vervolg ziekenhuisopname', 'Bestemming'),
];

/** The protocol version a requester accepts when submitting. */
export const PROTOCOL_VERSION = '2.2';
