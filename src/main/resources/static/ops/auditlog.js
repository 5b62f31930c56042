// Audit log: who did what (replays, resolutions, mapping changes, stock runs), newest first.
'use strict';

import {listView, page} from './ops.js';

page({id: 'audit', nav: 'Audit log', order: 90, render: (path, params) =>
  listView('audit', params, {empty: 'No operator action yet.'})});
