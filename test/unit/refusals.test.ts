import { messages } from '../../src/i18n';
import { isRefused, refuse } from '../../src/refusal';
import { ConflictError } from '../../src/store/errors';
import { failureText, type RefusalReason, refusalText } from '../../src/teams/refusals';

/** Every reason a service refuses for reads as its own sentence in each language. */
describe('refusals', () => {
  const reasons: RefusalReason[] = [
    'notHandler',
    'notAssignee',
    'notCandidate',
    'notChair',
    'noMeeting',
    'deadlinePassed',
    'individualPupil',
    'noRound',
    'notInvited',
    'roundClosed',
    'answeredAlready',
  ];

  it('tells a refusal from a result, whatever the result is', () => {
    expect(isRefused(refuse('notChair'))).toBe(true);
    for (const result of [undefined, null, 'notChair', [], { id: 'm1' }, { refused: 401 }]) expect(isRefused(result)).toBe(false);
  });

  it.each(['fi', 'sv', 'en'] as const)('says each reason in %s, from that catalogue', (lang) => {
    const m = messages(lang);
    for (const reason of reasons) expect(refusalText(refuse(reason), m)).toMatch(/\S/);
    expect(refusalText(refuse('notChair'), m)).toBe(m.meetings.notChair);
    expect(refusalText(refuse('notAssignee'), m)).toBe(m.handover.notAssignee);
    expect(refusalText(refuse('notHandler'), m)).toBe(m.cases.forbidden);
    expect(refusalText(refuse('answeredAlready'), m)).toBe(m.surveys.already);
  });

  it.each(['fi', 'sv', 'en'] as const)('says in %s that someone else changed it first, not that something went wrong', (lang) => {
    const m = messages(lang);
    expect(failureText(new ConflictError('case'), m, 'abc123')).toBe(m.conflict);
    expect(m.conflict).not.toBe(m.error);
    expect(failureText(new Error('boom'), m, 'abc123')).toContain('abc123');
  });
});
