import type { entryPortalNl } from './nl';

/** The entry portal module's texts in English (same keys as Dutch). */
export const entryPortalEn: typeof entryPortalNl = {
  entryPortal: {
    title: 'Enter data',
    intro:
      'Enter the operations one patient at a time. The fields come from the data dictionary; as you type, the Data Hub checks them with the same checks and messages as processing does. Entries stay drafts until you submit the period.',
    noTargets: 'You do not enter data by hand for any registry: your institution delivers through another channel.',
    stream: 'Institution and registry',
    period: 'Period',
    unit: 'Unit',
    entriesHeading: 'Entries of {period}',
    empty: 'No entries for this period yet.',
    count: '{n} entry | {n} entries',
    status: 'Status',
    statuses: {
      HAS_ERRORS: 'Has errors',
      COMPLETE: 'Complete',
      SUBMITTED: 'Submitted',
    },
    add: 'Add operation',
    edit: 'Edit',
    delete: 'Delete',
    deleteConfirm: 'Delete this entry? If it was submitted already, the next submission of the period leaves it out.',
    deleted: 'The entry was deleted.',
    form: {
      newHeading: 'New operation',
      editHeading: 'Edit operation',
      save: 'Save',
      cancel: 'Cancel',
      saved: 'The entry was saved.',
      savedWithErrors: 'Saved as a draft with {n} error. | Saved as a draft with {n} errors.',
      choose: 'Choose…',
      recordMessages: 'Messages about the whole entry',
      pickDate: 'Pick a date',
    },
    submit: 'Submit period',
    submitConfirm: 'Submit all {n} entries of {period} as one delivery? A later submission of the same period replaces it.',
    submitErrors: '{n} entries still have errors; processing rejects those records.',
    submitted: 'The period was submitted. The Data Hub is processing the delivery.',
    deliveryHeading: 'Latest submission',
    deliveryCounts: '{records} records, {accepted} accepted, {errors} errors, {warnings} warnings',
    openDelivery: 'View the delivery and its report',
  },
};
