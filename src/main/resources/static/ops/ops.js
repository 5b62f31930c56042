// Cherrypick console: plain pages over the JSON API (/api). Every value from the systems is put in the page as text,
// never as HTML: payloads and messages come from Blue Cherry and Peoplevox and may hold anything.
'use strict';

const view = document.getElementById('view');
const notice = document.getElementById('notice');
const operator = document.getElementById('operator');
const STATES = ['QUEUED_IN_CHERRYPICK', 'HELD_IN_BLUE_CHERRY', 'RELEASED_TO_PEOPLEVOX', 'ACKNOWLEDGED', 'ALLOCATED',
  'PICKING', 'DESPATCHED', 'CONFIRMED_IN_BLUE_CHERRY', 'CANCELLED'];
const STEPS = [['receivedAt', 'Received from Blue Cherry'], ['heldAt', 'Held in Blue Cherry'],
  ['releasedAt', 'Released to Peoplevox'], ['acknowledgedAt', 'Accepted by Peoplevox'], ['allocatedAt', 'Allocated'],
  ['pickingAt', 'Picking'], ['despatchedAt', 'Despatched'], ['confirmedAt', 'Confirmed in Blue Cherry'],
  ['cancelledAt', 'Cancelled']];

operator.value = localStorage.getItem('cherrypick.operator') || '';
operator.addEventListener('input', () => localStorage.setItem('cherrypick.operator', operator.value.trim()));
/** The signed-in person when sign-in is on (their own name is recorded, whatever the field says). */
let signedIn = null;

/** An element with attributes (on* keys are listeners) and children (nodes, or values shown as text). */
function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value == null || value === false) return;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  });
  children.flat(Infinity).forEach(child => node.append(child instanceof Node ? child : text(child)));
  return node;
}

function text(value) {
  return document.createTextNode(value == null ? '' : String(value));
}

function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

function link(href, label) {
  return el('a', {href}, label);
}

function say(message, kind) {
  notice.textContent = message || '';
  notice.className = message ? kind : '';
}

/** Calls the API; a refusal becomes an error carrying the server's own words. */
async function api(path, options = {}) {
  const headers = {'Accept': 'application/json', 'X-Cherrypick-User': operator.value.trim() || 'anonymous'};
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  const csrf = document.cookie.split('; ').find(c => c.startsWith('XSRF-TOKEN='));
  if (csrf) headers['X-XSRF-TOKEN'] = decodeURIComponent(csrf.substring('XSRF-TOKEN='.length));
  const response = await fetch('/api' + path, {method: options.method || 'GET', headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body)});
  const body = await response.text();
  let data = null;
  try {
    data = body ? JSON.parse(body) : null;
  } catch (notJson) {
    data = {error: body.substring(0, 200)};
  }
  if (response.status === 401) {
    throw new Error('Your sign-in has ended: reload the page to sign in again.');
  }
  if (response.status === 403) {
    throw new Error('Your role may not do this (ask an admin if you need to).');
  }
  if (!response.ok) {
    throw new Error((data && (data.error || data.message)) || ('HTTP ' + response.status));
  }
  return data;
}

/** Actions are recorded with the operator's name: ask for it before acting. */
function operatorName() {
  if (signedIn) return signedIn;
  const name = operator.value.trim();
  if (!name) {
    say('Enter your name (top right) first: every action is recorded with it.', 'error');
    operator.focus();
  }
  return name;
}

/** A table: columns are [heading, row => cell value or node, optional class]. */
function table(columns, rows, empty) {
  if (!rows.length) return el('p', {class: 'muted'}, empty || 'Nothing to show.');
  return el('table', {},
    el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, c[0])))),
    el('tbody', {}, rows.map(row => el('tr', {}, columns.map(c => {
      const cls = typeof c[2] === 'function' ? c[2](row) : c[2];
      return el('td', {class: cls}, c[1](row));
    })))));
}

/** Counts by key, each key a link; {@code warn} marks the non-zero ones (they need someone). */
function countsTable(heading, keyLabel, counts, href, warn) {
  const rows = Object.entries(counts || {}).map(([key, n]) => ({key, n}));
  return [el('h2', {}, heading),
    table([[keyLabel, r => link(href(r.key), r.key)], ['Count', r => r.n, r => warn && r.n ? 'num warn' : 'num']], rows)];
}

