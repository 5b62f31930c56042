// Stuck orders: in one state longer than its limit, the longest-waiting first, with what each waits for.
'use strict';

import {el, listView, page} from './ops.js';

page({id: 'stuck', nav: 'Stuck orders', order: 50, render: async (path, params) => [
  el('h1', {}, 'Stuck orders'),
  el('p', {class: 'muted'}, 'Orders in one step longer than its limit (cherrypick.ops.stuck-after), the longest-waiting'
    + ' first. "Waiting for" says whom to chase.'),
  await listView('stuck-orders', params, {title: false, empty: 'No order is stuck.'})]});
