// Orders: the list, and "where is this order?" (#/orders/<pick or order number>) with its steps as a timeline.
'use strict';

import {api, duration, el, facts, link, listView, meaning, page, part, plain, table, when, word} from './ops.js';

page({id: 'orders', nav: 'Orders', order: 30, render: (path, params) => {
  if (!path[0] && params.get('q')) { // the address of an earlier console: #/orders?q=<number>
    location.replace('#/orders/' + part(params.get('q')));
    return [];
  }
  return path[0] ? order(path[0]) : listView('orders', params);
}});

/** The usual path of an order, to show the steps still to come. */
const USUAL = ['RECEIVED', 'ACKNOWLEDGED', 'ALLOCATED', 'PICKING', 'DESPATCHED', 'CONFIRMED_IN_BLUE_CHERRY'];

async function order(number) {
  const found = await api('/orders/' + part(number), {missing: null});
  if (!found) {
    return [el('h1', {}, 'Where is this order?'),
      el('p', {id: 'not-found'}, 'No pick or order ' + number + ' is known to Cherrypick. ',
        link('#/search?q=' + part(number), 'Search for it'), ' among despatches, returns and exceptions.')];
  }
  return [el('h1', {}, 'Where is this order?'), found.map(orderCard)];
}

function orderCard(view) {
  const o = view.lifecycle;
  const t = view.timeline;
  return el('section', {class: 'order', id: 'order-' + o.pickNum},
    el('h2', {}, 'Pick ' + o.pickNum + (o.ordNum ? ' (order ' + o.ordNum + ')' : '')),
    el('p', {class: 'where'}, el('span', {class: 'state'}, word('orderState', t.state)),
      t.finished ? '' : ' for ' + duration(t.inStateSeconds), ' — ', t.stateMeaning),
    o.note ? el('p', {class: 'note'}, o.note) : null,
    view.stuck ? el('p', {class: 'stuck warn', id: 'stuck'}, 'Stuck: over its limit of ' + duration(view.stuck.limitMinutes * 60)
      + ' in this state; waiting for ' + view.stuck.waitingFor + '.') : null,
    timeline(t),
    facts([['Customer', o.customer], ['Customer PO', o.poNum], ['Blue Cherry location', o.bcLocation],
      ['Warehouse site', o.pvxSite], ['Revision sent', o.revisionSent], ['Last change', when(o.updatedAt)]]),
    view.despatches.length ? [el('h3', {}, 'Despatches'), table([['Despatch', d => d.despatchNumber],
      ['Units', d => d.units, 'num'], ['Heard of', d => when(d.heardOf)]], view.despatches)] : null,
    view.returns.length ? [el('h3', {}, 'Returns'), table([['RA', r => link('#/returns/' + part(r.raNum), r.raNum)],
      ['Where it is', r => word('returnState', r.state)], ['Last change', r => when(r.updatedAt)]], view.returns)] : null,
    view.exceptions.length ? [el('h3', {}, 'Exceptions'), table([['No.', e => link('#/exceptions/' + e.id, String(e.id))],
      ['Problem', e => word('category', e.category)], ['Status', e => word('exceptionStatus', e.status)],
      ['What happened', e => e.message], ['First seen', e => when(e.firstSeen)]], view.exceptions)] : null);
}

/** The steps reached, each with its time and how long after the one before; the usual steps still to come, greyed. */
function timeline(t) {
  const reached = t.steps.map((s, i) => el('li', {class: 'step done' + (i === t.steps.length - 1 ? ' current' : ''),
    'data-step': s.step},
  el('span', {class: 'label', title: s.step === 'RECEIVED' ? 'Taken from Blue Cherry' : s.step + ': '
      + meaning('orderState', s.step)}, s.label),
  el('span', {class: 'at'}, when(s.at)),
  s.sincePreviousSeconds != null ? el('span', {class: 'took'}, '+' + duration(s.sincePreviousSeconds)) : null));
  const seen = new Set(t.steps.map(s => s.step));
  const last = USUAL.reduce((max, step, i) => (seen.has(step) || (step === 'ACKNOWLEDGED'
    && seen.has('RELEASED_TO_PEOPLEVOX')) ? i : max), -1);
  const ahead = t.finished || t.state === 'HELD_IN_BLUE_CHERRY' && !seen.has('ACKNOWLEDGED') ? []
    : USUAL.slice(last + 1).map(step => el('li', {class: 'step ahead', 'data-step': step},
      el('span', {class: 'label'}, plain('orderState', step)), el('span', {class: 'at'}, 'to come')));
  if (!t.finished && t.steps.length) {
    reached.push(el('li', {class: 'step now'}, el('span', {class: 'label'}, 'Now'),
      el('span', {class: 'took'}, duration(t.inStateSeconds) + ' in this step')));
  }
  return el('ol', {class: 'timeline'}, reached, ahead);
}
