/** The contacts module's texts in Dutch, merged into the console's catalogue (i18n/nl.ts). */
export const contactsNl = {
  contacts: {
    title: 'Contactpersonen',
    intro:
      'Per registratie de contactpersonen van de instelling. Zij ontvangen de berichten van de registratie. Alleen de DHD en de lokaal beheerders van de instelling zien ze.',
    empty: 'Nog geen contactpersonen.',
    registry: 'Registratie',
    name: 'Naam',
    role: 'Functie',
    email: 'E-mailadres',
    phone: 'Telefoon',
    add: 'Toevoegen',
    added: '{name} is toegevoegd.',
    remove: 'Verwijderen',
    removed: 'De contactpersoon is verwijderd.',
  },
  announcements: {
    title: 'Berichten aan contactpersonen',
    intro: 'Stuur een bericht aan alle contactpersonen van een registratie, en zie wat aan wie is gestuurd.',
    registry: 'Registratie',
    subject: 'Onderwerp',
    body: 'Bericht',
    send: 'Versturen',
    sent: 'Het bericht is verstuurd aan {count} contactpersonen.',
    history: 'Verstuurd',
    empty: 'Nog geen berichten verstuurd voor deze registratie.',
    recipients: 'Aan',
    sentAt: 'Verstuurd op',
  },
};
