// The outcomes a conversation must reach ("expect:" lines), checked against the store and what was delivered.
//
//   new: none | <kind> [<request>]      no new case / a new case of that kind (request: suggestion, information, erasure;
//                                       without one, the case must have none). "no new: praise": none of that kind.
//   count: N                            the citizen has N cases in all (given ones included)
//   where|since|what|text [#N|new]: /re/   a field of the case (default: the new case) matches ("no where: /re/")
//   attachments [#N|new]: N
//   division [#N|new]: <id>             the case is routed to that division ("no division: x": it is not)
//   flag: integrity                     the new case carries the flag ("no flag: x": no new case does)
//   added #N|new: /re/                  the citizen's words were added to that case's log
//   staff [#N|#oN|new]: /re/            a staff inbox message (in that case's thread) matches
//   supervisor: /re/                    a private notice to a supervisor matches ("no supervisor: /re/")
//   reply: /re/ | no reply: /re/        some citizen reply matches / none does
//   no leak                             no reply names another citizen's ticket
//   linked: #oN                         the earlier case's log links the new case
//   repeat: #N|#oN | no repeat          the new case is linked as a repeat of that case / of none
//   reopened: #N | not reopened: #N     reopened at the root cause (reopen count up) / not
//   untouched: #N|#oN                   the case did not change at all
//   stage #N: <stage>, closed #N|new: <resolution>, open new, reason #N: /re/, rating #N: n
//   mode: <mode>, lang: <id|en>, counter: <name> <n>
import type { CaseRecord } from '../../src/domain/case.js';
import { isOpen } from '../../src/domain/stages.js';
import { readState } from '../../flows/state.js';
import { regexOf, type Dialogue } from './format.js';
import { fill, SUPERVISOR_ID, type Outcome } from './world.js';

type Subject = CaseRecord | null;

