// Purchase orders: "where is this PO?" (#/purchase-orders/<prod_num>, which is also the Peoplevox PurchaseOrderNumber):
// its state, its lines (ordered, booked in, posted to Blue Cherry, still expected), the deliveries booked in against it
// and the open exceptions; without a number, the late ones (expected date + cherrypick.flows.inbound.stuck-grace passed)
// and the latest changed.
'use strict';

import {api, el, facts, link, meaning, page, part, table, when, word} from './ops.js';

page({id: 'purchase-orders', nav: 'Purchase orders', order: 35,
  render: (path, params) => (path[0] ? purchaseOrder(path[0]) : overview())});

async function overview() {
  const [late, latest] = await Promise.all([api('/purchase-orders/stuck'), api('/purchase-orders?limit=50')]);
  return [el('h1', {}, 'Purchase orders'),
    el('p', {class: 'muted'}, 'Type a purchase order number (or a delivery\'s goods-in reference) in the box at the top'
      + ' to see where it is.'),
    el('h2', {}, 'Late: expected date passed, units still expected'),
    table([['Purchase order', p => poLink(p.prodNum)], ['Supplier', p => p.supplier], ['Site', p => p.site],
      ['Expected', p => p.expectedDate], ['Where it is', p => word('purchaseOrderState', p.state)],
      ['Still expected', p => p.unitsExpected + ' of ' + p.unitsOrdered, 'num'], ['Late by', p => lateBy(p.hoursLate)],
      ['Exception', p => (p.exceptionOpen ? 'yes' : '')]], late, 'No purchase order is late.', {id: 'late'}),
    el('h2', {}, 'Latest changed'),
    table([['Purchase order', p => poLink(p.prodNum)], ['Supplier', p => p.supplier], ['Site', p => p.site],
      ['Expected', p => p.expectedDate], ['Where it is', p => word('purchaseOrderState', p.state)],
      ['Last change', p => when(p.updatedAt)]], latest, 'No purchase order yet.', {id: 'latest'})];
}

async function purchaseOrder(number) {
  const po = await api('/purchase-orders/' + part(number), {missing: null});
  if (!po) {
    return [el('h1', {}, 'Where is this PO?'),
      el('p', {id: 'not-found'}, 'No purchase order ' + number + ' is known to Cherrypick. ',
        link('#/search?q=' + part(number), 'Search for it'), ' among deliveries and exceptions.')];
  }
  const late = (await api('/purchase-orders/stuck?limit=1000')).find(p => p.prodNum === po.prodNum);
  return [el('h1', {}, 'Where is this PO?'), el('section', {class: 'purchase-order', id: 'po-' + po.prodNum},
    el('h2', {}, 'Purchase order ' + po.prodNum + (po.supplier ? ' from ' + po.supplier : '')),
    el('p', {class: 'where'}, el('span', {class: 'state'}, word('purchaseOrderState', po.state)), ' — ',
      meaning('purchaseOrderState', po.state)),
    po.note ? el('p', {class: 'note'}, po.note) : null,
    late ? el('p', {class: 'stuck warn', id: 'late'}, 'Late: expected ' + po.expectedDate + ', ' + late.unitsExpected
      + ' units still expected (' + lateBy(late.hoursLate) + ' late).') : null,
    el('p', {id: 'units'}, po.unitsOrdered + ' units ordered, ' + po.unitsReceived + ' booked in by the warehouse, '
      + po.unitsPosted + ' posted to Blue Cherry, ' + po.unitsExpected + ' still expected.'),
    facts([['Expected', po.expectedDate], ['Blue Cherry location', po.location], ['Warehouse site', po.site],
      ['Blue Cherry stage', po.stageNum], ['Sent to Peoplevox', when(po.sentAt)], ['First delivery', when(po.firstReceiptAt)],
      ['Last change', when(po.updatedAt)]]),
    el('h3', {}, 'Lines'),
    table([['Line', l => l.prodLine], ['Item', l => l.itemCode], ['Style', l => l.style], ['Colour', l => l.colorCode],
      ['Size', l => l.sizeDesc], ['Ordered', l => l.ordered, 'num'], ['Booked in', l => l.received, 'num'],
      ['Posted', l => l.posted, 'num'], ['Still expected', l => l.open, l => (l.open ? 'num warn' : 'num')]],
    po.lines, 'No lines.', {id: 'lines'}),
    el('h3', {}, 'Deliveries'),
    table([['Goods-in reference', r => r.reference], ['Item', r => r.itemCode], ['Units', r => r.quantity, 'num'],
      ['Received', r => r.receivedDate], ['Where it is', r => word('deliveryState', r.state)], ['Note', r => r.note]],
    po.receipts, 'Nothing booked in yet.', {id: 'receipts'}),
    po.openExceptions.length ? [el('h3', {}, 'Open exceptions'),
      table([['No.', e => link('#/exceptions/' + e.id, String(e.id))], ['Problem', e => word('category', e.category)],
        ['For', e => word('owner', e.owner)], ['What happened', e => e.message], ['First seen', e => when(e.firstSeen)]],
      po.openExceptions, '', {id: 'exceptions'})] : null)];
}

function poLink(prodNum) {
  return link('#/purchase-orders/' + part(prodNum), prodNum);
}

function lateBy(hours) {
  return hours >= 48 ? Math.floor(hours / 24) + ' days' : hours + ' h';
}
