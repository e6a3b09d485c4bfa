/** The mergers module's texts in Dutch, merged into the console's catalogue (i18n/nl.ts). */
export const mergersNl = {
  mergers: {
    title: 'Fusies',
    intro:
      'Bij een fusie gaat instelling A vanaf een datum op in instelling B. Vanaf die datum levert A niet meer aan; de deelnames, verwachte aanleveringen en bewaarde records van A lopen door onder B. De historie van A blijft leesbaar onder A, en de gebruikers van B zien die historie tot de fusiedatum. Ontvlechting (defusie) wordt niet ondersteund.',
    formHeading: 'Fusie vastleggen',
    from: 'Instelling die opgaat (A), instellingscode',
    into: 'Instelling waarin zij opgaat (B), instellingscode',
    effectiveDate: 'Fusiedatum',
    note: 'Toelichting',
    submit: 'Fusie vastleggen',
    confirm: 'Instelling {from} gaat vanaf {date} op in {into}. Dit kan niet ongedaan worden gemaakt. Doorgaan?',
    recorded: 'De fusie is vastgelegd.',
    recordedPending: 'De fusie is vastgelegd en wordt op de fusiedatum doorgevoerd.',
    listHeading: 'Vastgelegde fusies',
    empty: 'Er zijn nog geen fusies vastgelegd.',
    column: {
      from: 'Opgegaan (A)',
      into: 'Voortgezet door (B)',
      effectiveDate: 'Fusiedatum',
      note: 'Toelichting',
      state: 'Stand',
    },
    applied: 'Doorgevoerd {at}',
    pending: 'Wacht op de fusiedatum',
  },
};
