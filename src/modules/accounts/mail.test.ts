import { describe, expect, it } from 'vitest';
import { renderMail } from '../../platform/mail-templates.ts';
import { accountsMail } from './mail.ts';

describe('the account mails', () => {
  it('exist in Swedish and English for every template', () => {
    for (const template of Object.values(accountsMail))
      expect(Object.keys(template).sort()).toEqual(['en', 'sv']);
  });

  it('name the role of an invitation in the mail’s language', () => {
    const vars = {
      inviterName: 'Anna Admin',
      role: 'reporter' as const,
      organisationName: 'Knivsta kommun',
      url: 'https://samverkan.test/inbjudan/abc',
    };
    const sv = renderMail('accounts.invitation', 'sv', vars);
    expect(sv.subject).toBe('Inbjudan till Samverkan – Knivsta kommun');
    expect(sv.text).toContain('som rapportör för Knivsta kommun');
    expect(sv.text).toContain(vars.url);
    expect(renderMail('accounts.invitation', 'en', vars).text).toContain('as reporter for Knivsta kommun');
  });

  it('send the reset link in the user’s language', () => {
    const vars = { name: 'Åsa', url: 'https://samverkan.test/aterstall-losenord/x' };
    expect(renderMail('accounts.password-reset', 'sv', vars).text).toContain('Hej Åsa!');
    expect(renderMail('accounts.password-reset', 'en', vars).subject).toBe('Reset your Samverkan password');
    expect(renderMail('accounts.password-reset', 'en', vars).text).toContain(vars.url);
  });
});
