// 督查台: plain JavaScript, no libraries; charts are drawn as SVG here.
(function () {
  'use strict';
  const API = 'api/';
  const PAGE_SIZE = 20;
  const RATES = [
    ['onTimeClosureRate', '按时办结率'],
    ['satisfactionRate', '居民满意率'],
    ['followUpSatisfactionRate', '回访满意率'],
    ['rectificationRate', '整改率'],
  ];
  const COLORS = ['#b71c1c', '#1565c0', '#2e7d32', '#ef6c00', '#6a1b9a', '#00838f', '#5d4037', '#c2185b'];
  const $ = (sel) => document.querySelector(sel);
  const filters = $('#filters');
  const breachFilters = $('#breach-filters');
  let page = 0;
  // the cursor (after=) of each page shown so far: cursors[page] opens page `page`
  let cursors = [null];
  let next = null;

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      // Styles through the CSSOM: a style attribute would be refused by the page's CSP.
      if (k === 'class') e.className = v; else if (k === 'style') e.style.cssText = v; else e.setAttribute(k, v);
    });
    children.flat().forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(c == null ? '' : String(c))));
    return e;
  }

  function svg(tag, attrs, ...children) {
    const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
    Object.entries(attrs || {}).forEach(([k, v]) => e.setAttribute(k, v));
    children.forEach((c) => e.append(c instanceof Node ? c : document.createTextNode(String(c))));
    return e;
  }

  const pct = (v) => (v == null ? '—' : (v * 100).toFixed(1) + '%');
  function minutes(m) {
    if (m == null) return '—';
    const r = Math.round(m);
    return r < 60 ? r + '分钟' : Math.floor(r / 60) + '小时' + (r % 60 ? (r % 60) + '分' : '');
  }
  function time(iso) {
    if (!iso) return '';
    const d = new Date(iso);
    const p = (n) => String(n).padStart(2, '0');
    return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate()) + ' ' + p(d.getHours()) + ':' + p(d.getMinutes());
  }

  function params(form, extra) {
    const q = new URLSearchParams();
    new FormData(form).forEach((v, k) => { if (v !== '') q.set(k, v); });
    Object.entries(extra || {}).forEach(([k, v]) => { if (v !== '' && v != null) q.set(k, v); });
    return q;
  }

  async function get(path) {
    const r = await fetch(API + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    const body = await r.json().catch(() => ({}));
    if (!r.ok) {
      const fields = (body.errors || []).map((e) => e.field + '：' + e.message).join('；');
      throw new Error((body.title || body.detail || ('错误 ' + r.status)) + (fields ? '（' + fields + '）' : ''));
    }
    return body;
  }

  function showError(e) {
    const p = $('#error');
    p.textContent = e ? e.message : '';
    p.hidden = !e;
  }

  // --- filters -------------------------------------------------------------------------------
  async function loadDimensions() {
    const d = await get('dimensions');
    const add = (select, items, label) => items.forEach((i) => select.append(el('option', { value: i.code }, label(i))));
    add(filters.community, d.communities, (c) => c.name);
    add(filters.estate, d.estates, (e) => e.name + '（' + e.communityName + '）');
    add(filters.company, d.companies, (c) => c.name);
    add(breachFilters.flow, d.flows, (f) => f.name);
    add(breachFilters.clock, d.clocks, (c) => c.name);
    const report = $('#report-form');
    add(report.estate, d.estates, (e) => e.name + '（' + e.communityName + '）');
    const now = new Date();
    for (let y = now.getFullYear(); y >= now.getFullYear() - 1; y--) {
      for (let q = 4; q >= 1; q--) {
        if (y === now.getFullYear() && (q - 1) * 3 > now.getMonth()) continue;
        report.quarter.append(el('option', { value: y + '-Q' + q }, y + '年第' + '一二三四'[q - 1] + '季度'));
      }
    }
  }

  function defaultPeriod() {
    const now = new Date();
    const p = (n) => String(n).padStart(2, '0');
    filters.from.value = now.getFullYear() + '-01-01';
    filters.to.value = now.getFullYear() + '-' + p(now.getMonth() + 1) + '-' + p(now.getDate());
  }

  // --- rates ---------------------------------------------------------------------------------
  async function loadRates() {
    const t = await get('rates?' + params(filters));
    const body = $('#rates tbody');
    body.replaceChildren();
    const row = (name, f, cls) => el('tr', cls ? { class: cls } : {},
      el('td', {}, name), el('td', { class: 'n' }, f.closed),
      el('td', { class: 'n', title: f.onTime + ' / ' + f.closed }, pct(f.onTimeClosureRate)),
      el('td', { class: 'n', title: f.satisfied + ' / ' + f.rated }, pct(f.satisfactionRate)),
      el('td', { class: 'n', title: f.followUpSatisfied + ' / ' + f.followedUp }, pct(f.followUpSatisfactionRate)),
      el('td', { class: 'n', title: f.rectified + ' / ' + f.planned }, pct(f.rectificationRate)),
      el('td', { class: 'n' }, minutes(f.respondMinutesMedian) + ' / ' + minutes(f.respondMinutesP90)),
      el('td', { class: 'n' }, minutes(f.closeMinutesMedian) + ' / ' + minutes(f.closeMinutesP90)),
      el('td', { class: 'n', title: f.pauses + ' 次挂起 / ' + f.closed + ' 件' },
        (f.pausesPer100Cases == null ? '—' : f.pausesPer100Cases.toFixed(1)) + ' / ' + f.pausedHours));
    t.groups.forEach((g) => body.append(row(g.name || g.key, g.total)));
    body.append(row('合计', t.total, 'total'));
    const rules = $('#rules ul');
    rules.replaceChildren(...Object.values(t.rules).map((r) => el('li', {}, r)));
    drawCharts(t);
  }

  function monthsBetween(from, to) {
    const out = [];
    let [y, m] = from.split('-').map(Number);
    const [ty, tm] = to.split('-').map(Number);
    while (y < ty || (y === ty && m <= tm)) {
      out.push(y + '-' + String(m).padStart(2, '0'));
      m++; if (m > 12) { m = 1; y++; }
    }
    return out;
  }

  function drawCharts(t) {
    const months = monthsBetween(filters.from.value, filters.to.value);
    const series = [{ name: '合计', months: t.months }].concat(t.groups.slice(0, COLORS.length - 1));
    const charts = $('#charts');
    charts.replaceChildren();
    RATES.forEach(([key, label]) => {
      const W = 520, H = 220, L = 40, R = 22, T = 10, B = 40;
      const x = (i) => L + (months.length === 1 ? (W - L - R) / 2 : i * (W - L - R) / (months.length - 1));
      const y = (v) => T + (1 - v) * (H - T - B);
      const s = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': label + '按月走势' });
      [0, 0.25, 0.5, 0.75, 1].forEach((v) => {
        s.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#e6e1da' }));
        s.append(svg('text', { x: L - 4, y: y(v) + 4, 'text-anchor': 'end', 'font-size': 10, fill: '#777' }, (v * 100) + '%'));
      });
      months.forEach((m, i) => {
        if (months.length <= 12 || i % Math.ceil(months.length / 12) === 0) {
          s.append(svg('text', { x: x(i), y: H - B + 16, 'text-anchor': 'middle', 'font-size': 10, fill: '#555' }, m.slice(2)));
        }
      });
      const legend = el('div', { class: 'legend' });
      series.forEach((g, si) => {
        const color = COLORS[si % COLORS.length];
        const byMonth = new Map((g.months || []).map((m) => [m.month, m.figures[key]]));
        const pts = months.map((m, i) => [i, byMonth.get(m)]).filter(([, v]) => v != null);
        if (!pts.length) return;
        if (pts.length > 1) {
          s.append(svg('polyline', {
            points: pts.map(([i, v]) => x(i) + ',' + y(v)).join(' '), fill: 'none', stroke: color,
            'stroke-width': si === 0 ? 3 : 1.6, 'stroke-dasharray': si === 0 ? '' : '0',
          }));
        }
        pts.forEach(([i, v]) => s.append(svg('circle', { cx: x(i), cy: y(v), r: si === 0 ? 3.5 : 2.5, fill: color },
          svg('title', {}, g.name + ' ' + months[i] + '：' + pct(v)))));
        legend.append(el('span', {}, el('i', { style: 'background:' + color }), g.name || g.key));
      });
      charts.append(el('div', { class: 'chart' }, el('h3', {}, label), s, legend));
    });
  }

  // --- breaches ------------------------------------------------------------------------------
  function breachQuery() {
    const base = params(filters);
    base.delete('groupBy');
    params(breachFilters).forEach((v, k) => base.set(k, v));
    return base;
  }

  async function loadBreaches() {
    const q = breachQuery();
    $('#csv').href = API + 'breaches.csv?' + q;
    if (cursors[page]) q.set('after', cursors[page]);
    q.set('size', PAGE_SIZE);
    const p = await get('breaches?' + q);
    next = p.next;
    const body = $('#breaches tbody');
    body.replaceChildren();
    p.items.forEach((b) => {
      const links = el('td', {});
      if (b.caseUrl) links.append(el('a', { href: b.caseUrl, target: '_blank' }, '案件'), ' ');
      if (b.residentUrl) links.append(el('a', { href: b.residentUrl, target: '_blank' }, '居民页'), ' ');
      if (b.cockpitUrl) links.append(el('a', { href: b.cockpitUrl, target: '_blank' }, 'Cockpit'));
      body.append(el('tr', {},
        el('td', {}, b.caseNo), el('td', {}, b.estateName || ''), el('td', {}, b.companyName || ''),
        el('td', {}, b.clockLabel), el('td', { class: 'n' }, b.level), el('td', {}, time(b.dueAt)),
        el('td', {}, time(b.breachedAt)), el('td', {}, b.holderLabel || b.holder || ''),
        el('td', {}, el('span', { class: 'badge ' + (b.open ? 'open' : 'done') }, b.open ? '督办中' : '已督办'),
          b.supervisedBy ? ' ' + b.supervisedBy : ''),
        el('td', {}, b.resolvedAt ? time(b.resolvedAt) : el('span', { class: 'badge open' }, '尚未办结')),
        links));
    });
    if (!p.items.length) body.append(el('tr', {}, el('td', { colspan: 11 }, '没有符合条件的超时记录。')));
    const count = p.totalExact ? '共 ' + p.total + ' 条' : '超过 ' + p.total + ' 条';
    const pages = p.totalExact ? ' / ' + Math.max(1, Math.ceil(p.total / PAGE_SIZE)) : '';
    $('#page-info').textContent = '第 ' + (page + 1) + pages + ' 页，' + count;
    $('#prev').disabled = page === 0;
    $('#next').disabled = !next;
  }

  // --- reports -------------------------------------------------------------------------------
  function reportLinks() {
    const q = params(filters);
    q.delete('groupBy'); q.delete('estate'); q.delete('company');
    $('#ranking-link').href = API + 'ranking.html?' + q;
    const f = $('#report-form');
    $('#report-pdf').href = API + 'reports/' + encodeURIComponent(f.estate.value) + '/' + f.quarter.value + '.pdf';
  }

  async function refresh() {
    showError(null);
    reportLinks();
    try {
      await Promise.all([loadRates(), loadBreaches()]);
      document.body.dataset.loaded = 'true';
    } catch (e) {
      showError(e);
    }
  }

  function firstPage() { page = 0; cursors = [null]; }
  filters.addEventListener('submit', (e) => { e.preventDefault(); firstPage(); refresh(); });
  breachFilters.addEventListener('submit', (e) => { e.preventDefault(); firstPage(); loadBreaches().catch(showError); });
  $('#prev').addEventListener('click', () => { page--; loadBreaches().catch(showError); });
  $('#next').addEventListener('click', () => { cursors[page + 1] = next; page++; loadBreaches().catch(showError); });
  $('#report-form').addEventListener('change', reportLinks);
  $('#report-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const f = e.target;
    window.open(API + 'reports/' + encodeURIComponent(f.estate.value) + '/' + f.quarter.value + '.html', '_blank');
  });

  defaultPeriod();
  loadDimensions().then(refresh).catch(showError);
})();
