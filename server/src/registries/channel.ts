import { registerEnumType } from 'type-graphql';

/** How an institution delivers to a registry (kanaal); one channel per registry at a time. */
export enum Channel {
  PORTAL = 'PORTAL',
  FHIR = 'FHIR',
  ENTRY_PORTAL = 'ENTRY_PORTAL',
}

registerEnumType(Channel, {
  name: 'Channel',
  description: 'Delivery channel (kanaal).',
  valuesConfig: {
    PORTAL: { description: 'File upload (CSV/XML) in the web portal (Webportaal).' },
    FHIR: { description: 'FHIR submission from the hospital system.' },
    ENTRY_PORTAL: { description: 'Manual entry per patient (Invoerportaal); cataract only.' },
  },
});
