import { fillIn, languageOf, messages } from '../common/messages';
import type { Mail } from './mailer';

export function emailCodeMail(user: { email: string; language: string }, code: string): Mail {
  const text = messages(languageOf(user.language)).mail;
  return { to: user.email, subject: text.emailCode.subject, text: fillIn(text.emailCode.text, { code }) + text.signature };
}

/** The invitee has no language yet: the invitation is written in Dutch, then English. */
export function invitationMail(invitation: { email: string; name: string }, link: string, organisationName: string): Mail {
  const params = { name: invitation.name, organisation: organisationName, link };
  const [nl, en] = [messages('nl').mail, messages('en').mail];
  return {
    to: invitation.email,
    subject: `${fillIn(nl.invitation.subject, params)} / ${fillIn(en.invitation.subject, params)}`,
    text: `${fillIn(nl.invitation.text, params)}\n\n${fillIn(en.invitation.text, params)}${nl.signature}`,
  };
}

export function passwordResetMail(user: { email: string; language: string }, link: string): Mail {
  const text = messages(languageOf(user.language)).mail;
  return { to: user.email, subject: text.passwordReset.subject, text: fillIn(text.passwordReset.text, { link }) + text.signature };
}
