import { registerEnumType } from 'type-graphql';

/** The usage context that sets the fee (protocol art. 8, 10): commercial use doubles it. Hub staff may correct the requester's choice. */
export enum UsageContext {
  SCIENTIFIC = 'SCIENTIFIC',
  POLICY = 'POLICY',
  SOCIETAL = 'SOCIETAL',
  COMMERCIAL = 'COMMERCIAL',
}

/** Who asks for whose data (protocol art. 3, 4): detected when submitted, confirmed by hub staff. */
export enum DataRequestKind {
  OWN_DATA = 'OWN_DATA',
  JOINT = 'JOINT',
  NFU_NVZ = 'NFU_NVZ',
  THIRD_PARTY = 'THIRD_PARTY',
}

export enum DataLevel {
  DETAIL = 'DETAIL',
  AGGREGATED = 'AGGREGATED',
}

/** Whose data: every institution, a list, or the requester's own institution. */
export enum InstitutionSelection {
  ALL = 'ALL',
  LIST = 'LIST',
  OWN = 'OWN',
}

/** What an institution gives for a request: consent to a joint request, or the written order to provide identifying data. */
export enum ConsentKind {
  CONSENT = 'CONSENT',
  WRITTEN_ORDER = 'WRITTEN_ORDER',
}

/** Flags hub staff set on users: a director's authority for an institution, or membership of the privacy committee. */
export enum AuthorityKind {
  DIRECTOR = 'DIRECTOR',
  COMMITTEE = 'COMMITTEE',
}

registerEnumType(UsageContext, {
  name: 'UsageContext',
  description: 'What the data will be used for; commercial use doubles the fee bounds.',
  valuesConfig: {
    SCIENTIFIC: { description: 'Scientific research (wetenschappelijk).' },
    POLICY: { description: 'Policy (beleid).' },
    SOCIETAL: { description: 'Societal (maatschappelijk).' },
    COMMERCIAL: { description: 'Commercial (commercieel): fee bounds +100%.' },
  },
});
registerEnumType(DataRequestKind, {
  name: 'DataRequestKind',
  description: 'Who asks for whose data; detected when submitted, confirmed by hub staff.',
  valuesConfig: {
    OWN_DATA: { description: "An institution's user asking for that institution's data only: no assessment by the hub." },
    JOINT: { description: "Several institutions together: each other institution's written consent comes before assessment." },
    NFU_NVZ: { description: 'NFU or NVZ, by agreement with the hub.' },
    THIRD_PARTY: { description: 'Anyone else: assessed by the hub.' },
  },
});
registerEnumType(DataLevel, {
  name: 'DataLevel',
  description: 'Detail (record) level or aggregated; data is delivered at the highest aggregation that serves the purpose.',
  valuesConfig: { DETAIL: { description: 'Record level.' }, AGGREGATED: { description: 'Aggregated; the aggregation is named.' } },
});
registerEnumType(InstitutionSelection, {
  name: 'InstitutionSelection',
  description: 'Whose data a request asks for.',
  valuesConfig: {
    ALL: { description: 'Every institution.' },
    LIST: { description: 'The institutions listed.' },
    OWN: { description: "The requester's own institution." },
  },
});
registerEnumType(ConsentKind, {
  name: 'ConsentKind',
  description: 'What an institution gave for a data request.',
  valuesConfig: {
    CONSENT: { description: "Written consent to a joint request (by the institution's local administrator)." },
    WRITTEN_ORDER: { description: "Written order to provide identifying data (by a user with the institution's director authority)." },
  },
});
registerEnumType(AuthorityKind, {
  name: 'AuthorityKind',
  description: 'A flag hub staff set on a user for data requests.',
  valuesConfig: {
    DIRECTOR: { description: 'May sign written orders for an institution (vertegenwoordigingsbevoegd bestuurder).' },
    COMMITTEE: { description: 'Member of the privacy committee (hub users only).' },
  },
});
