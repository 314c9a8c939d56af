import {
  Conversation,
  conversationLifecycle,
  DomainError,
  transitionConversation,
  type ConversationStatus,
} from '../../../src/core';
import { aConversation, issuesOf } from '../builders';

const slot = { start: '2026-10-20T10:00:00+01:00', end: '2026-10-20T11:30:00+01:00' };
const walk = (...steps: ConversationStatus[]) =>
  steps.reduce(transitionConversation, aConversation({ scheduled: slot }));

describe('conversation lifecycle', () => {
  it('goes from proposal to an agreed record', () => {
    expect(walk('scheduled', 'held', 'record-drafted', 'record-sent', 'record-agreed').status).toBe(
      'record-agreed',
    );
  });

  it('lets a record be amended after the practitioner has seen it', () => {
    expect(
      walk(
        'scheduled',
        'held',
        'record-drafted',
        'record-sent',
        'record-drafted',
        'record-sent',
        'record-agreed',
      ).status,
    ).toBe('record-agreed');
  });

  it('refuses to agree a record that has not been sent to the practitioner', () => {
    const drafted = walk('scheduled', 'held', 'record-drafted');
    expect(() => transitionConversation(drafted, 'record-agreed')).toThrow(
      new DomainError('A conversation record cannot be agreed before it has been sent to the practitioner.'),
    );
  });

  it('refuses to draft a record of a conversation not yet held', () => {
    expect(() => walk('scheduled', 'record-drafted')).toThrow(
      'A conversation record cannot be drafted before the conversation has been held.',
    );
  });

  it('needs a date and time to schedule', () => {
    expect(() => transitionConversation(aConversation(), 'scheduled')).toThrow(
      'A conversation cannot be scheduled without a date and time.',
    );
  });

  it('does not reopen a cancelled conversation', () => {
    expect(() => walk('cancelled', 'scheduled')).toThrow(
      'A cancelled conversation cannot be reopened; propose a new conversation instead.',
    );
  });

  it('does not cancel a conversation that has been held', () => {
    expect(() => walk('scheduled', 'held', 'cancelled')).toThrow(
      'A conversation that has already been held cannot be cancelled.',
    );
  });

  it('says when an agreed record is final', () => {
    const agreed = walk('scheduled', 'held', 'record-drafted', 'record-sent', 'record-agreed');
    expect(() => transitionConversation(agreed, 'held')).toThrow(
      'The conversation cannot move from "Record agreed" to "Held". "Record agreed" is final.',
    );
    expect(conversationLifecycle.next('record-agreed')).toEqual([]);
  });

  it('says when nothing would change', () => {
    expect(() => transitionConversation(aConversation(), 'proposed')).toThrow(
      'The conversation is already "Proposed".',
    );
  });

  it('leaves the conversation it was given unchanged', () => {
    const proposed = aConversation({ scheduled: slot });
    transitionConversation(proposed, 'scheduled');
    expect(proposed.status).toBe('proposed');
  });

  it('offers the next steps from a sent record', () => {
    expect(conversationLifecycle.next('record-sent')).toEqual(['record-agreed', 'record-drafted']);
  });
});

describe('Conversation schema', () => {
  it('rejects a slot that ends before it starts', () => {
    expect(
      issuesOf(Conversation, aConversation({ scheduled: { start: slot.end, end: slot.start } })),
    ).toEqual([{ field: 'scheduled.end', message: 'The end time must be after the start time.' }]);
  });

  it('compares times across UTC offsets', () => {
    const scheduled = { start: '2026-10-20T10:00:00+01:00', end: '2026-10-20T09:30:00Z' };
    expect(issuesOf(Conversation, aConversation({ scheduled }))).toEqual([]);
  });
});
