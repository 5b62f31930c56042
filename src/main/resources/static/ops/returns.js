// Returns: the list, the returns the warehouse received, and "where is this return?" (#/returns/<RA number>).
'use strict';

import {api, el, link, listView, page, part, table, when, word} from './ops.js';

page({id: 'returns', nav: 'Returns', order: 40, render: async (path, params) => {
  if (!path[0] && params.get('q')) { // the address of an earlier console: #/returns?q=<RA>
    location.replace('#/returns/' + part(params.get('q')));
    return [];
  }
  if (path[0]) return authorisation(path[0]);
  return [await listView('returns', params),
    el('p', {}, link('#/lists/return-receipts', 'Returns received by the warehouse'), ' (with those that match no RA).')];
}});

const STEPS = [['authorisedAt', 'Authorised in Blue Cherry'], ['expectedAt', 'Expected by the warehouse'],
  ['receivedAt', 'Received by the warehouse'], ['confirmedAt', 'Credited in Blue Cherry']];

async function authorisation(raNumber) {
  const ra = await api('/returns/' + part(raNumber), {missing: null});
  if (!ra) {
    return [el('h1', {}, 'Where is this return?'), el('p', {id: 'not-found'}, 'No return authorisation ' + raNumber
      + ' is known to Cherrypick. ', link('#/search?q=' + part(raNumber), 'Search for it'), '.')];
  }
  return [el('h1', {}, 'Where is this return?'), el('section', {class: 'return', id: 'return-' + ra.raNum},
    el('h2', {}, 'Return ' + ra.raNum + (ra.ordNum ? ' (order ' + ra.ordNum + ', pick ' : ''),
      ra.pickNum ? link('#/orders/' + part(ra.pickNum), ra.pickNum) : '', ra.ordNum ? ')' : ''),
    el('p', {}, el('span', {class: 'state'}, word('returnState', ra.state)), ra.note ? ' — ' + ra.note : ''),
    el('ol', {class: 'timeline'}, STEPS.filter(s => ra[s[0]]).map(s => el('li', {class: 'step done'},
      el('span', {class: 'label'}, s[1]), el('span', {class: 'at'}, when(ra[s[0]]))))),
    el('h3', {}, 'Lines'),
    table([['Line', l => l.lineSeq, 'num'], ['Item', l => l.itemCode], ['Style', l => l.style], ['Colour', l => l.colorCode],
      ['Size', l => l.sizeDesc], ['Authorised', l => l.authorised, 'num'], ['Credited', l => l.credited, 'num'],
      ['Still open', l => l.open, 'num']], ra.lines),
    el('h3', {}, 'Received by the warehouse'),
    table([['Return', r => r.returnCode], ['Item', r => r.itemCode], ['Quantity', r => r.quantity, 'num'],
      ['Condition', r => r.condition], ['Disposition', r => r.disposition], ['Where it is', r => word('receiptState', r.state)],
      ['Received', r => when(r.receivedAt)], ['Credited', r => when(r.confirmedAt)]], ra.receipts, 'Nothing received yet.'),
    ra.openExceptions.length ? [el('h3', {}, 'Open exceptions'),
      table([['No.', e => link('#/exceptions/' + e.id, String(e.id))], ['Problem', e => word('category', e.category)],
        ['What happened', e => e.message]], ra.openExceptions)] : [])];
}
