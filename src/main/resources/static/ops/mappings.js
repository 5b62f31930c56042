// Mappings (admins): the value lists the flows read (site, shipper, carrier, ...): add, change, remove.
'use strict';

import {api, el, link, listView, operatorName, page, part, refresh, say, table} from './ops.js';

page({id: 'mappings', nav: 'Mappings', order: 70, render: (path, params) => mappings(path[0] || params.get('kind'), params)});

/** The mapping kinds the flows read, and what their values mean. */
const KINDS = {
  'site': 'Blue Cherry location → Peoplevox site reference (orders, returns, stock)',
  'shipper': 'Blue Cherry shipper → Peoplevox service type (orders)',
  'carrier': 'Peoplevox service type or carrier → Blue Cherry shipper/SCAC, e.g. UPS/UPSN (despatches)',
  'return-disposition': 'Peoplevox return condition → Blue Cherry disposition A, D or Q (returns)',
  'return-reason': 'Peoplevox return reason → Blue Cherry reason code (returns)',
  'stock-buffer': 'units held back from the channels: <site>:<sku>, *:<sku>, <site> or * → units (stock)',
  'stock-settings': 'peak-mode → on / off (stock)'
};

async function mappings(kind, params) {
  const counts = await api('/mappings');
  const kinds = Array.from(new Set(Object.keys(KINDS).concat(Object.keys(counts)))).sort();
  const parts = [el('h1', {}, 'Mappings'),
    el('p', {class: 'muted'}, 'Changes apply to the next record, without a restart, and are recorded in the audit log.'),
    table([['Kind', k => link('#/mappings/' + part(k), k)], ['Values', k => counts[k] || 0, 'num'],
      ['Meaning', k => KINDS[k] || '']], kinds)];
  if (!kind) return parts;
  const source = el('input', {id: 'mapping-source', placeholder: 'from', value: params.get('source') || ''});
  const target = el('input', {id: 'mapping-target', placeholder: 'to'});
  const change = async (method, from, to) => {
    if (!operatorName()) return;
    if (!from) {
      say('Say which value to map (the "from" field).', 'error');
      return;
    }
    try {
      await api('/mappings/' + part(kind) + '/' + part(from), {method, body: method === 'PUT' ? {target: to} : undefined});
      say(kind + ' ' + from + (method === 'PUT' ? ' → ' + to : ' removed') + '.', 'ok');
      refresh();
    } catch (e) {
      say(e.message, 'error');
    }
  };
  parts.push(el('h2', {}, 'Mapping ' + kind),
    el('div', {class: 'actions'}, source, target,
      el('button', {id: 'mapping-save', onclick: () => change('PUT', source.value.trim(), target.value.trim())},
        'Add or change')),
    await listView('mappings', params, {title: false, fixed: {kind}, empty: 'No value yet.', id: 'mapping-values',
      extraColumns: [['', r => el('button', {onclick: () => change('DELETE', r.source)}, 'Remove')]]}));
  if (params.get('source')) target.focus();
  return parts;
}
