// Reconciliation (finance): orders per day, location and site with the CSV; the picks despatched but not confirmed
// (not invoiced); inbound: units booked in against units posted to Blue Cherry, per purchase order; the last stock
// reconciliation's variances.
'use strict';

import {api, el, filterForm, here, link, listView, page, part, table} from './ops.js';

page({id: 'reconciliation', nav: 'Reconciliation', order: 60, render: reconciliation});

const PER_PAGE = 50;

async function reconciliation(path, params) {
  const query = new URLSearchParams();
  ['from', 'to'].forEach(name => { if (params.get(name)) query.set(name, params.get(name)); });
  const report = await api('/reconciliation/orders?' + query);
  const offset = Math.max(0, parseInt(params.get('offset') || '0', 10) || 0);
  const rows = report.rows.slice(offset, offset + PER_PAGE);
  const columns = [['Day', r => r.day ?? 'Total'], ['Location', r => r.bcLocation], ['Site', r => r.pvxSite],
    ['Received', r => r.received, 'num'], ['Held', r => r.held, 'num'], ['Sent', r => r.released, 'num'],
    ['Accepted', r => r.acknowledged, 'num'], ['Despatched', r => r.despatched, 'num'],
    ['Units', r => r.despatchedUnits, 'num'], ['Confirmed', r => r.confirmed, 'num'],
    ['Cancelled', r => r.cancelled, 'num'],
    ['Despatched, not confirmed', r => r.despatchedNotConfirmed, r => (r.despatchedNotConfirmed ? 'num warn' : 'num')]];
  const csv = '/api/reconciliation/orders?format=csv&from=' + report.from + '&to=' + report.to;
  const period = new URLSearchParams({from: report.from, to: report.to});
  return [el('h1', {}, 'Orders reconciliation'),
    filterForm([{name: 'from', label: 'From (yyyy-mm-dd)', choices: []}, {name: 'to', label: 'To', choices: []}], params),
    el('p', {class: 'muted'}, report.from + ' to ' + report.to + ', days in ' + report.zone + '. ',
      link(csv, 'Download CSV', {id: 'csv', download: 'orders.csv'})),
    el('div', {class: 'pager'}, el('span', {class: 'count'}, report.rows.length ? (offset + 1) + '–'
      + Math.min(offset + PER_PAGE, report.rows.length) + ' of ' + report.rows.length + ' days and places' : 'none'),
    offset > 0 ? link(here(params, {offset: Math.max(0, offset - PER_PAGE) || null}), '‹ previous') : null,
    offset + PER_PAGE < report.rows.length ? link(here(params, {offset: offset + PER_PAGE}), 'next ›') : null),
    table(columns, rows.concat([report.total]), 'No order in this period.', {id: 'reconciliation-rows'}),
    el('h2', {}, 'Despatched, not yet confirmed in Blue Cherry (not invoiced)'),
    await listView('despatched-not-confirmed', params, {title: false, fixed: Object.fromEntries(period),
      offsetParam: 'gaps', empty: 'None.', id: 'not-confirmed'}),
    await inbound(query),
    el('h2', {}, 'Stock variances'),
    await stockRun(),
    await listView('stock-variances', params, {title: false, fixed: {variance: 'yes'}, offsetParam: 'variances',
      empty: 'No variance.', id: 'stock-variances'})];
}

/** Inbound: per purchase order, units booked in by the warehouse against units posted to Blue Cherry. */
async function inbound(query) {
  const report = await api('/reconciliation/inbound?' + query);
  const csv = '/api/reconciliation/inbound?format=csv&from=' + report.from + '&to=' + report.to;
  const t = report.total;
  return [el('h2', {}, 'Inbound: booked in and posted to Blue Cherry'),
    el('p', {class: 'muted', id: 'inbound-total'}, t.ordered + ' units ordered, ' + t.received + ' booked in, ' + t.posted
      + ' posted to Blue Cherry in the period. ', link(csv, 'Download CSV', {id: 'inbound-csv', download: 'inbound.csv'}),
    ' ', link(csv + '&by=day', 'per day and site (CSV)', {download: 'inbound-days.csv'})),
    table([['Purchase order', r => (r.prodNum ? link('#/purchase-orders/' + part(r.prodNum), r.prodNum)
      : r === report.purchaseOrderTotal ? 'Total' : '(none)')], ['Supplier', r => r.supplier], ['Site', r => r.pvxSite],
    ['Ordered', r => r.ordered, 'num'], ['Booked in', r => r.received, 'num'], ['Posted', r => r.posted, 'num'],
    ['Booked in, not posted', r => r.receivedNotPosted, r => (r.receivedNotPosted ? 'num warn' : 'num')]],
    report.purchaseOrders.length ? report.purchaseOrders.concat([report.purchaseOrderTotal]) : [],
    'Nothing booked in during this period.', {id: 'inbound-rows'})];
}

/** The last stock reconciliation, in one sentence. */
async function stockRun() {
  let report;
  try {
    report = await api('/reconciliation/stock?onlyVariances=true&limit=1');
  } catch (e) {
    return el('p', {class: 'muted'}, 'Stock variances: ' + e.message);
  }
  const run = report.reconciliation;
  return el('p', {class: 'muted', id: 'stock-run'}, run
    ? 'Last reconciliation ' + new Date(run.finishedAt || run.startedAt).toLocaleString() + ' (' + run.kind + ', '
      + run.status + '): ' + run.reportRows + ' rows read, ' + run.corrected + ' levels corrected.'
    : 'No stock reconciliation has run yet.');
}