function filterForm(fields, params, target) {
  const inputs = {};
  const form = el('form', {class: 'filters', onsubmit: event => {
    event.preventDefault();
    const query = new URLSearchParams();
    Object.entries(inputs).forEach(([name, input]) => { if (input.value.trim()) query.set(name, input.value.trim()); });
    location.hash = target + (query.toString() ? '?' + query : '');
  }});
  fields.forEach(([name, label, options]) => {
    const input = options
      ? el('select', {name}, options.map(o => el('option', {value: o, selected: params.get(name) === o}, o || 'any')))
      : el('input', {name, value: params.get(name) || ''});
    inputs[name] = input;
    form.append(el('label', {}, label, input));
  });
  form.append(el('button', {type: 'submit'}, 'Show'));
  return form;
}

// ---- views -----------------------------------------------------------------------------------------------------

async function overview() {
  const health = await api('/flows');
  return [el('h1', {}, 'Overview'),
    el('h2', {}, 'Flows'),
    table([['Flow', f => f.flow], ['Backlog', f => f.backlog, 'num'],
      ['Oldest waiting (s)', f => f.oldestWaitingSeconds ?? '', f => f.oldestWaitingSeconds > 900 ? 'num warn' : 'num'],
      ['Last sent', f => when(f.lastSent)],
      ['Open exceptions', f => f.openExceptions ? link('#/exceptions?status=OPEN&flow=' + encodeURIComponent(f.flow),
        String(f.openExceptions)) : '0', f => f.openExceptions ? 'num warn' : 'num']], health.flows),
    el('h2', {}, 'Pulls from Blue Cherry'),
    table([['Pull', p => p.route], ['Watermark', p => p.watermark], ['Last success', p => when(p.lastSuccess)]], health.pulls),
    countsTable('Orders by state', 'State', health.ordersByState, state => '#/orders?state=' + state, false),
    countsTable('Stuck orders by state', 'State', health.stuckOrdersByState, state => '#/stuck?state=' + state, true),
    countsTable('Open exceptions by category', 'Category', health.openExceptionsByCategory,
      category => '#/exceptions?status=OPEN&category=' + category, true)];
}

async function exceptions(params) {
  const query = new URLSearchParams(params);
  query.set('limit', '500');
  const rows = await api('/exceptions?' + query);
  const parts = [el('h1', {}, 'Exceptions'),
    filterForm([['status', 'Status', ['', 'OPEN', 'REPLAYED', 'RESOLVED', 'DISCARDED']],
      ['category', 'Category', ['', 'SKU_MISMATCH', 'MISSING_WAREHOUSE', 'VALIDATION', 'AFTER_CUTOFF', 'API_TIMEOUT',
        'API_ERROR', 'AUTH', 'RATE_LIMITED', 'DUPLICATE']], ['flow', 'Flow'], ['key', 'Record (pick, despatch, SKU...)']],
    params, '#/exceptions')];
  if (params.get('status') === 'OPEN' && (params.get('category') || params.get('flow')) && rows.length) {
    parts.push(el('div', {class: 'actions'}, el('button', {id: 'replay-all', onclick: () => replayAll(params, rows.length)},
      'Replay all open ones of this ' + (params.get('category') ? 'category' : 'flow'))));
  }
  parts.push(table([['#', e => link('#/exceptions/' + e.id, String(e.id))], ['Flow', e => e.flow],
    ['Record', e => e.businessKey], ['Category', e => e.category], ['For', e => e.owner], ['Message', e => e.message],
    ['Attempts', e => e.attempts, 'num'], ['Last seen', e => when(e.lastSeen)], ['Status', e => e.status]], rows,
  'No exception matches.'));
  return parts;
}

async function replayAll(params, shown) {
  if (!operatorName()) return;
  if (!confirm('Replay every open exception of this filter (' + shown + ' shown)?')) return;
  const query = new URLSearchParams();
  ['category', 'flow'].forEach(name => { if (params.get(name)) query.set(name, params.get(name)); });
  try {
    const result = await api('/exceptions/replay?' + query, {method: 'POST'});
    say(result.replayed.length + ' replayed, ' + Object.keys(result.skipped).length + ' skipped.', 'ok');
    render();
  } catch (e) {
    say(e.message, 'error');
  }
}

