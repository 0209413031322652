'use strict';
// The organisation page: reads and writes /org/api in the signed-in session (docs/org-tree.md).
const API = '/org/api';
const $ = (s) => document.querySelector(s);
const TYPES = { COMMERCIAL: '商住小区', OLD: '老旧小区', RESETTLEMENT: '回迁小区' };
const KINDS = { COMMUNITY: '社区', GRID: '网格', ESTATE: '小区', COMPANY: '物业公司', TEAM: '服务队', INDIVIDUAL: '个人' };
let community = null;
let csrf = null;

function text(tag, content, cls) {
  const el = document.createElement(tag);
  if (cls) el.className = cls;
  el.textContent = content == null ? '' : String(content);
  return el;
}

function show(el, message) {
  el.textContent = message || '';
  el.hidden = !message;
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    if (csrf === null) {
      const r = await fetch(API + '/csrf', { credentials: 'same-origin' });
      csrf = r.ok ? await r.json() : {};
    }
    if (csrf.header) headers[csrf.header] = csrf.token;
  }
  const r = await fetch(API + path, {
    method, headers, credentials: 'same-origin', body: body === undefined ? undefined : JSON.stringify(body)
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    const fields = (json.errors || []).map((e) => e.field + '：' + e.message).join('；');
    throw new Error((json.title || json.detail || ('请求失败 ' + r.status)) + (fields ? '：' + fields : ''));
  }
  return json;
}

function li(label, ...extra) {
  const el = document.createElement('li');
  el.append(text('span', label));
  for (const x of extra) if (x) el.append(x);
  return el;
}

function renderTree(c) {
  community = c;
  $('#title').textContent = c.streetName + ' · ' + c.name + '（' + c.code + '）';
  const root = document.createElement('ul');
  const byParent = {};
  for (const g of c.grids) (byParent[g.parentGridCode || ''] ||= []).push(g);
  const estatesOf = (grid) => c.estates.filter((e) => (e.gridCode || '') === grid);
  const gridNode = (g) => {
    const node = li('网格 ' + g.name + '（' + g.code + '）', text('span', g.households ? g.households + '户' : '', 'tag'),
      text('span', g.group, 'group tag'));
    const ul = document.createElement('ul');
    for (const sub of byParent[g.code] || []) ul.append(gridNode(sub));
    for (const e of estatesOf(g.code)) ul.append(estateNode(e));
    const split = c.estates.filter((e) => !e.gridCode && e.buildings.some((b) => b.gridCode === g.code));
    for (const e of split) {
      const b = e.buildings.filter((x) => x.gridCode === g.code).map((x) => x.name).join('、');
      ul.append(li('小区 ' + e.name + ' 的 ' + b));
    }
    node.append(ul);
    return node;
  };
  const estateNode = (e) => {
    const node = li('小区 ' + e.name + '（' + e.code + '）', text('span', TYPES[e.estateType] || e.estateType, 'tag'),
      text('span', e.households ? e.households + '户' : '', 'tag'),
      text('span', e.companyName ? '物业：' + e.companyName : '无物业公司', 'tag'),
      e.companyGroup ? text('span', e.companyGroup, 'group tag') : null);
    const ul = document.createElement('ul');
    if (e.terms.length) {
      ul.append(li('物业任期：' + e.terms.map((t) => t.companyName + ' ' + t.from + ' 至 ' + (t.to || '今')).join('；')));
    }
    ul.append(li('楼栋：' + e.buildings.map((b) => b.name + (b.gridCode && b.gridCode !== e.gridCode ? '（' + b.gridCode + '）' : '')).join('、')));
    const reps = e.representatives.filter((r) => r.active);
    if (e.representatives.length) {
      ul.append(li('楼栋代表 ' + reps.length + ' 名（在任）' +
        (e.representatives.length > reps.length ? '，已替换 ' + (e.representatives.length - reps.length) + ' 名' : '')));
    }
    node.append(ul);
    return node;
  };
  for (const g of byParent[''] || []) root.append(gridNode(g));
  for (const e of estatesOf('')) root.append(estateNode(e));
  $('#tree').replaceChildren(root);

  const rows = c.members.map((m) => {
    const tr = document.createElement('tr');
    tr.append(text('td', KINDS[m.unitKind] + (m.unitCode ? ' ' + m.unitCode : '')), text('td', m.role),
      text('td', m.userId), text('td', m.displayName), text('td', m.groups.join(' '), 'group'));
    const td = document.createElement('td');
    const b = text('button', '移出');
    b.type = 'button';
    const who = { unitKind: m.unitKind, unitCode: m.unitCode, role: m.role, userId: m.userId };
    b.addEventListener('click', () => act(() => call('POST', '/communities/' + c.code + '/members/removal', who), '已移出'));
    td.append(b);
    tr.append(td);
    return tr;
  });
  $('#members').replaceChildren(...rows);
  $('#groupsNote').textContent = (c.groupsSyncedFromTree
    ? '本环境的组和成员由组织树自动生成（Keycloak 环境：每次修改后同步到 Keycloak）。'
    : '本环境的组来自 Keycloak，未开启组织树同步：请在 Keycloak 中建立以下组并加入人员：') + ' ' + Object.keys(c.groups).join('、');
}

