import {
  ArtefactConflictError,
  ArtefactInputError,
  ConversationRecordWorkflow,
  RecordWorkflowError,
  type Artefact,
} from '../../src/graph/artefacts';
import { artefactFixture, bytes, sha256, type ArtefactFixture } from './artefacts-fixture';

let f: ArtefactFixture;
beforeAll(async () => {
  f = await artefactFixture();
});
afterAll(() => f.close());

/** Health visitor 1 is outside the tenant; Social worker 1 is a member, so the test can sign in as her. */
const practitioner = { email: 'jade.whitcombe@northmoor.example', personId: 'person-sw1' };

async function record(
  roleLabel: string,
  personId: string,
  conversation: string,
  version = 1,
): Promise<Artefact> {
  return f.library.upload({
    content: bytes(4096, personId.length),
    name: f.library.proposeName({ type: 'conversation record', roleLabel, version, extension: 'docx' }),
    metadata: {
      type: 'conversation record',
      person: personId,
      conversation,
      agency: 'Children’s social care',
    },
  }).done;
}

describe('artefact details', () => {
  let a: Artefact;

  it('edits details with If-Match; a concurrent edit is a conflict, and nothing is overwritten', async () => {
    a = await f.library.upload({
      content: bytes(1000, 9),
      name: 'CR-2026-014 Agency record - Housing - v1.pdf',
      metadata: { type: 'agency record', agency: 'Housing' },
    }).done;
    // Someone else (another reviewer's tab) changes the agency first.
    const other = await f.libraryAs('amira.khan@northmoor.example');
    const theirs = await other.updateMetadata(a, { agency: 'Early help' });
    expect(theirs.metadata.agency).toBe('Early help');

    const err = await f.library.updateMetadata(a, { agency: 'Police' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtefactConflictError);
    expect((err as ArtefactConflictError).currentETag).toBe(theirs.eTag);
    expect((await f.library.get(a.driveItemId)).metadata.agency).toBe('Early help');

    // Retried with the eTag now on the server (after the user has seen the change): accepted.
    const mine = await f.library.updateMetadata(
      { ...a, eTag: theirs.eTag },
      { agency: 'Police', stage: 'analysis' },
    );
    expect(mine.metadata).toMatchObject({ agency: 'Police', stage: 'analysis', type: 'agency record' });
    expect(mine.eTag).not.toBe(theirs.eTag);
  });

  it('refuses details of the wrong type or choice, and workflow-only details, before writing', async () => {
    f.counter.reset();
    const err = (await f.library
      .updateMetadata(a, { type: 'memo' as 'other', agency: 7 as unknown as string, recordStatus: 'agreed' })
      .catch((e: unknown) => e)) as ArtefactInputError;
    expect(err).toBeInstanceOf(ArtefactInputError);
    expect(err.problems.map((p) => p.field)).toEqual([
      'metadata.type',
      'metadata.agency',
      'metadata.recordStatus',
    ]);
    const named = (await f.library
      .updateMetadata(a, { agency: 'Visit by Ryan Mercer' })
      .catch((e: unknown) => e)) as ArtefactInputError;
    expect(named.problems.map((p) => p.code)).toEqual(['metadata-identifies-person']);
    expect(named.problems[0]!.message).toBe(
      'Agency contains a family member’s name from the identity register. Use the pseudonym or role label.',
    );
    expect(named.message).not.toMatch(/Ryan|Mercer/);
    expect(f.counter.total).toBe(0);
  });
});

describe('downloading and versions', () => {
  it('downloads the content and lists the versions, newest first', async () => {
    const name = 'CR-2026-014 Report draft - v1.docx';
    const first = await f.library.upload({
      content: bytes(3000, 1),
      name,
      metadata: { type: 'report draft' },
    }).done;
    await f.library.upload({
      content: bytes(3000, 2),
      name,
      metadata: { type: 'report draft' },
      conflictBehavior: 'replace',
    }).done;
    expect(sha256(await f.library.download(first.driveItemId))).toBe(sha256(bytes(3000, 2)));
    const versions = await f.library.versions(first.driveItemId);
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(versions[0]!.id).not.toBe(versions.at(-1)!.id);
    expect(versions.every((v) => typeof v.id === 'string' && v.size === 3000)).toBe(true);
  });
});

describe('the conversation record workflow', () => {
  it('draft -> sent (that practitioner alone) -> agreed (sharing withdrawn, version recorded)', async () => {
    const workflow = new ConversationRecordWorkflow(f.library);
    const draft = await record('Social worker 1', practitioner.personId, 'conv-sw1');
    expect(draft.metadata.recordStatus).toBe('draft');
    const asPractitioner = (path: string) => f.t.graph(path, { as: practitioner.email });
    const fileUrl = `/drives/${f.library.config.driveId}/items/${draft.driveItemId}`;
    expect((await asPractitioner(fileUrl)).status).toBe(403);

    const sent = await workflow.send(draft, practitioner);
    expect(sent.metadata.recordStatus).toBe('sent to participant');
    const direct = (await workflow.grants(sent)).filter((g) => !g.inherited);
    expect(direct).toEqual([
      {
        id: expect.any(String),
        roles: ['write'],
        emails: [practitioner.email],
        inherited: false,
        isLink: false,
      },
    ]);
    expect((await workflow.grants(sent)).some((g) => g.isLink)).toBe(false);
    expect((await asPractitioner(fileUrl)).status).toBe(200);
    // Invited by name, sign-in required: no link of any kind.
    const raw = (await (await f.t.graph(`${fileUrl}/permissions`)).json()) as {
      value: {
        invitation?: { email: string; signInRequired: boolean };
        link?: unknown;
        inheritedFrom?: unknown;
      }[];
    };
    expect(raw.value.filter((p) => !p.inheritedFrom).map((p) => p.invitation)).toEqual([
      expect.objectContaining({ email: practitioner.email, signInRequired: true }),
    ]);

    const versionsBefore = await f.library.versions(sent.driveItemId);
    const agreed = await workflow.agree(sent, practitioner);
    expect(agreed.metadata.recordStatus).toBe('agreed');
    expect(agreed.metadata.agreedVersion).toBe(versionsBefore[0]!.id);
    expect((await workflow.grants(agreed)).filter((g) => !g.inherited)).toEqual([]);
    expect((await asPractitioner(fileUrl)).status).toBe(403);

    // Agreed is final: not amended, and its file not replaced.
    await expect(workflow.amend(agreed, practitioner)).rejects.toBeInstanceOf(RecordWorkflowError);
    f.counter.reset();
    const replace = f.library.upload({
      content: bytes(10, 1),
      name: agreed.name,
      metadata: { type: 'conversation record', person: practitioner.personId, conversation: 'conv-sw1' },
      conflictBehavior: 'replace',
    });
    await expect(replace.done).rejects.toThrow(
      /has been agreed with the practitioner and cannot be replaced/,
    );
    expect(f.counter.writes).toBe(0);
  });

  it('sends an invitation that carries the reference code and nothing about the family', async () => {
    const workflow = new ConversationRecordWorkflow(f.library);
    expect(workflow.defaultMessage()).toMatch(/^CR-2026-014: /);
    const draft = await record('Team manager 1', 'person-tm1', 'conv-tm1');
    const err = await workflow
      .send(
        draft,
        { email: 'alan.pryce@northmoor.example' },
        { message: 'About S0PHIE L4NG (born 14/5/26), please check.' },
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ArtefactInputError);
    expect((err as ArtefactInputError).problems.map((p) => p.message)).toEqual([
      'The invitation message contains a family member’s name and a date of birth from the identity register. Invitations carry only the review’s reference code.',
    ]);
    expect((await workflow.grants(draft)).filter((g) => !g.inherited)).toEqual([]);
    expect((await f.library.get(draft.driveItemId)).metadata.recordStatus).toBe('draft');
  });

  it('amends a sent record (access withdrawn) and sends it again', async () => {
    const workflow = new ConversationRecordWorkflow(f.library);
    const alan = { email: 'alan.pryce@northmoor.example' };
    const draft = await record('Team manager 1', 'person-tm1', 'conv-tm1', 2);
    const sent = await workflow.send(draft, alan);
    const amended = await workflow.amend(sent, alan);
    expect(amended.metadata.recordStatus).toBe('amended');
    expect((await workflow.grants(amended)).filter((g) => !g.inherited)).toEqual([]);
    const again = await workflow.send(amended, alan);
    expect(again.metadata.recordStatus).toBe('sent to participant');
    expect((await workflow.grants(again)).filter((g) => !g.inherited).map((g) => g.emails)).toEqual([
      [alan.email],
    ]);
    await expect(workflow.agree(draft, alan)).rejects.toThrow(
      /can be agreed only while it is with the practitioner/,
    );
  });

  it('refuses to agree a record someone changed since it was read, before withdrawing anything', async () => {
    const workflow = new ConversationRecordWorkflow(f.library);
    const olive = { email: 'bethany.cole@northmoor.example' };
    const sent = await workflow.send(await record('Early help worker 1', 'person-eh1', 'conv-eh1'), olive);
    await f.library.updateMetadata(sent, { stage: 'analysis' });
    await expect(workflow.agree(sent, olive)).rejects.toBeInstanceOf(ArtefactConflictError);
    expect((await workflow.grants(sent)).filter((g) => !g.inherited).map((g) => g.emails)).toEqual([
      [olive.email],
    ]);
  });
});