async function exception(id) {
  const e = await api('/exceptions/' + encodeURIComponent(id));
  const reason = el('input', {id: 'reason', size: 50, placeholder: 'why (required to resolve or discard)'});
  const act = async (action, body) => {
    if (!operatorName()) return;
    try {
      const after = await api('/exceptions/' + e.id + '/' + action, {method: 'POST', body});
      say('Exception ' + e.id + ' is now ' + after.status + '.', 'ok');
      render();
    } catch (error) {
      say(error.message, 'error');
    }
  };
  const open = e.status === 'OPEN';
  return [el('h1', {}, 'Exception ' + e.id + ': ' + e.businessKey),
    el('dl', {}, [
      ['Status', e.status], ['Flow', e.flow], ['Route', e.routeId], ['Record', e.businessKey], ['Category', e.category],
      ['For', e.owner], ['Message', e.message], ['Attempts', e.attempts], ['First seen', when(e.firstSeen)],
      ['Last seen', when(e.lastSeen)], ['Acted on by', e.actionedBy], ['Reason', e.actionReason],
      ['Acted on at', when(e.actionedAt)]].filter(([, v]) => v !== null && v !== '')
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('div', {class: 'actions'},
      el('button', {id: 'replay', disabled: !open && e.status !== 'REPLAYED', onclick: () => act('replay')}, 'Replay'),
      reason,
      el('button', {id: 'resolve', disabled: !open, onclick: () => act('resolve', {reason: reason.value.trim()})}, 'Resolve'),
      el('button', {id: 'discard', disabled: !open, onclick: () => act('discard', {reason: reason.value.trim()})}, 'Discard')),
    el('p', {}, link('#/orders?q=' + encodeURIComponent(e.businessKey), 'Where is ' + e.businessKey + '?')),
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

async function orders(params) {
  const q = params.get('q');
  const search = el('form', {class: 'filters', onsubmit: event => {
    event.preventDefault();
    const value = event.target.elements.q.value.trim();
    location.hash = '#/orders' + (value ? '?q=' + encodeURIComponent(value) : '');
  }}, el('label', {}, 'Pick or order number', el('input', {name: 'q', value: q || '', autofocus: true})),
  el('button', {type: 'submit'}, 'Find'));
  const parts = [el('h1', {}, 'Where is this order?'), search];
  if (q) {
    let found;
    try {
      found = await api('/orders/' + encodeURIComponent(q));
    } catch (notFound) {
      parts.push(el('p', {id: 'not-found'}, 'No pick or order ' + q + ' is known to Cherrypick.'));
      return parts;
    }
    found.forEach(({lifecycle: o, openExceptions}) => parts.push(orderCard(o, openExceptions)));
    return parts;
  }
  const state = params.get('state');
  const list = await api('/orders?limit=200' + (state ? '&state=' + state : ''));
  parts.push(filterForm([['state', 'State', [''].concat(STATES)]], params, '#/orders'));
  parts.push(table([['Pick', o => link('#/orders?q=' + encodeURIComponent(o.pickNum), o.pickNum)], ['Order', o => o.ordNum],
    ['Location', o => o.bcLocation], ['Site', o => o.pvxSite], ['State', o => o.state],
    ['Exception', o => o.exceptionOpen ? 'open' : ''], ['Updated', o => when(o.updatedAt)]], list));
  return parts;
}

function orderCard(o, openExceptions) {
  return el('section', {class: 'order'},
    el('h2', {}, 'Pick ' + o.pickNum + (o.ordNum ? ' (order ' + o.ordNum + ')' : '')),
    el('p', {}, el('span', {class: 'state'}, o.state), o.note ? ' — ' + o.note : ''),
    el('dl', {}, [['Customer', o.customer], ['PO', o.poNum], ['Blue Cherry location', o.bcLocation],
      ['Peoplevox site', o.pvxSite], ['Revision sent', o.revisionSent]].filter(([, v]) => v)
      .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    table([['Step', s => s[1]], ['When', s => when(o[s[0]])]], STEPS.filter(s => o[s[0]]), 'No step recorded yet.'),
    openExceptions.length ? [el('h2', {}, 'Open exceptions'),
      table([['#', e => link('#/exceptions/' + e.id, String(e.id))], ['Category', e => e.category],
        ['Message', e => e.message]], openExceptions)] : []);
}

const RETURN_STATES = ['AUTHORISED', 'EXPECTED_IN_PEOPLEVOX', 'RECEIVED', 'CONFIRMED_IN_BLUE_CHERRY', 'CLOSED_IN_BLUE_CHERRY'];
const RETURN_STEPS = [['authorisedAt', 'Authorised in Blue Cherry'], ['expectedAt', 'Expected in Peoplevox'],
  ['receivedAt', 'Received by the warehouse'], ['confirmedAt', 'Receipt confirmed in Blue Cherry']];

async function returns(params) {
  const q = params.get('q');
  const search = el('form', {class: 'filters', onsubmit: event => {
    event.preventDefault();
    const value = event.target.elements.q.value.trim();
    location.hash = '#/returns' + (value ? '?q=' + encodeURIComponent(value) : '');
  }}, el('label', {}, 'Return authorisation (RA) number', el('input', {name: 'q', value: q || ''})),
  el('button', {type: 'submit'}, 'Find'));
  const parts = [el('h1', {}, 'Where is this return?'), search];
  if (q) {
    let ra;
    try {
      ra = await api('/returns/' + encodeURIComponent(q));
    } catch (notFound) {
      parts.push(el('p', {id: 'not-found'}, 'No return authorisation ' + q + ' is known to Cherrypick.'));
      return parts;
    }
    parts.push(returnCard(ra));
    return parts;
  }
  const state = params.get('state');
  const list = await api('/returns?limit=200' + (state ? '&state=' + state : ''));
  parts.push(filterForm([['state', 'State', [''].concat(RETURN_STATES)]], params, '#/returns'));
  parts.push(table([['RA', r => link('#/returns?q=' + encodeURIComponent(r.raNum), r.raNum)], ['Order', r => r.ordNum],
    ['Pick', r => r.pickNum], ['Customer', r => r.customer], ['State', r => r.state],
    ['Exception', r => r.exceptionOpen ? 'open' : ''], ['Updated', r => when(r.updatedAt)]], list, 'No return yet.'));
  return parts;
}

function returnCard(ra) {
  return el('section', {class: 'return'},
    el('h2', {}, 'Return ' + ra.raNum + (ra.ordNum ? ' (order ' + ra.ordNum + ', pick ' + ra.pickNum + ')' : '')),
    el('p', {}, el('span', {class: 'state'}, ra.state), ra.note ? ' — ' + ra.note : ''),
    table([['Step', s => s[1]], ['When', s => when(ra[s[0]])]], RETURN_STEPS.filter(s => ra[s[0]]), 'No step recorded yet.'),
    el('h2', {}, 'Lines'),
    table([['Line', l => l.lineSeq, 'num'], ['Item', l => l.itemCode], ['Style', l => l.style], ['Colour', l => l.colorCode],
      ['Size', l => l.sizeDesc], ['Authorised', l => l.authorised, 'num'], ['Credited', l => l.credited, 'num'],
      ['Open', l => l.open, 'num']], ra.lines),
    el('h2', {}, 'Received by the warehouse'),
    table([['Return', r => r.returnCode], ['Item', r => r.itemCode], ['Quantity', r => r.quantity, 'num'],
      ['Condition', r => r.condition], ['Disposition', r => r.disposition], ['State', r => r.state],
      ['Received', r => when(r.receivedAt)], ['Confirmed', r => when(r.confirmedAt)]], ra.receipts, 'Nothing received yet.'),
    ra.openExceptions.length ? [el('h2', {}, 'Open exceptions'),
      table([['#', e => link('#/exceptions/' + e.id, String(e.id))], ['Category', e => e.category],
        ['Message', e => e.message]], ra.openExceptions)] : []);
}

async function stuck(params) {
  const state = params.get('state');
  const data = await api('/orders/stuck?limit=500' + (state ? '&state=' + state : ''));
  return [el('h1', {}, 'Stuck orders'),
    el('p', {class: 'muted'}, 'In one state longer than its limit (cherrypick.ops.stuck-after), the longest-waiting first.'),
    filterForm([['state', 'State', [''].concat(STATES)]], params, '#/stuck'),
    table([['Pick', o => link('#/orders?q=' + encodeURIComponent(o.pickNum), o.pickNum)], ['Order', o => o.ordNum],
      ['State', o => o.state], ['Since', o => when(o.since)], ['Minutes', o => o.minutesInState, 'num'],
      ['Limit', o => o.limitMinutes, 'num'], ['Site', o => o.pvxSite], ['Waiting for', o => o.waitingFor],
      ['Exception', o => o.exceptionOpen ? 'open' : '']], data.orders, 'No order is stuck.')];
}

async function reconciliation(params) {
  const query = new URLSearchParams();
  ['from', 'to'].forEach(name => { if (params.get(name)) query.set(name, params.get(name)); });
  const report = await api('/reconciliation/orders?' + query);
  const columns = [['Day', r => r.day ?? 'Total'], ['Location', r => r.bcLocation], ['Site', r => r.pvxSite],
    ['Received', r => r.received, 'num'], ['Held', r => r.held, 'num'], ['Released', r => r.released, 'num'],
    ['Accepted', r => r.acknowledged, 'num'], ['Despatched', r => r.despatched, 'num'],
    ['Units', r => r.despatchedUnits, 'num'], ['Confirmed', r => r.confirmed, 'num'],
    ['Cancelled', r => r.cancelled, 'num'],
    ['Despatched, not confirmed', r => r.despatchedNotConfirmed, r => r.despatchedNotConfirmed ? 'num warn' : 'num']];
  const csv = '/api/reconciliation/orders?format=csv&from=' + report.from + '&to=' + report.to;
  return [el('h1', {}, 'Orders reconciliation'),
    filterForm([['from', 'From (yyyy-mm-dd)'], ['to', 'To']], params, '#/reconciliation'),
    el('p', {class: 'muted'}, report.from + ' to ' + report.to + ', days in ' + report.zone + '. ',
      el('a', {href: csv, id: 'csv'}, 'Download CSV')),
    table(columns, report.rows.concat([report.total]), 'No order in this period.'),
    el('h2', {}, 'Despatched, not yet confirmed in Blue Cherry (not invoiced)'),
    table([['Pick', g => link('#/orders?q=' + encodeURIComponent(g.pickNum), g.pickNum)], ['Order', g => g.ordNum],
      ['Location', g => g.bcLocation], ['Site', g => g.pvxSite], ['Despatched', g => when(g.despatchedAt)],
      ['Exception', g => g.exceptionOpen ? 'open' : '']], report.despatchedNotConfirmed, 'None.'),
    await stockVariances()];
}

/** The last stock reconciliation: what differs between Peoplevox, Blue Cherry and the channels, per SKU and site. */
async function stockVariances() {
  let report;
  try {
    report = await api('/reconciliation/stock?onlyVariances=true&limit=500');
  } catch (e) {
    return el('p', {class: 'muted'}, 'Stock variances: ' + e.message);
  }
  const run = report.reconciliation;
  return [el('h2', {}, 'Stock variances'),
    el('p', {class: 'muted', id: 'stock-run'}, run
      ? 'Last reconciliation ' + when(run.finishedAt || run.startedAt) + ' (' + run.kind + ', ' + run.status + '): '
        + run.reportRows + ' rows read, ' + run.corrected + ' levels corrected.'
      : 'No stock reconciliation has run yet.'),
    table([['SKU', v => v.itemCode], ['Site', v => v.site], ['Location', v => v.bcLocation],
      ['Peoplevox on hand', v => v.pvxOnHand, 'num'], ['Blue Cherry told', v => v.blueCherryTold, 'num'],
      ['Blue Cherry variance', v => v.blueCherryVariance, v => v.blueCherryVariance ? 'num warn' : 'num'],
      ['Channel variance', v => v.channelVariance, v => v.channelVariance ? 'num warn' : 'num'],
      ['Corrected', v => v.corrected ? 'yes' : '']], report.rows, 'No variance.')];
}

/** The mapping kinds the flows read, and what their values mean. */
const MAPPING_KINDS = {
  'site': 'Blue Cherry location → Peoplevox site reference (orders, returns, stock)',
  'shipper': 'Blue Cherry shipper → Peoplevox service type (orders)',
  'carrier': 'Peoplevox service type or carrier → Blue Cherry shipper/SCAC, e.g. UPS/UPSN (despatches)',
  'return-disposition': 'Peoplevox return condition → Blue Cherry disposition A, D or Q (returns)',
  'return-reason': 'Peoplevox return reason → Blue Cherry reason code (returns)',
  'stock-buffer': 'units held back from the channels: <site>:<sku>, *:<sku>, <site> or * → units (stock)',
  'stock-settings': 'peak-mode → on / off (stock)'
};

async function mappings(params) {
  const counts = await api('/mappings');
  const kinds = Array.from(new Set(Object.keys(MAPPING_KINDS).concat(Object.keys(counts)))).sort();
  const kind = params.get('kind');
  const parts = [el('h1', {}, 'Mappings'),
    el('p', {class: 'muted'}, 'Changes apply to the next record, without a restart, and are recorded in the audit log.'),
    table([['Kind', k => link('#/mappings?kind=' + encodeURIComponent(k), k)], ['Values', k => counts[k] || 0, 'num'],
      ['Meaning', k => MAPPING_KINDS[k] || '']], kinds)];
  if (!kind) return parts;
  const values = await api('/mappings/' + encodeURIComponent(kind));
  const source = el('input', {id: 'mapping-source', placeholder: 'from'});
  const target = el('input', {id: 'mapping-target', placeholder: 'to'});
  const change = async (method, from, to) => {
    if (!operatorName()) return;
    if (!from) {
      say('Say which value to map (the "from" field).', 'error');
      return;
    }
    try {
      await api('/mappings/' + encodeURIComponent(kind) + '/' + encodeURIComponent(from),
        {method, body: method === 'PUT' ? {target: to} : undefined});
      say(kind + ' ' + from + (method === 'PUT' ? ' → ' + to : ' removed') + '.', 'ok');
      render();
    } catch (e) {
      say(e.message, 'error');
    }
  };
  parts.push(el('h2', {}, 'Mapping ' + kind),
    table([['From', r => r[0]], ['To', r => r[1]],
      ['', r => el('button', {onclick: () => change('DELETE', r[0])}, 'Remove')]], Object.entries(values),
    'No value yet.'),
    el('div', {class: 'actions'}, source, target,
      el('button', {id: 'mapping-save', onclick: () => change('PUT', source.value.trim(), target.value.trim())},
        'Add or change')));
  return parts;
}

async function alerts() {
  const rows = await api('/alerts?limit=100');
  return [el('h1', {}, 'Alerts told to the chat'),
    table([['When', a => when(a.createdAt)], ['Message', a => el('pre', {}, a.text)],
      ['Delivered', a => when(a.deliveredAt)], ['Attempts', a => a.attempts, 'num'], ['Last error', a => a.lastError]],
    rows, 'No alert yet.')];
}

async function audit() {
  const rows = await api('/audit?limit=200');
  return [el('h1', {}, 'Audit log'),
    table([['When', a => when(a.at)], ['Who', a => a.actor], ['Action', a => a.action], ['What', a => a.targetType],
      ['Which', a => a.targetId], ['Detail', a => a.detail]], rows, 'No operator action yet.')];
}

// ---- routing ---------------------------------------------------------------------------------------------------

async function render() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const parts = path.split('/').filter(Boolean);
  const params = new URLSearchParams(query || '');
  const name = parts[0] || 'overview';
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.view === name));
  const views = {overview, exceptions: () => parts[1] ? exception(parts[1]) : exceptions(params),
    orders: () => orders(params), returns: () => returns(params), stuck: () => stuck(params),
    mappings: () => mappings(params), reconciliation: () => reconciliation(params), alerts, audit,
    'setup-audit': setupAudit};
  const show = views[name] || overview;
  try {
    const content = await show(params);
    view.replaceChildren(...[content].flat(Infinity));
  } catch (e) {
    view.replaceChildren(el('p', {class: 'muted'}, 'Could not load this page: ' + e.message));
  }
}

/** With sign-in on, the header shows who is signed in (and a way out) instead of the name field. */
async function whoAmI() {
  try {
    const me = await api('/me');
    if (me.name) {
      signedIn = me.name;
      operator.parentElement.replaceWith(el('span', {class: 'operator', id: 'signed-in'},
        'Signed in as ' + me.name + (me.roles.length ? ' (' + me.roles.join(', ').toLowerCase() + ')' : '') + ' · ',
        el('a', {href: '/logout'}, 'sign out')));
    }
  } catch (e) {
    // the page itself will say what failed
  }
}

window.addEventListener('hashchange', () => { say(''); render(); });
whoAmI().then(render);
