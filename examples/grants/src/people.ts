import type { Actor } from '@maslul/core';

/** The people of the run, by the id the `X-Actor` header names. */
export const people: Readonly<Record<string, Actor>> = {
  rina: { id: 'rina', roles: ['office'] },
  yossi: { id: 'yossi', roles: ['reviewer'] },
  michal: { id: 'michal', roles: ['reviewer'] },
  council: { id: 'council', roles: ['committee'] },
  noa: { id: 'noa', roles: ['applicant'] },
  avi: { id: 'avi', roles: ['applicant'] },
  dalia: { id: 'dalia', roles: ['applicant'] },
};

/** The demo's authentication: the person the `X-Actor` header names (a real app checks a session). */
export const authenticate = (request: Request): Actor | undefined =>
  people[request.headers.get('x-actor') ?? ''];
