// 邻里 resident page: plain JavaScript, no framework, nothing loaded from elsewhere.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  let options = null;
  let idempotencyKey = null;   // one per submission attempt; reused on retry until it succeeds
  let tracked = null;          // {caseNo, phone}
  let source = null;           // EventSource of the tracked case
  let countdownTimer = null;

  // ---- tabs ----
  function show(panel) {
    for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t.dataset.panel === panel);
    $('report').hidden = panel !== 'report';
    $('track').hidden = panel !== 'track';
  }
  for (const t of document.querySelectorAll('.tab')) t.addEventListener('click', () => show(t.dataset.panel));

  // ---- helpers ----
  function fill(select, items, placeholder) {
    select.replaceChildren();
    if (placeholder !== undefined) select.add(new Option(placeholder, ''));
    for (const i of items) select.add(new Option(i.label, i.code));
  }
  async function api(method, url, body, headers) {
    const res = await fetch(url, {
      method, headers: Object.assign({ 'Content-Type': 'application/json', 'Accept': 'application/json' }, headers || {}),
      body: body === undefined ? undefined : JSON.stringify(body)
    });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      const fields = (data.errors || []).map((e) => e.message).join('；');
      const err = new Error(fields || data.title || ('请求失败（' + res.status + '）'));
      err.status = res.status;
      throw err;
    }
    return data;
  }
  function fmt(iso) {
    return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false,
      year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
  }
  function countdown(ms) {
    const late = ms < 0; let s = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86400); s %= 86400;
    const h = Math.floor(s / 3600); s %= 3600;
    const m = Math.floor(s / 60); s %= 60;
    const p = (n) => String(n).padStart(2, '0');
    return (late ? '已超时 ' : '剩余 ') + (d ? d + '天 ' : '') + p(h) + ':' + p(m) + ':' + p(s);
  }

  // ---- report ----
  function estatesOf(code) {
    const c = options.communities.find((x) => x.code === code);
    return c ? c.estates : [];
  }
  function onCommunity() {
    fill($('estate'), estatesOf($('community').value).map((e) => ({ code: e.code, label: e.name })), '（不限小区）');
    onEstate();
  }
  function onEstate() {
    const e = estatesOf($('community').value).find((x) => x.code === $('estate').value);
    fill($('building'), e ? e.buildings.map((b) => ({ code: b.code, label: b.label })) : [], '（不限楼栋）');
  }
  async function loadOptions() {
    options = await api('GET', '/api/resident/options');
    fill($('community'), options.communities.map((c) => ({ code: c.code, label: c.name })));
    fill($('category'), options.categories, '请选择');
    if (params.get('community')) $('community').value = params.get('community');
    onCommunity();
    if (params.get('estate')) { $('estate').value = params.get('estate'); onEstate(); }
    if (params.get('building')) $('building').value = params.get('building');
  }
  $('community').addEventListener('change', onCommunity);
  $('estate').addEventListener('change', onEstate);
  $('notify-email').addEventListener('change', () => { $('contactEmail').hidden = !$('notify-email').checked; });
  $('report-form').addEventListener('input', () => { idempotencyKey = null; });

  $('report-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('report-error').textContent = '';
    const notifyBy = ['notify-sms', 'notify-email'].filter((id) => $(id).checked).map((id) => $(id).value);
    const body = {
      communityCode: $('community').value, estateCode: $('estate').value || null,
      buildingCode: $('building').value || null, category: $('category').value || null,
      description: $('description').value, contactName: $('contactName').value || null,
      contactPhone: $('contactPhone').value || null, notifyBy,
      contactEmail: $('notify-email').checked ? ($('contactEmail').value || null) : null,
      channel: params.get('qr') ? 'QR' : 'WEB'
    };
    if (!idempotencyKey) idempotencyKey = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
    $('submit-report').disabled = true;
    try {
      const r = await api('POST', '/api/grievances', body, { 'Idempotency-Key': idempotencyKey });
      idempotencyKey = null;
      $('receipt-case-no').textContent = r.caseNo;
      await uploadPhotos(r.caseNo, r.watchToken);
      $('report-form').hidden = true;
      $('receipt').hidden = false;
      $('track-case-no').value = r.caseNo;
      $('track-phone').value = body.contactPhone || '';
    } catch (e) {
      $('report-error').textContent = e.message;
    } finally {
      $('submit-report').disabled = false;
    }
  });
  async function uploadPhotos(caseNo, token) {
    $('photo-error').textContent = ''; $('receipt-photos').textContent = '';
    const files = Array.from($('photos').files || []);
    let done = 0;
    for (const f of files) {
      const form = new FormData(); form.append('photo', f);
      const res = await fetch('/api/cases/grievance/' + encodeURIComponent(caseNo) + '/photos?token=' +
        encodeURIComponent(token), { method: 'POST', body: form });
      if (res.ok) { done++; continue; }
      const p = await res.json().catch(() => ({}));
      $('photo-error').textContent = '照片「' + f.name + '」未上传：' + (p.title || res.status);
    }
    if (files.length) $('receipt-photos').textContent = '已上传照片 ' + done + ' 张';
  }
  $('receipt-track').addEventListener('click', () => { show('track'); $('track-form').requestSubmit(); });
  $('report-another').addEventListener('click', () => {
    $('report-form').reset(); $('report-form').hidden = false; $('receipt').hidden = true; onCommunity();
  });

  // ---- track ----
  async function refresh() {
    const t = await api('POST', '/api/grievances/' + encodeURIComponent(tracked.caseNo) + '/track',
      { phone: tracked.phone });
    render(t.status);
    photos(t.watchToken).catch(() => {});
    if (!source) listen(t.eventsUrl);
  }
  function listen(url) {
    source = new EventSource(url);
    source.onopen = () => $('live').classList.add('on');
    source.onerror = () => $('live').classList.remove('on');
    source.addEventListener('case', () => refresh().catch(() => {}));
  }
  async function photos(token) {
    const base = '/api/cases/grievance/' + encodeURIComponent(tracked.caseNo) + '/photos';
    const list = await api('GET', base + '?token=' + encodeURIComponent(token));
    const box = $('status-photos'); box.replaceChildren();
    for (const p of list) {
      const img = document.createElement('img');
      img.alt = '照片'; img.src = base + '/' + p.id + '.jpg?token=' + encodeURIComponent(token);
      box.append(img);
    }
  }
  function render(s) {
    $('status').hidden = false;
    $('status-case-no').textContent = s.caseNo;
    $('status-label').textContent = s.statusLabel;
    $('status').dataset.status = s.status;
    $('status-tier').textContent = '类别：' + s.categoryLabel + (s.tierLabel ? '　分级：' + s.tierLabel : '');
    const dl = $('deadlines'); dl.replaceChildren();
    for (const d of s.deadlines) {
      const li = document.createElement('li');
      li.className = 'state-' + d.state;
      const state = { OPEN: '进行中', MET: '已按时完成', BREACHED: '已超时，已督办' }[d.state] || d.state;
      li.append(d.label + '：' + fmt(d.dueAt) + '（' + state + '）');
      if (d.state === 'OPEN') {
        const c = document.createElement('span');
        c.className = 'countdown'; c.dataset.due = d.dueAt;
        li.append(document.createElement('br'), c);
      }
      dl.append(li);
    }
    tick();
    const h = $('history'); h.replaceChildren();
    for (const e of s.history) {
      const li = document.createElement('li');
      const what = document.createElement('div'); what.textContent = e.label + (e.note ? '：' + e.note : '');
      const meta = document.createElement('div'); meta.className = 'meta';
      meta.textContent = fmt(e.at) + (e.actorRole ? ' · ' + e.actorRole : '');
      li.append(what, meta); h.append(li);
    }
    $('rate').hidden = s.status !== 'AWAITING_RATING';
    $('rated').hidden = !s.rating;
    $('rated').textContent = s.rating ? '您已评价，感谢！' : '';
  }
  function tick() {
    for (const c of document.querySelectorAll('.countdown')) c.textContent = countdown(new Date(c.dataset.due) - Date.now());
  }
  $('track-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('track-error').textContent = '';
    if (source) { source.close(); source = null; }
    tracked = { caseNo: $('track-case-no').value.trim().toUpperCase(), phone: $('track-phone').value };
    try {
      await refresh();
      location.hash = 'track=' + tracked.caseNo;
    } catch (e) {
      $('status').hidden = true;
      $('track-error').textContent = e.status === 404 ? '未找到：请核对案件编号和手机号码' : e.message;
    }
  });
  $('submit-rating').addEventListener('click', async () => {
    const chosen = document.querySelector('input[name=rating]:checked');
    $('rate-error').textContent = '';
    if (!chosen) { $('rate-error').textContent = '请选择评价'; return; }
    try {
      await api('POST', '/api/grievances/' + encodeURIComponent(tracked.caseNo) + '/evaluation',
        { rating: chosen.value, comment: $('rating-comment').value || null });
      await refresh();
    } catch (e) {
      $('rate-error').textContent = e.message;
    }
  });

  countdownTimer = setInterval(tick, 1000);
  const m = /track=([A-Za-z0-9-]+)/.exec(location.hash);
  if (m) { $('track-case-no').value = m[1]; show('track'); }
  loadOptions().catch((e) => { $('report-error').textContent = '加载失败：' + e.message; });
})();
