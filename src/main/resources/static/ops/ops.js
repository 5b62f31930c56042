// Cherrypick console: the core every page shares (elements, the API, plain words, lists, the router).
//
// Pages: one module each (overview.js, orders.js, ...), loaded by index.html. A page registers itself with page({...}):
// its id is the first part of its address (#/<id>/...), its nav label and order put it in the navigation, and render()
// returns what the page shows. To add a page: write <name>.js that imports what it needs from here and calls page(),
// and add its <script type="module"> line to index.html.
//
// Every value from the systems is put in the page as text, never as HTML: payloads and messages come from Blue Cherry
// and Peoplevox and may hold anything.
'use strict';

const pages = new Map();
let words = {groups: {}, guides: []};
/** The signed-in person when sign-in is on (their own name is recorded, whatever the field says). */
let signedIn = null;
let rendering = 0;

/**
 * Registers a page: {id, nav (label, or none to stay out of the navigation), order (place in the navigation),
 * href (the navigation's address, default #/<id>), render(path, params) -> nodes}. path holds the address's parts
 * after the id (#/orders/P1 -> ['P1']), params its query.
 */
export function page(definition) {
  pages.set(definition.id, definition);
}

/** An element with attributes (on* keys are listeners) and children (nodes, or values shown as text). */
export function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  Object.entries(attrs || {}).forEach(([key, value]) => {
    if (value == null || value === false) return;
    if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? '' : value);
  });
  children.flat(Infinity).forEach(child => {
    if (child == null || child === false) return;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  });
  return node;
}

/** A time as people read it, in their browser's zone. */
export function when(instant) {
  return instant ? new Date(instant).toLocaleString() : '';
}

/** A duration in seconds as "3 h 5 min", "2 min 10 s", "4 s". */
export function duration(seconds) {
  if (seconds == null) return '';
  const s = Math.round(Math.abs(seconds));
  if (s < 60) return s + ' s';
  if (s < 3600) return Math.floor(s / 60) + ' min' + (s % 60 && s < 600 ? ' ' + (s % 60) + ' s' : '');
  if (s < 86400) return Math.floor(s / 3600) + ' h' + (Math.floor(s / 60) % 60 ? ' ' + (Math.floor(s / 60) % 60) + ' min' : '');
  return Math.floor(s / 86400) + ' d' + (Math.floor(s / 3600) % 24 ? ' ' + (Math.floor(s / 3600) % 24) + ' h' : '');
}

export function link(href, label, attrs) {
  return el('a', Object.assign({href}, attrs || {}), label);
}

/** A value as part of a console address. */
export function part(value) {
  return encodeURIComponent(value == null ? '' : String(value));
}

/** The address of a record: an order, an exception, a return, or a search for it. */
export function recordHref(kind, value) {
  switch (kind) {
    case 'order': return '#/orders/' + part(value);
    case 'exception': return '#/exceptions/' + part(value);
    case 'return': return '#/returns/' + part(value);
    default: return '#/search?q=' + part(value);
  }
}

export function say(message, kind) {
  const notice = document.getElementById('notice');
  notice.textContent = message || '';
  notice.className = message ? kind : '';
}

/** The plain name of a constant (the constant itself when the table does not know it). */
export function plain(group, constant) {
  const found = (words.groups[group] || []).find(w => w.constant === constant);
  return found ? found.plain : (constant == null ? '' : String(constant));
}

/** What a constant means, in a sentence ('' when unknown). */
export function meaning(group, constant) {
  const found = (words.groups[group] || []).find(w => w.constant === constant);
  return found ? found.meaning : '';
}

/** A constant shown in plain words, the constant (and its meaning) in the tooltip. */
export function word(group, constant) {
  if (constant == null || constant === '') return '';
  const explained = meaning(group, constant);
  return el('span', {class: 'word', title: constant + (explained ? ': ' + explained : ''), 'data-constant': constant},
    plain(group, constant));
}

/** The words of a group: [{constant, plain, meaning}]. */
export function wordsOf(group) {
  return words.groups[group] || [];
}

/** The guided fix of an exception category. */
export function guideOf(category) {
  return words.guides.find(g => g.constant === category);
}

