// Search: one box (in the header) for picks, orders, customer POs, despatches, returns, purchase orders, deliveries and
// exceptions; one hit opens it.
'use strict';

import {api, el, link, page, table} from './ops.js';

page({id: 'search', render: async (path, params) => {
  const q = (params.get('q') || '').trim();
  const box = document.querySelector('#search input');
  if (box && box.value !== q) box.value = q;
  if (!q) return [el('h1', {}, 'Search'), el('p', {class: 'muted'}, 'Type a pick, order, customer PO, despatch, RA or'
    + ' return number, a purchase order number or goods-in reference (or an SKU) in the box at the top.')];
  const result = await api('/search?q=' + encodeURIComponent(q));
  if (result.hits.length === 1) {
    location.replace(result.hits[0].href); // one record: open it
    return [];
  }
  return [el('h1', {}, 'Search: ' + q),
    table([['Kind', h => h.kind], ['Found', h => link(h.href, h.title)], ['', h => h.detail]], result.hits,
      'Nothing is numbered ' + q + ' or starts with it.', {id: 'hits'})];
}});
