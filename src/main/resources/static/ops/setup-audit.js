// Setup audit: runs the setup audit (POST /api/audit), follows its progress (GET /api/audit/runs/{id}, every 1.5 s
// while it runs) and shows the report: a summary of every check, then what to fix. The printable report is
// /api/audit/runs/{id}/report. Every value from the systems is shown as text.
'use strict';

import {api, el, operatorName, page, say, table, when} from './ops.js';

page({id: 'setup-audit', nav: 'Setup audit', order: 95, render: () => setupAudit()});

const SETUP_AUDIT_POLL_MS = 1500;
let setupAuditPoll = null;

/** The page: the latest audit (or none yet) and a button to run one. */
async function setupAudit() {
  let run = null;
  try {
    run = await api('/audit/runs/latest');
  } catch (e) {
    // none yet (404), or not allowed: the page says what it can
  }
  return setupAuditPage(run);
}

function setupAuditPage(run) {
  clearTimeout(setupAuditPoll);
  const running = run && run.status === 'RUNNING';
  const parts = [el('h1', {}, 'Setup audit'),
    el('p', {class: 'muted'}, 'Reads Blue Cherry and Peoplevox (never writes to them, and keeps to Peoplevox\'s rate ',
      'limit) and says whether the setup is ready for the integration: connectivity, Peoplevox templates and reports, ',
      'the catalogue, the mappings, order drift, stock, configuration and capacity. A large catalogue takes minutes.'),
    el('div', {class: 'actions'},
      el('button', {id: 'setup-audit-run', disabled: running, onclick: startSetupAudit},
        running ? 'Audit running…' : 'Run the audit'),
      run && run.status !== 'RUNNING'
        ? el('a', {id: 'setup-audit-print', href: '/api/audit/runs/' + encodeURIComponent(run.id) + '/report',
          target: '_blank', rel: 'noopener'}, 'Printable report') : '')];
  if (!run) {
    parts.push(el('p', {id: 'setup-audit-status', class: 'muted'}, 'No audit has run yet.'));
    return parts;
  }
  parts.push(setupAuditStatus(run));
  if (run.checks.length) {
    parts.push(el('h2', {}, 'Summary'),
      table([['Section', c => c.section], ['Check', c => c.title],
        ['Verdict', c => c.verdict, c => 'verdict ' + c.verdict], ['Found', c => c.found, 'num'],
        ['Checked', c => c.checked, 'num']], run.checks.map(c => Object.assign({}, c, {section: sectionTitle(c.section)}))));
  }
  const toFix = run.checks.filter(c => c.verdict !== 'PASS');
  if (run.status !== 'RUNNING') {
    parts.push(el('h2', {}, 'What to fix'), toFix.length
      ? el('div', {id: 'setup-audit-findings'}, toFix.map(setupAuditFinding))
      : el('p', {}, 'Nothing: every check passed.'));
  }
  if (running) {
    setupAuditPoll = setTimeout(() => followSetupAudit(run.id), SETUP_AUDIT_POLL_MS);
  }
  return parts;
}

function setupAuditStatus(run) {
  const p = run.progress || {};
  const counts = run.counts || {pass: 0, warn: 0, fail: 0};
  const line = run.status === 'RUNNING'
    ? ['Running since ', when(run.startedAt), ' (', run.startedBy, '): ',
      p.steps ? 'check ' + p.step + ' of ' + p.steps + ', ' + p.check + (p.detail ? ' — ' + p.detail : '') : 'starting',
      '. ', run.peoplevoxCalls, ' Peoplevox calls so far.']
    : [run.status === 'DONE' ? 'Verdict ' : 'The audit broke: ', run.status === 'DONE' ? el('strong',
      {class: 'verdict ' + run.verdict}, run.verdict) : run.error, ' — ', counts.fail, ' failed, ', counts.warn,
      ' warned, ', counts.pass, ' passed. Run ', when(run.startedAt), ' by ', run.startedBy, ', ', run.peoplevoxCalls,
      ' Peoplevox calls (', run.paced ? 'paced' : 'not paced', '), ', run.blueCherryCalls, ' Blue Cherry calls.'];
  return el('div', {id: 'setup-audit-status', class: 'setup-audit-status ' + run.status}, el('p', {}, line),
    run.status === 'RUNNING' ? el('progress', {max: p.steps || 1, value: Math.max(0, (p.step || 1) - 1)}) : '');
}

function setupAuditFinding(c) {
  const more = c.found - c.examples.length;
  return el('div', {class: 'setup-audit-check ' + c.verdict, 'data-check': c.id},
    el('h3', {}, el('span', {class: 'verdict ' + c.verdict}, c.verdict), ' ', sectionTitle(c.section), ': ', c.title),
    el('p', {class: 'muted'}, c.found + ' found of ' + c.checked + ' checked. Read: ' + c.reads),
    el('ul', {}, c.examples.map(x => el('li', {}, x)), more > 0 ? el('li', {class: 'muted'}, 'and ' + more + ' more') : ''),
    el('p', {}, el('strong', {}, 'Fix: '), c.fix));
}

const SETUP_AUDIT_SECTIONS = {CONNECTIVITY: 'Connectivity', PEOPLEVOX_SETUP: 'Peoplevox setup', CATALOGUE: 'Catalogue',
  MAPPINGS: 'Mappings', ORDERS: 'Order drift', STOCK: 'Stock', CONFIGURATION: 'Configuration', CAPACITY: 'Capacity'};

function sectionTitle(section) {
  return SETUP_AUDIT_SECTIONS[section] || section;
}

async function startSetupAudit() {
  if (!operatorName()) return;
  try {
    const run = await api('/audit', {method: 'POST'});
    say('Setup audit running (started by ' + run.startedBy + ').', 'ok');
    showSetupAudit(run);
  } catch (e) {
    say(e.message, 'error');
  }
}

async function followSetupAudit(id) {
  if (!location.hash.startsWith('#/setup-audit')) return;
  try {
    showSetupAudit(await api('/audit/runs/' + encodeURIComponent(id)));
  } catch (e) {
    say('Could not follow the audit: ' + e.message, 'error');
  }
}

function showSetupAudit(run) {
  if (location.hash.startsWith('#/setup-audit')) {
    document.getElementById('view').replaceChildren(...[setupAuditPage(run)].flat(Infinity).filter(n => n !== ''));
  }
}