async function act(fn, message) {
  show($('#error'), '');
  show($('#done'), '');
  try {
    const c = await fn();
    if (c && c.estates) renderTree(c);
    show($('#done'), message === undefined ? '已保存' : message);
  } catch (e) {
    show($('#error'), e.message);
  }
}

function values(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) {
    if (v === '') continue;
    out[k] = form.elements[k].type === 'number' ? Number(v) : v;
  }
  return out;
}

const ACTIONS = {
  grid: (v) => call('PUT', '/communities/' + community.code + '/grids/' + encodeURIComponent(v.code),
    { name: v.name, households: v.households, parentGridCode: v.parentGridCode }),
  estate: (v) => call('PUT', '/estates/' + encodeURIComponent(v.code),
    { communityCode: community.code, name: v.name, estateType: v.estateType, households: v.households, gridCode: v.gridCode }),
  building: (v) => call('PUT', '/estates/' + encodeURIComponent(v.estate) + '/buildings/' + encodeURIComponent(v.code),
    { name: v.name, gridCode: v.gridCode }),
  term: (v) => call('POST', '/estates/' + encodeURIComponent(v.estate) + '/property-terms',
    { companyCode: v.companyCode, from: v.from }),
  member: (v) => call('POST', '/communities/' + community.code + '/members', v),
  representative: (v) => call('POST', '/estates/' + encodeURIComponent(v.estate) + '/representatives', v)
};

for (const form of document.querySelectorAll('form[data-action]')) {
  form.addEventListener('submit', (ev) => {
    ev.preventDefault();
    if (!community) return show($('#error'), '请先选择社区');
    act(() => ACTIONS[form.dataset.action](values(form)));
  });
}

$('#pick').addEventListener('submit', (ev) => {
  ev.preventDefault();
  const code = new FormData(ev.target).get('community');
  act(() => call('GET', '/communities/' + encodeURIComponent(code)), '');
});

(async () => {
  try {
    const index = await call('GET', '');
    const select = $('#pick select');
    for (const s of index.streets) {
      const group = document.createElement('optgroup');
      group.label = s.name;
      for (const c of s.communities) {
        const o = text('option', c.name + '（' + c.code + '）');
        o.value = c.code;
        group.append(o);
      }
      select.append(group);
    }
    const companies = document.querySelector('form[data-action="term"] select');
    for (const c of index.companies) {
      const o = text('option', c.name + '（' + c.code + '）');
      o.value = c.code;
      companies.append(o);
    }
    if (select.value) $('#pick').requestSubmit();
  } catch (e) {
    show($('#error'), e.message);
  }
})();
