import type { contactsNl } from './nl';

/** The contacts module's texts in English: the same keys as the Dutch ones, or the typecheck fails. */
export const contactsEn: typeof contactsNl = {
  contacts: {
    title: 'Contact persons',
    intro:
      "Per registry the institution's contact persons. They receive the registry's announcements. Only DHD and the institution's local administrators see them.",
    empty: 'No contact persons yet.',
    registry: 'Registry',
    name: 'Name',
    role: 'Role',
    email: 'Email address',
    phone: 'Phone',
    add: 'Add',
    added: '{name} has been added.',
    remove: 'Remove',
    removed: 'The contact person has been removed.',
  },
  announcements: {
    title: 'Announcements to contact persons',
    intro: 'Send a message to every contact person of a registry, and see what was sent to whom.',
    registry: 'Registry',
    subject: 'Subject',
    body: 'Message',
    send: 'Send',
    sent: 'The message was sent to {count} contact persons.',
    history: 'Sent',
    empty: 'No announcements sent for this registry yet.',
    recipients: 'To',
    sentAt: 'Sent at',
  },
};