export async function checkOutcome(d: Dialogue, o: Outcome): Promise<string[]> {
  const { app } = o;
  const mineNow = await app.store.listCases({ citizenKey: o.citizenKey, limit: 100, order: 'oldest' });
  const givenTickets = new Set(o.own.map((c) => c.ticket));
  const fresh = mineNow.filter((c) => !givenTickets.has(c.ticket));
  let subject: Subject = fresh.find((c) => c.kind === 'complaint') ?? fresh[0] ?? null;
  const replies = o.turns.flatMap((t) => t.replies);
  const failures: string[] = [];
  const conv = await app.store.getConversation(o.citizenKey);
  const state = readState(conv?.state ?? null, 'id', 0);

  const caseOf = async (target: string | undefined): Promise<Subject> => {
    if (!target || target === 'new') return subject;
    const m = /^#(o?)(\d+)$/.exec(target);
    if (!m) return null;
    const given = (m[1] ? o.others : o.own)[Number(m[2]) - 1];
    return given ? await app.store.getCase(given.ticket) : null;
  };
  const givenOf = (target: string): CaseRecord | undefined => {
    const m = /^#(o?)(\d+)$/.exec(target);
    return m ? (m[1] ? o.others : o.own)[Number(m[2]) - 1] : undefined;
  };
  const re = (arg: string): RegExp => {
    const { source, flags } = regexOf(arg);
    return new RegExp(fill(source, o.own, o.others, true), flags);
  };

  for (const { text, line } of d.expects) {
    const fail = (why: string) => failures.push(`line ${line} "${text}": ${why}`);
    const m = /^(no |not )?([a-z]+)(?: (#o?\d+|new))?(?::\s*(.*))?$/.exec(text);
    if (!m) {
      fail('cannot read this check');
      continue;
    }
    const negate = Boolean(m[1]);
    const name = m[2] ?? '';
    const target = m[3];
    const arg = (m[4] ?? '').trim();
    try {
      switch (name) {
        case 'new': {
          if (arg === 'none' && !negate) {
            if (fresh.length) fail(`new cases: ${fresh.map((c) => `${c.kind}${c.request ? `/${c.request}` : ''}`)}`);
            break;
          }
          const [kind, request] = arg.split(/\s+/);
          const match = fresh.find((c) => c.kind === kind && c.request === request);
          if (negate) {
            if (fresh.some((c) => c.kind === kind)) fail(`a new ${kind} was recorded`);
          } else if (!match) {
            fail(`no new ${arg}; new: [${fresh.map((c) => `${c.kind}${c.request ? `/${c.request}` : ''}`)}]`);
          } else subject = match;
          break;
        }
        case 'count':
          if (mineNow.length !== Number(arg)) fail(`the citizen has ${mineNow.length} cases`);
          break;
        case 'where':
        case 'since':
        case 'what':
        case 'text': {
          const c = await caseOf(target);
          const value = name === 'text' ? c?.text : c?.details[name];
          const hit = value !== undefined && re(arg).test(value);
          if (!c && !negate) fail('no such case');
          else if (hit === negate) fail(`${name} is ${JSON.stringify(value)}`);
          break;
        }
        case 'division': {
          const c = await caseOf(target);
          if ((c?.division === arg) === negate) fail(`division: ${c?.division ?? 'no case'}`);
          break;
        }
        case 'attachments': {
          const c = await caseOf(target);
          if ((c?.attachments.length ?? -1) !== Number(arg)) fail(`attachments: ${c?.attachments.length}`);
          break;
        }
        case 'flag': {
          if (negate) {
            if (fresh.some((c) => c.flags.includes(arg))) fail(`a new case is flagged ${arg}`);
          } else if (!subject?.flags.includes(arg)) fail(`flags: [${subject?.flags ?? 'no case'}]`);
          break;
        }
        case 'added': {
          const c = await caseOf(target);
          const events = c ? await app.store.getEvents(c.ticket) : [];
          const hit = events.some(
            (e) => e.actor.kind === 'citizen' && e.detail !== undefined && re(arg).test(e.detail),
          );
          if (!hit) fail(`citizen events: ${events.filter((e) => e.actor.kind === 'citizen').map((e) => e.action)}`);
          break;
        }
        case 'staff': {
          const c = target ? await caseOf(target) : null;
          const staff = o.sent.filter((s) => s.channel === 'staff' && !s.chatId.startsWith('dm:'));
          const inThread = c ? staff.filter((s) => s.chatId === c.ticket) : staff;
          const hit = inThread.some((s) => re(arg).test(s.text));
          if (hit === negate) fail(`staff messages${c ? ` on ${c.ticket}` : ''}: ${inThread.length}`);
          break;
        }
        case 'supervisor': {
          const notices = o.sent.filter(
            (s) => (s.channel === 'staff' && s.chatId === `dm:${SUPERVISOR_ID}`) || s.channel === 'whatsapp',
          );
          const hit = notices.some((s) => re(arg).test(s.text));
          if (hit === negate) fail(`supervisor notices: ${notices.map((s) => s.text.slice(0, 60)).join(' | ')}`);
          break;
        }
        case 'reply': {
          const hit = replies.some((r) => re(arg).test(r.text));
          if (hit === negate) fail(negate ? 'a reply matched' : 'no reply matched');
          break;
        }
        case 'leak': {
          // A ticket the citizen typed themselves may be echoed ("ADU-… tidak kami temukan"); no other.
          const typed = o.turns.map((t) => fill(t.said, o.own, o.others, false)).join('\n');
          const leaked = o.others.filter(
            (c) => !typed.includes(c.ticket) && replies.some((r) => r.text.includes(c.ticket)),
          );
          if (leaked.length) fail(`replies named ${leaked.map((c) => c.ticket)}`);
          break;
        }
        case 'linked': {
          const earlier = givenOf(target ?? arg);
          const events = earlier ? await app.store.getEvents(earlier.ticket) : [];
          const hit = events.some((e) => e.action === 'repeat linked' && subject && e.detail?.includes(subject.ticket));
          if (!hit) fail('the earlier case has no link to the new one');
          break;
        }
        case 'repeat': {
          if (negate) {
            if (subject?.repeatOf) fail(`linked to ${subject.repeatOf.ticket}`);
            break;
          }
          const earlier = givenOf(target ?? arg);
          if (!subject || subject.repeatOf?.ticket !== earlier?.ticket)
            fail(`repeatOf: ${subject?.repeatOf?.ticket ?? 'none'}`);
          break;
        }
        case 'reopened': {
          const t = target ?? arg;
          const c = await caseOf(t);
          const before = givenOf(t);
          const reopened =
            c !== null && before !== undefined && c.reopenCount > before.reopenCount && c.stage === 'root_cause';
          if (reopened === negate) fail(`stage ${c?.stage}, reopened ${c?.reopenCount}×`);
          break;
        }
        case 'untouched': {
          const t = target ?? arg;
          const c = await caseOf(t);
          const before = givenOf(t);
          if (!c || !before || c.version !== before.version || c.stage !== before.stage)
            fail(`changed: stage ${before?.stage} → ${c?.stage}, version ${before?.version} → ${c?.version}`);
          break;
        }
        case 'stage': {
          const c = await caseOf(target);
          if (c?.stage !== arg) fail(`stage ${c?.stage}`);
          break;
        }
        case 'closed': {
          const c = await caseOf(target);
          if (c?.stage !== 'closed' || c.resolution !== arg) fail(`stage ${c?.stage}, resolution ${c?.resolution}`);
          break;
        }
        case 'open': {
          const c = await caseOf(target);
          if (!c || !isOpen(c.stage)) fail(`stage ${c?.stage}`);
          break;
        }
        case 'reason': {
          const c = await caseOf(target);
          const reason = c?.satisfaction.at(-1)?.reason;
          if (!reason || !re(arg).test(reason)) fail(`reason ${JSON.stringify(reason)}`);
          break;
        }
        case 'rating': {
          const c = await caseOf(target);
          const rating = c?.satisfaction.at(-1)?.rating;
          if (rating !== Number(arg)) fail(`rating ${rating}`);
          break;
        }
        case 'mode':
          if (state.mode !== arg) fail(`mode ${state.mode}`);
          break;
        case 'lang':
          if (state.language !== arg) fail(`language ${state.language}`);
          break;
        case 'counter': {
          const [counterName = '', value = ''] = arg.split(/\s+/);
          const got = app.counters.snapshot()[counterName] ?? 0;
          if (got !== Number(value)) fail(`${counterName} = ${got}`);
          break;
        }
        default:
          fail('unknown check');
      }
    } catch (err) {
      fail(`error: ${(err as Error).message}`);
    }
  }
  return failures;
}