/** Calls the API; a refusal becomes an error carrying the server's own words. */
export async function api(path, options = {}) {
  const operator = document.getElementById('operator');
  const headers = {'Accept': 'application/json',
    'X-Cherrypick-User': (operator && operator.value.trim()) || 'anonymous'};
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
  if (response.status === 401) throw new Error('Your sign-in has ended: reload the page to sign in again.');
  if (response.status === 403) throw new Error('Your role may not do this (ask an admin if you need to).');
  if (response.status === 404 && options.missing !== undefined) return options.missing;
  if (!response.ok) throw new Error((data && (data.error || data.message)) || ('HTTP ' + response.status));
  return data;
}

/** Actions are recorded with the operator's name: ask for it before acting. */
export function operatorName() {
  if (signedIn) return signedIn;
  const operator = document.getElementById('operator');
  const name = operator.value.trim();
  if (!name) {
    say('Enter your name (top right) first: every action is recorded with it.', 'error');
    operator.focus();
  }
  return name;
}

/** Pairs shown as a definition list; empty values are left out. */
export function facts(pairs) {
  return el('dl', {}, pairs.filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([k, v]) => [el('dt', {}, k), el('dd', {}, v)]));
}

/** A table: columns are [heading, row => cell value or node, optional class (or row => class)]. */
export function table(columns, rows, empty, attrs) {
  if (!rows.length) return el('p', {class: 'muted empty'}, empty || 'Nothing to show.');
  return el('table', attrs || {},
    el('thead', {}, el('tr', {}, columns.map(c => el('th', {}, c[0])))),
    el('tbody', {}, rows.map(row => el('tr', {}, columns.map(c => {
      const cls = typeof c[2] === 'function' ? c[2](row) : c[2];
      return el('td', {class: cls}, c[1](row));
    })))));
}

/** A list's cell as people read it: plain words, local times, yes/no, links to the record. */
export function cell(column, value) {
  if (value == null || value === '') return '';
  let shown;
  if (column.words) shown = word(column.words, value);
  else if (column.type === 'time') shown = when(value);
  else if (column.type === 'yesno') shown = value ? 'yes' : '';
  else shown = String(value);
  return column.link ? link(recordHref(column.link, value), shown) : shown;
}

/** The address of this page with other parameters. */
export function here(params, changes) {
  const query = new URLSearchParams(params);
  Object.entries(changes).forEach(([k, v]) => (v == null || v === '' ? query.delete(k) : query.set(k, v)));
  const [path] = location.hash.split('?');
  const q = query.toString();
  return (path || '#/') + (q ? '?' + q : '');
}

/**
 * A list of /api/lists/<name>: its filters, a page of its rows, the pager and the CSV of all of it. params are the
 * page's (the list reads the ones named like its filters). Options: title (false for none), fixed (filters always
 * sent, not shown), offsetParam (the page parameter holding this list's position, when a page shows several lists),
 * extraColumns ([heading, row => node]), size (rows per page), id (the table's id), empty (what to say for no rows).
 */
export async function listView(name, params, options = {}) {
  const size = options.size || 50;
  const offsetParam = options.offsetParam || 'offset';
  const offset = Math.max(0, parseInt(params.get(offsetParam) || '0', 10) || 0);
  const query = new URLSearchParams(params);
  Object.entries(options.fixed || {}).forEach(([k, v]) => query.set(k, v));
  query.set('offset', offset);
  query.set('limit', size);
  const data = await api('/lists/' + part(name) + '?' + query);
  query.delete('offset');
  query.delete('limit');
  const fixed = Object.keys(options.fixed || {});
  const filters = data.filters.filter(f => !fixed.includes(f.name));
  const parts = [];
  if (options.title !== false) parts.push(el('h1', {}, options.title || data.title));
  if (filters.length) parts.push(filterForm(filters, params));
  const columns = data.columns.map(c => [c.label, row => cell(c, row[c.key]), c.type === 'number' ? 'num' : null])
    .concat(options.extraColumns || []);
  parts.push(pager(data, params, offsetParam, '/api/lists/' + part(name) + '?' + query + '&format=csv', name));
  parts.push(table(columns, data.rows, options.empty || 'Nothing matches.', {id: options.id || 'list-' + name,
    'data-total': data.total}));
  return parts;
}

