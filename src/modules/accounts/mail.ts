import { countOf } from '../../platform/i18n.ts';
import { defineMailTemplates } from '../../platform/mail-templates.ts';
import { roleLabels, type Role } from '../../platform/roles.ts';

declare module '../../platform/mail-templates.ts' {
  interface MailTemplateVars {
    'accounts.password-reset': { name: string; url: string };
    'accounts.login-link': { name: string; url: string; minutes: number };
    'accounts.invitation': {
      inviterName: string;
      role: Role;
      organisationName: string;
      url: string;
      /** the address already has an account: the invitee signs in with it instead of choosing a password */
      existingAccount?: boolean;
    };
  }
}

export const accountsMail = defineMailTemplates({
  'accounts.password-reset': {
    sv: (v) => ({
      subject: 'Återställ ditt lösenord i Samverkan',
      text: [
        `Hej ${v.name}!`,
        '',
        'Någon (förhoppningsvis du) har bett om att få återställa lösenordet till ditt konto i Samverkan.',
        'Öppna länken nedan inom en timme för att välja ett nytt lösenord. Länken fungerar en gång.',
        '',
        v.url,
        '',
        'Om du inte har bett om detta kan du bortse från meddelandet; ditt lösenord är oförändrat.',
      ].join('\n'),
    }),
    en: (v) => ({
      subject: 'Reset your Samverkan password',
      text: [
        `Hello ${v.name},`,
        '',
        'Someone (hopefully you) has asked to reset the password of your Samverkan account.',
        'Open the link below within one hour to choose a new password. The link works once.',
        '',
        v.url,
        '',
        'If you did not ask for this, you can ignore this message; your password is unchanged.',
      ].join('\n'),
    }),
  },
  'accounts.login-link': {
    sv: (v) => ({
      subject: 'Logga in i Samverkan med en engångslänk',
      text: [
        `Hej ${v.name}!`,
        '',
        'Någon har försökt logga in på ditt konto i Samverkan med fel lösenord för många gånger, så inloggning',
        'med lösenord är spärrad en stund. Om det var du kan du logga in med länken nedan inom',
        `${countOf(v.minutes, 'minut', 'minuter')}. Länken fungerar en gång.`,
        '',
        v.url,
        '',
        'Om det inte var du behöver du inte göra något. Byt gärna lösenord om du tror att någon känner till det.',
      ].join('\n'),
    }),
    en: (v) => ({
      subject: 'Sign in to Samverkan with a one-time link',
      text: [
        `Hello ${v.name},`,
        '',
        'Someone has tried to sign in to your Samverkan account with a wrong password too many times, so signing',
        `in with a password is locked for a while. If it was you, sign in with the link below within ${v.minutes}`,
        'minutes. The link works once.',
        '',
        v.url,
        '',
        'If it was not you, you need not do anything. Consider changing your password if you think someone knows it.',
      ].join('\n'),
    }),
  },
  'accounts.invitation': {
    sv: (v) => ({
      subject: `Inbjudan till Samverkan – ${v.organisationName}`,
      text: [
        'Hej!',
        '',
        `${v.inviterName} har bjudit in dig till Samverkan som ${roleLabels[v.role].sv.toLowerCase()} för ${v.organisationName}.`,
        v.existingAccount
          ? 'Du har redan ett konto i Samverkan med den här adressen. Öppna länken nedan inom sju dagar och logga in med ditt vanliga lösenord för att få den nya rollen:'
          : 'Öppna länken nedan inom sju dagar för att välja lösenord och komma igång:',
        '',
        v.url,
      ].join('\n'),
    }),
    en: (v) => ({
      subject: `Invitation to Samverkan – ${v.organisationName}`,
      text: [
        'Hello,',
        '',
        `${v.inviterName} has invited you to Samverkan as ${roleLabels[v.role].en.toLowerCase()} for ${v.organisationName}.`,
        v.existingAccount
          ? 'You already have a Samverkan account with this address. Open the link below within seven days and sign in with your usual password to get the new role:'
          : 'Open the link below within seven days to choose a password and get started:',
        '',
        v.url,
      ].join('\n'),
    }),
  },
});
