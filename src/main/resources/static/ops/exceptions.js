// Exceptions: the list (with bulk actions that show a preview first), and one exception with its guided fix, its
// original payload and the replay / resolve / discard buttons.
'use strict';

import {api, el, facts, guideOf, link, listView, operatorName, page, part, refresh, say, table, when, word} from './ops.js';

page({id: 'exceptions', nav: 'Exceptions', order: 20, href: '#/exceptions?status=OPEN',
  render: (path, params) => (path[0] ? exception(path[0]) : exceptions(params))});

const ACTIONS = {replay: 'Replay', resolve: 'Resolve', discard: 'Discard'};

async function exceptions(params) {
  const parts = await listView('exceptions', params);
  parts.splice(2, 0, bulkPanel(params));
  return parts;
}

/** Bulk replay, resolve or discard of what the filter shows: a preview first, then the action on exactly those. */
function bulkPanel(params) {
  const action = el('select', {id: 'bulk-action'}, Object.entries(ACTIONS).map(([v, label]) => el('option', {value: v},
    label + ' all of these')));
  const reason = el('input', {id: 'bulk-reason', size: 40, placeholder: 'why (needed to resolve or discard)'});
  const preview = el('div', {id: 'bulk-preview'});
  const show = async () => {
    const query = new URLSearchParams();
    ['status', 'category', 'flow', 'key'].forEach(k => { if (params.get(k)) query.set(k, params.get(k)); });
    if (!query.has('status')) query.set('status', 'OPEN');
    query.set('action', action.value);
    try {
      const p = await api('/exceptions/preview?' + query);
      preview.replaceChildren(...previewOf(p, action.value, reason));
    } catch (e) {
      say(e.message, 'error');
    }
  };
  return el('details', {class: 'bulk', id: 'bulk'}, el('summary', {}, 'Act on all of these…'),
    el('div', {class: 'actions'}, action, reason, el('button', {id: 'bulk-show', onclick: show}, 'Preview')),
    preview);
}

function previewOf(p, action, reason) {
  const verb = ACTIONS[action];
  const ids = p.items.filter(i => i.willAct).map(i => i.id);
  const act = async () => {
    if (!operatorName()) return;
    try {
      const done = await api('/exceptions/bulk', {method: 'POST', body: {action, ids, reason: reason.value.trim()}});
      say(verb + ': ' + done.done.length + ' done, ' + Object.keys(done.skipped).length + ' skipped.', 'ok');
      refresh();
    } catch (e) {
      say(e.message, 'error');
    }
  };
  return [el('p', {id: 'bulk-summary'}, verb + ' will act on ' + p.willAct + ' exception' + (p.willAct === 1 ? '' : 's')
      + (p.willSkip ? '; ' + p.willSkip + ' will be left as they are (see why)' : '') + '. Nothing has been done yet.'),
    table([['No.', i => link('#/exceptions/' + i.id, String(i.id))], ['Record', i => i.businessKey],
      ['Problem', i => word('category', i.category)], ['What happened', i => i.message],
      ['Will be', i => (i.willAct ? verb.toLowerCase() + (action === 'replay' ? 'ed' : 'd') : 'left: ' + i.why),
        i => (i.willAct ? 'ok' : 'warn')]], p.items, 'Nothing matches.', {id: 'bulk-items'}),
    ids.length ? el('button', {id: 'bulk-confirm', onclick: act}, verb + ' these ' + ids.length) : null];
}

async function exception(id) {
  const [e, fix] = await Promise.all([api('/exceptions/' + part(id)), api('/exceptions/' + part(id) + '/guide')]);
  const reason = el('input', {id: 'reason', size: 50, placeholder: 'why (required to resolve or discard)'});
  const act = async (action, body) => {
    if (!operatorName()) return;
    try {
      const after = await api('/exceptions/' + e.id + '/' + action, {method: 'POST', body});
      say('Exception ' + e.id + ' is now ' + after.status + ' (' + after.status.toLowerCase() + ').', 'ok');
      refresh();
    } catch (error) {
      say(error.message, 'error');
    }
  };
  const open = e.status === 'OPEN';
  const guide = fix.guide || guideOf(e.category) || {};
  return [el('h1', {}, 'Exception ' + e.id + ': ', e.businessKey),
    el('section', {class: 'guide', id: 'guide'},
      el('h2', {}, word('category', e.category), ' · for ', word('owner', e.owner)),
      facts([['What it means', guide.meaning], ['Usual fix', guide.usualFix], ['When to replay', guide.whenToReplay]]),
      el('ul', {class: 'fix-links'}, fix.links.map(l => el('li', {}, link(l.href, l.label))))),
    facts([['Status', word('exceptionStatus', e.status)], ['Flow', word('flow', e.flow)], ['Route', e.routeId],
      ['Record', e.businessKey], ['What happened', e.message], ['Times seen', e.attempts], ['First seen', when(e.firstSeen)],
      ['Last seen', when(e.lastSeen)], ['Acted on by', e.actionedBy], ['Reason', e.actionReason],
      ['Acted on at', when(e.actionedAt)]]),
    el('div', {class: 'actions'},
      el('button', {id: 'replay', disabled: !open && e.status !== 'REPLAYED', onclick: () => act('replay')}, 'Replay'),
      reason,
      el('button', {id: 'resolve', disabled: !open, onclick: () => act('resolve', {reason: reason.value.trim()})}, 'Resolve'),
      el('button', {id: 'discard', disabled: !open, onclick: () => act('discard', {reason: reason.value.trim()})}, 'Discard')),
    el('h2', {}, 'Original payload'), el('pre', {id: 'payload'}, pretty(e.payload)),
    e.headers ? [el('h2', {}, 'Headers'), el('pre', {}, pretty(e.headers))] : []];
}

function pretty(raw) {
  if (!raw) return '(none)';
  try {
    return JSON.stringify(JSON.parse(raw), null, 2);
  } catch (notJson) {
    return raw;
  }
}
