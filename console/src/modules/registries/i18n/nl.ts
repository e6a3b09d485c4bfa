/** The registries module's texts in Dutch, merged into the console's catalogue (i18n/nl.ts). */
export const registriesNl = {
  registries: {
    title: 'Registraties en instellingen',
    heading: 'Registraties',
    intro: 'De kwaliteitsregistraties waarvoor de Datahub gegevens ontvangt, met hun deelaanleveringen.',
    empty: 'Er zijn nog geen registraties vastgelegd.',
    holder: 'Houder',
    channels: 'Aanleverkanalen',
    informationProduct: 'Informatieproduct door de Datahub',
    subDeliveries: 'Deelaanleveringen',
    noSubDeliveries: 'Deze registratie heeft nog geen deelaanleveringen.',
    column: {
      code: 'Code',
      name: 'Naam',
      frequency: 'Frequentie',
      deadline: 'Deadline',
      dictionaryVersions: 'Datadictionary',
    },
    noVersions: 'Nog geen versies',
    draft: 'concept, nog niet gepubliceerd',
    validFrom: 'geaccepteerd vanaf {from}',
    validFromTo: 'geaccepteerd van {from} tot en met {to}',
  },
  deadline: {
    unknown: 'Niet vastgelegd',
    day: 'Uiterlijk dag {day} van de laatste maand van de periode | Uiterlijk dag {day} van de maand na afloop van de periode | Uiterlijk dag {day} van de {months}e maand na afloop van de periode',
    lastDay:
      'Uiterlijk de laatste dag van de periode | Uiterlijk de laatste dag van de maand na afloop van de periode | Uiterlijk de laatste dag van de {months}e maand na afloop van de periode',
    fixedDate: 'Uiterlijk {date} van het periodejaar | Uiterlijk {date} van het jaar na het periodejaar | Uiterlijk {date}, {years} jaar na het periodejaar',
  },
  institutions: {
    heading: 'Instellingen',
    intro: 'De zorginstellingen die bij de Datahub zijn aangesloten, met hun instellingsonderdelen.',
    filterLabel: 'Zoek een instelling',
    filterPlaceholder: 'Code, naam of onderdeel',
    count: 'Geen instellingen | 1 instelling | {n} instellingen',
    filteredCount: '{shown} van {total} instellingen',
    empty: 'Geen instellingen gevonden.',
    column: {
      code: 'Instellingscode',
      name: 'Naam',
      type: 'Type',
      active: 'Actief',
      units: 'Onderdelen',
    },
  },
};
