import { SHAREPOINT_HOST, TENANT_DOMAIN, stableGuid, timestamp } from '../ids';
import type { TenantStore } from '../store/database';
import type { Channel, DirectoryUser, Group, Site } from '../store/entities';
import demo from './child-s-review.json';

/**
 * A fictional organisation: Northmoor Council's safeguarding partnership. Every name is invented
 * (the review's people come from the project's copy of the demo review). Council staff are members
 * of the tenant. The independent lead reviewers are commissioned by the partnership and given a
 * council account for the review (practice), so that they can organise conversations from their
 * own calendar. Review team colleagues from police and health are guests: like real B2B guests
 * they have no mailbox here, so their availability is unknown. Most practitioners in other
 * organisations are not in the tenant at all.
 */

const STANDARD_HOURS = {
  daysOfWeek: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
  startTime: '09:00:00.0000000',
  endTime: '17:00:00.0000000',
};

interface PersonSeed {
  name: string;
  jobTitle: string;
  department: string;
  /** Outside email for guests; members get first.last@northmoor.example. */
  guestMail?: string;
  workingHours?: DirectoryUser['workingHours'];
}

const slug = (name: string) =>
  name
    .replace(/^(Dr|PC)\s+/, '')
    .toLowerCase()
    .replace(/[^a-z-]+/g, '.')
    .replace(/^\.|\.$/g, '');

function user(p: PersonSeed): DirectoryUser {
  const words = p.name.replace(/^(Dr|PC)\s+/, '').split(' ');
  const upn = p.guestMail
    ? `${p.guestMail.replace('@', '_')}#EXT#@northmoor.onmicrosoft.com`
    : `${slug(p.name)}@${TENANT_DOMAIN}`;
  return {
    id: stableGuid(`user:${upn}`),
    userType: p.guestMail ? 'Guest' : 'Member',
    userPrincipalName: upn,
    displayName: p.name,
    givenName: words[0] ?? null,
    surname: words.slice(1).join(' ') || null,
    mail: p.guestMail ?? upn,
    jobTitle: p.jobTitle,
    department: p.department,
    officeLocation: p.guestMail ? null : 'Northmoor House',
    businessPhones: [],
    mobilePhone: null,
    preferredLanguage: 'en-GB',
    timeZone: 'GMT Standard Time',
    workingHours: p.workingHours ?? STANDARD_HOURS,
  };
}

/** The seeded review Team that is not set up yet (no lists, no identity register channel). */
export const NEW_REVIEW_REFERENCE = 'CR-2026-021';

export const guestDomains = { police: 'northmoor.police.example', health: 'northmoor-icb.nhs.example' };

export function organisationPeople(): PersonSeed[] {
  const leads: PersonSeed[] = demo.leadReviewers.map((l) => ({
    name: l.name,
    jobTitle: l.role,
    department: 'Independent reviewers',
  }));
  const reviewTeam: PersonSeed[] = demo.reviewTeam.map((m) => ({
    name: m.name,
    jobTitle: m.role,
    department: m.agency,
    guestMail:
      m.agency === 'Police'
        ? `${slug(m.name)}@${guestDomains.police}`
        : m.agency === 'Integrated care board'
          ? `${slug(m.name)}@${guestDomains.health}`
          : undefined,
  }));
  const internalCaseGroup: PersonSeed[] = demo.caseGroup
    .filter((c) => c.organisation === 'internal')
    .map((c) => ({
      name: c.name,
      jobTitle: c.role,
      department: c.agency,
      // Part-time and early-start patterns make the scheduler's work realistic.
      workingHours:
        c.agency === 'Early help'
          ? {
              daysOfWeek: ['monday', 'tuesday', 'wednesday'],
              startTime: '08:30:00.0000000',
              endTime: '16:30:00.0000000',
            }
          : c.agency === 'Housing'
            ? { ...STANDARD_HOURS, startTime: '08:00:00.0000000', endTime: '16:00:00.0000000' }
            : undefined,
    }));
  const others: PersonSeed[] = [
    {
      name: 'Amira Khan',
      jobTitle: 'Business support officer, safeguarding partnership',
      department: 'Safeguarding partnership',
    },
    {
      name: 'Graham Whitfield',
      jobTitle: 'Independent chair, safeguarding partnership',
      department: 'Safeguarding partnership',
    },
    { name: 'Rachel Moss', jobTitle: 'Designated safeguarding lead', department: 'Education' },
    { name: 'Oliver Grant', jobTitle: 'Team leader, housing options', department: 'Housing' },
  ];
  return [...leads, ...reviewTeam, ...internalCaseGroup, ...others];
}

export interface SeededOrganisation {
  users: DirectoryUser[];
  reviewGroup: Group;
  reviewSite: Site;
  registerChannel: Channel;
  registerSite: Site;
  byName(name: string): DirectoryUser;
}

function site(
  path: string,
  displayName: string,
  description: string,
  access: Site['access'],
  now: Date,
): Site {
  return {
    id: `${SHAREPOINT_HOST},${stableGuid(`site:${path}`)},${stableGuid(`web:${path}`)}`,
    serverRelativePath: path,
    displayName,
    name: path.split('/').pop() ?? path,
    description,
    createdDateTime: timestamp(now),
    lastModifiedDateTime: timestamp(now),
    access,
  };
}

