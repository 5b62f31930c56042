// Alerts: what was told to the team's chat, and whether the chat took it.
'use strict';

import {listView, page} from './ops.js';

page({id: 'alerts', nav: 'Alerts', order: 80, render: async (path, params) => [
  await listView('alerts', params, {empty: 'No alert yet.', size: 20})]});
