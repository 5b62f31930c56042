// Overview: what needs a person now, how the flows are doing over time (charts), and each flow's health.
'use strict';

import {api, duration, el, link, listView, page, part, table, when, word} from './ops.js';
import {barsNow, lineChart, PALETTE, stackedBars} from './charts.js';

const WINDOWS = [['24h', 'Last 24 hours'], ['7d', 'Last 7 days']];

page({id: 'overview', nav: 'Overview', order: 10, href: '#/', render: overview});

async function overview(path, params) {
  const window = params.get('window') === '7d' ? '7d' : '24h';
  const [health, orders, exceptions, latency, calls, backlog] = await Promise.all([api('/flows'),
    api('/charts/orders?window=' + window), api('/charts/exceptions?days=14'), api('/charts/latency?window=' + window),
    api('/charts/peoplevox-calls?window=' + window), api('/charts/backlog?window=' + window)]);
  const sum = counts => Object.values(counts || {}).reduce((a, b) => a + b, 0);
  const held = (health.ordersByState || {}).HELD_IN_BLUE_CHERRY || 0;
  const systems = health.systems || [];
  return [el('h1', {}, 'Overview'),
    el('div', {class: 'tiles'},
      tile('Open exceptions', sum(health.openExceptionsByCategory), '#/exceptions?status=OPEN', 'tile-exceptions'),
      tile('Stuck orders', sum(health.stuckOrdersByState), '#/stuck', 'tile-stuck'),
      tile('Orders held', held, '#/orders?state=HELD_IN_BLUE_CHERRY', 'tile-held'),
      tile('Systems down', systems.filter(s => s.down).length, '#/', 'tile-systems')),
    systemsTable(systems),
    el('div', {class: 'window'}, 'Charts: ', WINDOWS.map(([code, label]) => code === window
      ? el('strong', {}, label) : link('#/?window=' + code, label, {id: 'window-' + code}))),
    el('div', {class: 'charts'},
      ordersChart(orders), exceptionsChart(exceptions), callsChart(calls),
      latencyChart(latency, 'pick-to-peoplevox', 'chart-latency-orders'),
      latencyChart(latency, 'despatch-to-blue-cherry', 'chart-latency-despatch'),
      latencyChart(latency, 'stock-push', 'chart-latency-stock'),
      backlogNow(backlog), backlogChart(backlog)),
    await listView('flows', new URLSearchParams(), {title: false, size: 500, id: 'flows',
      extraColumns: [['', f => link('#/lists/records?flow=' + part(f.flow), 'records')]]}).then(parts =>
      [el('h2', {}, 'Flows'), parts]),
    el('h2', {}, 'Pulls from Blue Cherry and Peoplevox reports'),
    table([['Pull', p => p.route], ['Up to', p => p.watermark], ['Last success', p => when(p.lastSuccess)]], health.pulls),
    countsTable('Orders by where they are', 'orderState', health.ordersByState, s => '#/orders?state=' + s, false,
      'orders-by-state'),
    countsTable('Stuck orders by where they are', 'orderState', health.stuckOrdersByState, s => '#/stuck?state=' + s,
      true, 'stuck-by-state'),
    countsTable('Open exceptions by problem', 'category', health.openExceptionsByCategory,
      c => '#/exceptions?status=OPEN&category=' + c, true, 'open-by-category')];
}

/**
 * The systems' circuit breakers: a system that is down holds its queues (nothing becomes an exception meanwhile) and
 * is tried again every so often; one up whose last calls failed shows how many failed in a row.
 */
function systemsTable(systems) {
  return [el('h2', {}, 'Systems'),
    table([['System', s => s.system],
      ['State', s => (s.down ? 'DOWN since ' + when(s.downSince) + ' (its queues wait)' : 'answering'),
        s => (s.down ? 'warn' : '')],
      ['Calls failed in a row', s => s.failuresInARow, 'num'],
      ['Tried again', s => (s.down ? when(s.nextTry) : '')],
      ['Last error', s => s.lastError || '']],
    systems.filter(s => s.down || s.failuresInARow > 0), 'Every system answers.', {id: 'systems'})];
}