/** "1–50 of 312", previous and next, and the CSV of every row matching. */
function pager(data, params, offsetParam, csv, name) {
  const last = Math.min(data.offset + data.rows.length, data.total);
  const to = offset => here(params, {[offsetParam]: offset || null});
  return el('div', {class: 'pager'},
    el('span', {class: 'count'}, data.total ? (data.offset + 1) + '–' + last + ' of ' + data.total : 'none'),
    data.offset > 0 ? link(to(Math.max(0, data.offset - data.limit)), '‹ previous', {class: 'previous'}) : null,
    last < data.total ? link(to(data.offset + data.limit), 'next ›', {class: 'next'}) : null,
    link(csv, 'Download CSV', {class: 'csv', download: name + '.csv'}));
}

/** The filters of a list as a form; choices show their plain words. */
export function filterForm(filters, params) {
  const inputs = {};
  const form = el('form', {class: 'filters', onsubmit: event => {
    event.preventDefault();
    const changes = {offset: null}; // a new filter starts at the first page
    Object.entries(inputs).forEach(([name, input]) => { changes[name] = input.value.trim(); });
    location.hash = here(params, changes);
  }});
  filters.forEach(f => {
    const input = f.choices.length
      ? el('select', {name: f.name}, el('option', {value: ''}, 'any'), f.choices.map(c =>
        el('option', {value: c, selected: params.get(f.name) === c, title: c}, f.words ? plain(f.words, c) : c)))
      : el('input', {name: f.name, value: params.get(f.name) || ''});
    inputs[f.name] = input;
    form.append(el('label', {}, f.label, input));
  });
  form.append(el('button', {type: 'submit'}, 'Show'));
  return form;
}

// ---- routing -----------------------------------------------------------------------------------------------------

function parseHash() {
  const hash = location.hash.replace(/^#\/?/, '');
  const [path, query] = hash.split('?');
  const parts = path.split('/').filter(Boolean).map(p => decodeURIComponent(p));
  return {id: parts[0] || 'overview', path: parts.slice(1), params: new URLSearchParams(query || '')};
}

async function render() {
  const {id, path, params} = parseHash();
  const view = document.getElementById('view');
  const current = pages.get(id) || pages.get('overview');
  document.querySelectorAll('nav a').forEach(a => a.classList.toggle('active', a.dataset.view === current.id));
  const mine = ++rendering;
  view.setAttribute('aria-busy', 'true');
  try {
    const content = await current.render(path, params);
    if (mine !== rendering) return; // a later address is being shown
    view.replaceChildren(...[content].flat(Infinity).filter(n => n != null && n !== false)
      .map(n => (n instanceof Node ? n : document.createTextNode(String(n)))));
    view.dataset.page = current.id;
  } catch (e) {
    if (mine !== rendering) return;
    view.replaceChildren(el('p', {class: 'muted', id: 'page-error'}, 'Could not load this page: ' + e.message));
  } finally {
    if (mine === rendering) view.removeAttribute('aria-busy');
  }
}

/** Shows the current address again (after an action). */
export function refresh() {
  return render();
}

function navigation() {
  const nav = document.getElementById('nav');
  const entries = [...pages.values()].filter(p => p.nav).sort((a, b) => (a.order || 100) - (b.order || 100));
  nav.replaceChildren(...entries.map(p => link(p.href || '#/' + p.id, p.nav, {'data-view': p.id})));
}

/** With sign-in on, the header shows who is signed in (and a way out) instead of the name field. */
async function whoAmI() {
  try {
    const me = await api('/me');
    if (me.name) {
      signedIn = me.name;
      document.getElementById('operator').parentElement.replaceWith(el('span', {class: 'operator', id: 'signed-in'},
        'Signed in as ' + me.name + (me.roles.length ? ' (' + me.roles.join(', ').toLowerCase() + ')' : '') + ' · ',
        el('a', {href: '/logout'}, 'sign out')));
    }
  } catch (e) {
    // the page itself will say what failed
  }
}

async function start() {
  const operator = document.getElementById('operator');
  operator.value = localStorage.getItem('cherrypick.operator') || '';
  operator.addEventListener('input', () => localStorage.setItem('cherrypick.operator', operator.value.trim()));
  document.getElementById('search').addEventListener('submit', event => {
    event.preventDefault();
    const q = event.target.elements.q.value.trim();
    if (q) location.hash = '#/search?q=' + part(q);
  });
  navigation();
  try {
    words = await api('/words');
  } catch (e) {
    // constants are shown as they are
  }
  await whoAmI();
  window.addEventListener('hashchange', () => { say(''); render(); });
  await render();
}

// every page module has registered once the document is parsed (module scripts run before this event)
document.addEventListener('DOMContentLoaded', start);
