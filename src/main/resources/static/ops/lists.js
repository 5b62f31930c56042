// Any list of the console by its name (#/lists/<name>?filters): records of a flow, despatches, returns received...
'use strict';

import {api, el, link, listView, page, part} from './ops.js';

page({id: 'lists', render: async (path, params) => {
  if (path[0]) return listView(path[0], params);
  const lists = await api('/lists');
  return [el('h1', {}, 'Lists'), el('ul', {}, lists.map(l => el('li', {}, link('#/lists/' + part(l.name), l.title))))];
}});
