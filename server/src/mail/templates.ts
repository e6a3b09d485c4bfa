import type { Mail } from './mailer';

type Language = 'nl' | 'en';

function lang(value: string): Language {
  return value === 'en' ? 'en' : 'nl';
}

const SIGNATURE = { nl: '\n\nRegistratie Datahub', en: '\n\nRegistry Data Hub' };

export function emailCodeMail(user: { email: string; language: string }, code: string): Mail {
  const l = lang(user.language);
  return {
    to: user.email,
    subject: l === 'nl' ? 'Uw inlogcode voor de Registratie Datahub' : 'Your login code for the Registry Data Hub',
    text:
      (l === 'nl'
        ? `Uw inlogcode is: ${code}\n\nDe code is 10 minuten geldig en werkt één keer. Heeft u niet geprobeerd in te loggen? Meld het aan uw lokaal beheerder.`
        : `Your login code is: ${code}\n\nThe code is valid for 10 minutes and works once. Did you not try to log in? Tell your local administrator.`) +
      SIGNATURE[l],
  };
}

export function invitationMail(invitation: { email: string; name: string }, link: string, organisationName: string): Mail {
  return {
    to: invitation.email,
    subject: `Uitnodiging voor de Registratie Datahub (${organisationName}) / Invitation`,
    text:
      `Beste ${invitation.name},\n\nU bent uitgenodigd voor de Registratie Datahub namens ${organisationName}. ` +
      `Kies via deze link een wachtwoord (7 dagen geldig, één keer te gebruiken):\n${link}\n\n` +
      `You have been invited to the Registry Data Hub on behalf of ${organisationName}. ` +
      `Choose a password through the link above (valid for 7 days, single use).` +
      SIGNATURE.nl,
  };
}

export function passwordResetMail(user: { email: string; language: string }, link: string): Mail {
  const l = lang(user.language);
  return {
    to: user.email,
    subject: l === 'nl' ? 'Wachtwoord herstellen voor de Registratie Datahub' : 'Reset your Registry Data Hub password',
    text:
      (l === 'nl'
        ? `Kies een nieuw wachtwoord via deze link (1 uur geldig, één keer te gebruiken):\n${link}\n\nHeeft u dit niet gevraagd? Dan kunt u deze mail negeren.`
        : `Choose a new password through this link (valid for 1 hour, single use):\n${link}\n\nDid you not ask for this? Then ignore this mail.`) +
      SIGNATURE[l],
  };
}