function tile(label, n, href, id) {
  return link(href, [el('span', {class: 'n'}, String(n)), el('span', {}, label)], {class: 'tile' + (n ? ' warn' : ''), id});
}

/** Counts by constant, shown in plain words, each a link; warn marks the non-zero ones (they need someone). */
function countsTable(heading, group, counts, href, warn, id) {
  const rows = Object.entries(counts || {}).map(([key, n]) => ({key, n}));
  return [el('h2', {}, heading), table([[group === 'category' ? 'Problem' : 'Where', r => link(href(r.key),
    word(group, r.key))], ['Count', r => r.n, r => (warn && r.n ? 'num warn' : 'num')]], rows, 'None.', {id})];
}

function ordersChart(chart) {
  return lineChart({id: 'chart-orders', title: chart.title, note: 'from the order lifecycle', buckets: chart.buckets,
    bucketSeconds: chart.bucketSeconds, unit: chart.unit,
    series: chart.series.map((s, i) => ({key: s.key, label: s.label, values: s.values, color: PALETTE[i]}))});
}

function exceptionsChart(chart) {
  const categories = [...new Set(chart.series.map(s => s.key.split(':')[1]))];
  const color = key => PALETTE[categories.indexOf(key.split(':')[1]) % PALETTE.length];
  const part = kind => chart.series.filter(s => s.key.startsWith(kind + ':'))
    .map(s => ({key: s.key, label: s.label, values: s.values, color: color(s.key)}));
  return stackedBars({id: 'chart-exceptions', title: chart.title, note: 'days in ' + chart.extra.zone,
    buckets: chart.buckets, bucketSeconds: chart.bucketSeconds, unit: chart.unit, up: part('opened'),
    down: part('resolved')});
}

function callsChart(chart) {
  const pick = key => chart.series.find(s => s.key === key);
  const budget = chart.extra.budgetPerMinute;
  return lineChart({id: 'chart-calls', title: chart.title, buckets: chart.buckets, bucketSeconds: chart.bucketSeconds,
    unit: chart.unit, note: 'every instance; budget ' + chart.extra.budget + (chart.extra.pacing ? ', paced' : ', not paced'),
    series: [{key: 'busiest-minute', label: pick('busiest-minute').label, values: pick('busiest-minute').values,
      color: PALETTE[0]},
    {key: 'average-minute', label: pick('average-minute').label, values: pick('average-minute').values, color: PALETTE[2]},
    {key: 'rate-limited', label: pick('rate-limited').label + ' (in the hour)', values: pick('rate-limited').values,
      color: PALETTE[3]}],
    level: {value: budget, label: 'Budget: ' + budget + ' calls a minute'}});
}

function latencyChart(chart, key, id) {
  const p50 = chart.series.find(s => s.key === key + ':p50');
  const p95 = chart.series.find(s => s.key === key + ':p95');
  const count = chart.series.find(s => s.key === key + ':count');
  const measured = count.values.reduce((a, b) => a + b, 0);
  return lineChart({id, title: p50.label.replace(', median', ''), buckets: chart.buckets,
    bucketSeconds: chart.bucketSeconds, unit: 'seconds', note: measured + ' measured',
    series: [{key: p50.key, label: 'median', values: p50.values, color: PALETTE[0]},
      {key: p95.key, label: '95th percentile', values: p95.values, color: PALETTE[1], dashed: true}]});
}

function backlogNow(chart) {
  return barsNow({id: 'chart-backlog-now', title: 'Backlog per flow now', unit: 'records',
    rows: chart.extra.now.map(f => ({key: f.flow, label: f.label, value: f.waiting, held: f.held,
      note: f.oldestWaitingSeconds != null ? 'oldest ' + duration(f.oldestWaitingSeconds) : ''}))});
}

function backlogChart(chart) {
  return lineChart({id: 'chart-backlog', title: chart.title, note: 'sampled every minute', buckets: chart.buckets,
    bucketSeconds: chart.bucketSeconds, unit: chart.unit,
    series: chart.series.map((s, i) => ({key: s.key, label: s.label, values: s.values,
      color: PALETTE[i % PALETTE.length]}))});
}