export function seedOrganisation(store: TenantStore, now: Date): SeededOrganisation {
  const users = organisationPeople().map(user);
  for (const u of users) store.put('user', u);
  const byName = (name: string) => {
    const u = users.find((x) => x.displayName === name);
    if (!u) throw new Error(`seed: no user named ${name}`);
    return u;
  };
  const leads = demo.leadReviewers.map((l) => byName(l.name).id);
  const reviewTeam = demo.reviewTeam.map((m) => byName(m.name).id);
  const code = demo.review.referenceCode;

  // The review's Team. Its name carries the reference code only, never the child's pseudonym.
  const reviewGroup: Group = {
    id: stableGuid(`group:${code}`),
    displayName: `${code} Learning review`,
    description: `Local child safeguarding practice review ${code}`,
    mailNickname: code,
    mail: `${code}@${TENANT_DOMAIN}`,
    visibility: 'Private',
    createdDateTime: timestamp(now),
    members: [...leads, ...reviewTeam, byName('Amira Khan').id],
    owners: leads,
    isTeam: true,
  };
  const partnershipGroup: Group = {
    id: stableGuid('group:partnership'),
    displayName: 'Safeguarding partnership business',
    description: 'Business of the Northmoor safeguarding children partnership',
    mailNickname: 'SafeguardingPartnership',
    mail: `SafeguardingPartnership@${TENANT_DOMAIN}`,
    visibility: 'Private',
    createdDateTime: timestamp(now),
    members: [
      byName('Amira Khan').id,
      byName('Graham Whitfield').id,
      byName('Priya Raman').id,
      byName('Oliver Grant').id,
    ],
    owners: [byName('Graham Whitfield').id],
    isTeam: true,
  };
  // A second review, its Team just created: its site holds none of the review's lists yet and it
  // has no identity register channel, so that set-up can be tried from an empty Team.
  const newCode = NEW_REVIEW_REFERENCE;
  const newReviewGroup: Group = {
    id: stableGuid(`group:${newCode}`),
    displayName: `${newCode} Learning review`,
    description: `Local child safeguarding practice review ${newCode}`,
    mailNickname: newCode,
    mail: `${newCode}@${TENANT_DOMAIN}`,
    visibility: 'Private',
    createdDateTime: timestamp(now),
    members: [...leads, byName('Priya Raman').id, byName('Amira Khan').id],
    owners: leads,
    isTeam: true,
  };
  for (const g of [reviewGroup, partnershipGroup, newReviewGroup]) store.put('group', g);

  const reviewSite = site(
    `/sites/${code}`,
    reviewGroup.displayName,
    reviewGroup.description ?? '',
    { groupId: reviewGroup.id },
    now,
  );
  const partnershipSite = site(
    '/sites/SafeguardingPartnership',
    partnershipGroup.displayName,
    '',
    { groupId: partnershipGroup.id },
    now,
  );
  const newReviewSite = site(
    `/sites/${newCode}`,
    newReviewGroup.displayName,
    newReviewGroup.description ?? '',
    { groupId: newReviewGroup.id },
    now,
  );
  store.put('site', reviewSite, reviewGroup.id);
  store.put('site', partnershipSite, partnershipGroup.id);
  store.put('site', newReviewSite, newReviewGroup.id);

  // The identity register lives in a private channel's own site: only its members can read it.
  const registerMembers = [...leads, byName('Priya Raman').id];
  const registerChannelId = `19:${stableGuid(`channel:${code}:register`).replace(/-/g, '')}@thread.tacv2`;
  const registerSite = site(
    `/sites/${code}-IdentityRegister`,
    `${reviewGroup.displayName} - Identity register`,
    '',
    { groupId: reviewGroup.id, channelId: registerChannelId },
    now,
  );
  store.put('site', registerSite, registerChannelId);
  const generalId = `19:${stableGuid(`channel:${code}:general`).replace(/-/g, '')}@thread.tacv2`;
  const channels: Channel[] = [
    {
      id: generalId,
      teamId: reviewGroup.id,
      displayName: 'General',
      description: 'The review team’s channel',
      membershipType: 'standard',
      createdDateTime: timestamp(now),
      webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(generalId)}/General?groupId=${reviewGroup.id}`,
      members: null,
      siteId: reviewSite.id,
    },
    {
      id: registerChannelId,
      teamId: reviewGroup.id,
      displayName: 'Identity register',
      description: 'Real names and pseudonyms. Lead reviewers and named review team members only.',
      membershipType: 'private',
      createdDateTime: timestamp(now),
      webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(registerChannelId)}/Identity%20register?groupId=${reviewGroup.id}`,
      members: registerMembers,
      siteId: registerSite.id,
    },
  ];
  for (const c of channels) store.put('channel', c, reviewGroup.id);
  const partnershipGeneral = `19:${stableGuid('channel:partnership:general').replace(/-/g, '')}@thread.tacv2`;
  store.put<Channel>(
    'channel',
    {
      ...channels[0]!,
      id: partnershipGeneral,
      teamId: partnershipGroup.id,
      siteId: partnershipSite.id,
      webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(partnershipGeneral)}/General?groupId=${partnershipGroup.id}`,
    },
    partnershipGroup.id,
  );

  const newGeneral = `19:${stableGuid(`channel:${newCode}:general`).replace(/-/g, '')}@thread.tacv2`;
  store.put<Channel>(
    'channel',
    {
      ...channels[0]!,
      id: newGeneral,
      teamId: newReviewGroup.id,
      siteId: newReviewSite.id,
      createdDateTime: timestamp(now),
      webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(newGeneral)}/General?groupId=${newReviewGroup.id}`,
    },
    newReviewGroup.id,
  );

  store.setMeta('defaultUser', byName(demo.leadReviewers[0]!.name).userPrincipalName);
  return { users, reviewGroup, reviewSite, registerChannel: channels[1]!, registerSite, byName };
}
