import { buildIdentifierMatcher } from '../../../src/core/anonymity/identifier-matcher';
import type { IdentityRegisterEntry } from '../../../src/core/model/identity-register';
import {
  checkInvitationTemplate,
  conversationInvitation,
  DEFAULT_INVITATION_TEMPLATE,
  invitationFromTemplate,
  StoredInvitationTemplate,
  type CheckedTemplate,
} from '../../../src/core/scheduling';

const entry = (
  id: string,
  kind: IdentityRegisterEntry['kind'],
  identifier: string,
): IdentityRegisterEntry => ({
  id,
  kind,
  identifier,
  replacement: 'a pseudonym',
});
const register = buildIdentifierMatcher([
  entry('1', 'person', 'Kayleigh Brennan'),
  entry('2', 'street', '14 Mill Lane'),
]);
const template = (body: string, subject = '{reference}: conversation with the review') => ({ subject, body });

describe('the invitation template', () => {
  it('the product’s template says what a conversation is and is not, how long, the support and the record', () => {
    const inv = invitationFromTemplate(DEFAULT_INVITATION_TEMPLATE, {
      referenceCode: 'CR-2026-014',
      durationMinutes: 90,
    });
    expect(inv.subject).toBe('CR-2026-014: practitioner conversation');
    expect(inv.body).toContain('about 1 hour 30 minutes');
    expect(inv.body).toContain('not an interview');
    expect(inv.body).toContain('Support:');
    expect(inv.body).toContain('shared only with you and the review team');
    expect(conversationInvitation({ referenceCode: 'CR-2026-014', durationMinutes: 90 })).toEqual(inv);
  });

  it('a template naming a register entry is refused with the kind, never the identifier', () => {
    const check = checkInvitationTemplate(
      template('Please come to the office near 14 Mill Lane. About {duration}.'),
      register,
    );
    expect(check.ok).toBe(false);
    const reason = check.ok ? '' : check.reason;
    expect(reason).toContain('a street or address');
    expect(reason).not.toMatch(/Mill/i);
    const name = checkInvitationTemplate(template('About Kayleigh Brennan, {duration}.'), register);
    expect(name).toMatchObject({ ok: false, reason: expect.stringContaining('a family member’s name') });
    expect(name.ok ? '' : name.reason).not.toContain('Kayleigh');
  });

  it('a clean template is checked, and fills in only the reference code and the duration', () => {
    const check = checkInvitationTemplate(
      template('A conversation of {duration} for {reference}.'),
      register,
    );
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(
      invitationFromTemplate(check.template, { referenceCode: 'CR-2026-014', durationMinutes: 60 }),
    ).toEqual({
      subject: 'CR-2026-014: conversation with the review',
      body: 'A conversation of 1 hour for CR-2026-014.',
    });
  });

  it('the subject must hold the reference code, and unknown placeholders are refused', () => {
    expect(() => checkInvitationTemplate(template('x', 'Conversation'), register)).toThrow(/\{reference\}/);
    expect(() => checkInvitationTemplate(template('Dear {name}'), register)).toThrow(
      /\{name\} is not something/,
    );
  });

  it('only a checked or stored template can make an invitation', () => {
    const plain = template('Text');
    // @ts-expect-error an unchecked template is not a CheckedTemplate
    const unchecked: CheckedTemplate = plain;
    expect(unchecked).toBe(plain);
    const stored: CheckedTemplate = StoredInvitationTemplate.parse(plain);
    expect(stored.body).toBe('Text');
  });
});
