// Small SVG charts for the console, written here rather than taken from a library: three shapes are needed (lines
// over time with a budget line, stacked bars above and below zero, bars per flow), each mark is an SVG element that
// carries its value (data-series, data-index, data-value) and a tooltip, so people can hover it, screen readers and
// the browser tests can read it, and screenshots stay sharp. Nothing is loaded from elsewhere.
'use strict';

import {el} from './ops.js';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 760;
const HEIGHT = 230;
const PAD = {left: 48, right: 12, top: 22, bottom: 34};
/** Colours told apart by most people, also in print. */
export const PALETTE = ['#3b6fb6', '#e07b39', '#4a9d5b', '#c2453d', '#8661c1', '#8c6d5a', '#d36fb3', '#7f7f7f',
  '#b5b83a', '#3bb5c4', '#1f3f73', '#a34f16', '#2a5e35', '#7a1f1a', '#4f3478', '#5a4436'];

function svg(tag, attrs, ...children) {
  const node = document.createElementNS(SVG, tag);
  Object.entries(attrs || {}).forEach(([k, v]) => { if (v != null) node.setAttribute(k, v); });
  children.flat().forEach(c => c != null && node.append(c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

/** A round step for about four ticks up to max (1, 2 or 5 times a power of ten), and the top it reaches. */
function axisScale(max) {
  if (!(max > 0)) return {step: 0.25, top: 1};
  const rough = max / 4;
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = [1, 2, 5, 10].map(m => m * power).find(v => v >= rough);
  return {step, top: Math.ceil(max / step - 1e-9) * step};
}

function niceMax(max) {
  return axisScale(max).top;
}

function number(v) {
  return Number.isInteger(v) ? String(v) : String(Math.round(v * 100) / 100);
}

/** The time of a bucket on the axis: the hour for a day, the day and hour for a week, the day for days. */
function tick(instant, bucketSeconds, span) {
  const d = new Date(instant);
  if (bucketSeconds >= 86400) return d.toLocaleDateString(undefined, {month: 'short', day: 'numeric'});
  if (span > 48) return d.toLocaleDateString(undefined, {weekday: 'short', day: 'numeric'});
  return d.toLocaleTimeString(undefined, {hour: '2-digit', minute: '2-digit'});
}

function frame(id, title, buckets, bucketSeconds, top, unit) {
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const root = svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title, class: 'chart-svg'});
  const axis = svg('g', {class: 'axis'});
  const {step} = axisScale(top);
  for (let value = 0; value <= top + 1e-9; value += step) {
    const y = PAD.top + plotH - plotH * value / top;
    axis.append(svg('line', {x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: value ? 'grid' : 'base'}),
      svg('text', {x: PAD.left - 6, y: y + 4, 'text-anchor': 'end'}, number(value)));
  }
  const every = Math.max(1, Math.ceil(buckets.length / 8));
  const dayTicks = bucketSeconds < 86400 && buckets.length > 48;
  buckets.forEach((b, i) => {
    const d = new Date(b);
    const show = dayTicks ? d.getHours() === 0 : i % every === 0;
    if (!show) return;
    const x = PAD.left + plotW * (i + 0.5) / buckets.length;
    axis.append(svg('text', {x, y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle'},
      tick(b, bucketSeconds, buckets.length)));
  });
  axis.append(svg('text', {x: 4, y: 11, class: 'unit'}, unit || ''));
  root.append(axis);
  return {root, plotW, plotH, x: i => PAD.left + plotW * (i + 0.5) / buckets.length,
    y: v => PAD.top + plotH - plotH * v / top, slot: plotW / buckets.length};
}

function legend(entries) {
  return el('ul', {class: 'legend'}, entries.map(e => el('li', {title: e.key},
    el('span', {class: 'swatch' + (e.dashed ? ' dashed' : ''), style: 'background:' + e.color}), e.label)));
}

function figure(id, title, note, chart, entries) {
  return el('figure', {class: 'chart', id},
    el('figcaption', {}, title, note ? el('span', {class: 'muted'}, ' · ' + note) : null),
    chart, legend(entries));
}

function tipTime(instant, bucketSeconds) {
  const d = new Date(instant);
  return bucketSeconds >= 86400 ? d.toLocaleDateString() : d.toLocaleString();
}

/**
 * Lines over time: series [{key, label, values, color, dashed}], an optional level line {value, label} (a budget),
 * unit for the axis and tooltips. A null value is a gap.
 */
export function lineChart({id, title, note, buckets, bucketSeconds, series, unit, level}) {
  const values = series.flatMap(s => s.values).filter(v => v != null);
  const top = niceMax(Math.max(0, ...values, level ? level.value : 0));
  const f = frame(id, title, buckets, bucketSeconds, top, unit);
  series.forEach((s, n) => {
    const color = s.color || PALETTE[n % PALETTE.length];
    let d = '';
    let pen = false;
    s.values.forEach((v, i) => {
      if (v == null) { pen = false; return; }
      d += (pen ? 'L' : 'M') + f.x(i).toFixed(1) + ' ' + f.y(v).toFixed(1);
      pen = true;
    });
    const group = svg('g', {class: 'series', 'data-series': s.key});
    group.append(svg('path', {d, fill: 'none', stroke: color, 'stroke-width': 2,
      'stroke-dasharray': s.dashed ? '5 4' : null}));
    s.values.forEach((v, i) => {
      if (v == null) return;
      group.append(svg('circle', {cx: f.x(i).toFixed(1), cy: f.y(v).toFixed(1), r: 2.6, fill: color, class: 'point',
        'data-series': s.key, 'data-index': i, 'data-value': v},
      svg('title', {}, s.label + ': ' + number(v) + ' ' + (unit || '') + ' · ' + tipTime(buckets[i], bucketSeconds))));
    });
    f.root.append(group);
  });
  const entries = series.map((s, n) => ({key: s.key, label: s.label, color: s.color || PALETTE[n % PALETTE.length],
    dashed: s.dashed}));
  if (level) {
    const y = f.y(level.value).toFixed(1);
    f.root.append(svg('line', {x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: 'level', 'data-value': level.value},
      svg('title', {}, level.label)));
    entries.push({key: 'level', label: level.label, color: '#c2453d', dashed: true});
  }
  return figure(id, title, note, f.root, entries);
}

/**
 * Bars stacked per bucket: up [{key, label, values, color}] above zero and down (same shape) below, e.g. exceptions
 * opened above and resolved below. Each segment carries its series' value for that bucket.
 */
export function stackedBars({id, title, note, buckets, bucketSeconds, up, down, unit}) {
  const total = list => buckets.map((b, i) => list.reduce((sum, s) => sum + (s.values[i] || 0), 0));
  const upTotals = total(up);
  const downTotals = total(down || []);
  const hasDown = down && down.length;
  const {step} = axisScale(Math.max(1, ...upTotals, ...(hasDown ? downTotals : [0])));
  const topUp = Math.max(step, Math.ceil(Math.max(...upTotals, 0) / step - 1e-9) * step);
  const topDown = hasDown ? Math.max(step, Math.ceil(Math.max(...downTotals, 0) / step - 1e-9) * step) : 0;
  const span = topUp + topDown;
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const zero = PAD.top + plotH * topUp / span;
  const scale = plotH / span;
  const root = svg('svg', {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', 'aria-label': title, class: 'chart-svg'});
  const axis = svg('g', {class: 'axis'});
  for (let v = -topDown; v <= topUp + 1e-9; v += step) {
    const y = zero - v * scale;
    axis.append(svg('line', {x1: PAD.left, x2: WIDTH - PAD.right, y1: y, y2: y, class: Math.abs(v) < 1e-9 ? 'base' : 'grid'}),
      svg('text', {x: PAD.left - 6, y: y + 4, 'text-anchor': 'end'}, number(Math.abs(v))));
  }
  const slot = plotW / buckets.length;
  const every = Math.max(1, Math.ceil(buckets.length / 10));
  buckets.forEach((b, i) => {
    if (i % every) return;
    axis.append(svg('text', {x: PAD.left + slot * (i + 0.5), y: HEIGHT - PAD.bottom + 16, 'text-anchor': 'middle'},
      tick(b, bucketSeconds, buckets.length)));
  });
  if (topDown) {
    axis.append(svg('text', {x: 4, y: 11, class: 'unit'}, '▲ opened'),
      svg('text', {x: 4, y: HEIGHT - PAD.bottom - 2, class: 'unit'}, '▼ resolved'));
  }
  root.append(axis);
  const draw = (list, sign) => buckets.forEach((b, i) => {
    let offset = 0;
    list.forEach(s => {
      const v = s.values[i] || 0;
      if (!v) return;
      const h = v * scale;
      const y = sign > 0 ? zero - offset - h : zero + offset;
      offset += h;
      root.append(svg('rect', {x: (PAD.left + slot * i + slot * 0.15).toFixed(1), y: y.toFixed(1),
        width: (slot * 0.7).toFixed(1), height: h.toFixed(1), fill: s.color, class: 'bar',
        'data-series': s.key, 'data-index': i, 'data-value': v},
      svg('title', {}, s.label + ': ' + v + ' ' + (unit || '') + ' · ' + tipTime(b, bucketSeconds))));
    });
  });
  draw(up, 1);
  draw(down || [], -1);
  const seen = new Map();
  up.concat(down || []).forEach(s => seen.set(s.label, {key: s.key.replace(/^[a-z]+:/, ''), label: s.label, color: s.color}));
  return figure(id, title, note, root, [...seen.values()]);
}

/** Horizontal bars, one per row [{key, label, value, held, note}]: value waiting, held (a darker end) waiting for a person. */
export function barsNow({id, title, note, rows, unit}) {
  const top = niceMax(Math.max(1, ...rows.map(r => (r.value || 0) + (r.held || 0))));
  const rowH = 22;
  const labelW = 230;
  const height = Math.max(1, rows.length) * rowH + 20;
  const barW = WIDTH - labelW - 180; // room after the longest bar for its figures ("12 + 3 held · oldest 2 h 5 min")
  const root = svg('svg', {viewBox: `0 0 ${WIDTH} ${height}`, role: 'img', 'aria-label': title, class: 'chart-svg'});
  rows.forEach((r, i) => {
    const y = 6 + i * rowH;
    const w = barW * (r.value || 0) / top;
    const wHeld = barW * (r.held || 0) / top;
    root.append(svg('text', {x: labelW - 8, y: y + 14, 'text-anchor': 'end'}, r.label),
      svg('rect', {x: labelW, y, width: w.toFixed(1), height: rowH - 6, fill: PALETTE[0], class: 'bar',
        'data-series': r.key, 'data-index': 0, 'data-value': r.value || 0},
      svg('title', {}, r.label + ': ' + (r.value || 0) + ' ' + (unit || '') + ' waiting' + (r.note ? ' · ' + r.note : ''))),
      svg('rect', {x: (labelW + w).toFixed(1), y, width: wHeld.toFixed(1), height: rowH - 6, fill: PALETTE[3],
        class: 'bar held', 'data-series': r.key + ':held', 'data-index': 0, 'data-value': r.held || 0},
      svg('title', {}, r.label + ': ' + (r.held || 0) + ' waiting for a person')),
      svg('text', {x: labelW + w + wHeld + 6, y: y + 14, class: 'value'},
        (r.value || 0) + (r.held ? ' + ' + r.held + ' held' : '') + (r.note ? ' · ' + r.note : '')));
  });
  if (!rows.length) root.append(svg('text', {x: 10, y: 16}, 'No flow has stored a record yet.'));
  return figure(id, title, note, root, [{key: 'waiting', label: 'waiting', color: PALETTE[0]},
    {key: 'held', label: 'waiting for a person (held or failed)', color: PALETTE[3]}]);
}
