import { GatewayError } from '../../src/core/failures';
import { packFolderName } from '../../src/core/report/panel-pack';
import { packWhen } from '../../src/ui/features/panel-pack/hooks/usePanelPack';
import { accessProblem, whoToAsk } from '../../src/ui/features/people/hooks/usePersonAccess';

describe('the panel pack and access, in words', () => {
  test('a pack folder’s name gives its date and time back, a renamed one too', () => {
    // 18:05:07 in London on a winter day is 18:05:07 UTC.
    const name = packFolderName('CR-2026-014', new Date('2026-11-29T18:05:07Z'));
    expect(name).toBe('CR-2026-014 panel pack 2026-11-29 18.05.07');
    expect(packWhen(name)).toEqual({ date: '2026-11-29', time: '18:05', exact: '18:05:07' });
    // SharePoint's "rename" adds " 1" to a name taken in the same second.
    expect(packWhen(`${name} 1`)).toEqual({ date: '2026-11-29', time: '18:05', exact: '18:05:07' });
    // British Summer Time: the name is London's time, not UTC.
    expect(packWhen(packFolderName('CR-2026-014', new Date('2026-07-01T08:30:00Z')))?.time).toBe('09:30');
    expect(packWhen('Some other folder')).toBeNull();
  });

  test('who to ask is a plain list of the owners, and a refusal names them', () => {
    expect(whoToAsk(['Ruth Okonkwo-Hale', 'Declan Marsh'], 'a lead reviewer')).toBe(
      'Ruth Okonkwo-Hale or Declan Marsh',
    );
    expect(whoToAsk([], 'a lead reviewer')).toBe('a lead reviewer');
    const refused = new GatewayError(
      'not-allowed',
      'Only an owner may add people to the Team.',
      'not-an-owner',
    );
    const access = {
      owners: ['Ruth Okonkwo-Hale', 'Declan Marsh'],
      youOwnTheTeam: false,
      register: { name: 'Identity register', youOwnIt: false, owners: ['Ruth Okonkwo-Hale'] },
      person: { state: 'no-email' as const },
    };
    expect(accessProblem(refused, access, 'team')?.detail).toBe(
      'Only an owner can. Ask Ruth Okonkwo-Hale or Declan Marsh to add them.',
    );
    expect(accessProblem(refused, access, 'register')?.detail).toBe(
      'Only an owner can. Ask Ruth Okonkwo-Hale to add them.',
    );
    expect(accessProblem(new GatewayError('throttled', 'busy'), access, 'team')).toBeNull();
  });
});
