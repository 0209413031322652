// 邻里 resident page: plain JavaScript, no framework, nothing loaded from elsewhere.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const params = new URLSearchParams(location.search);
  // #community=… works like ?community=… (a link that keeps the query for something else)
  const hashParams = new URLSearchParams(location.hash.replace(/^#/, ''));
  let options = null;
  let idempotencyKey = null;   // one per submission attempt; reused on retry until it succeeds
  let tracked = null;          // {caseNo, phone, kind, token}
  let source = null;           // EventSource of the tracked case
  let countdownTimer = null;

  // ---- tabs ----
  function show(panel) {
    for (const t of document.querySelectorAll('.tab')) t.classList.toggle('active', t.dataset.panel === panel);
    for (const id of ['report', 'order', 'topics', 'track']) $(id).hidden = panel !== id;
    if (panel === 'topics') loadTopics().catch((e) => { $('support-error').textContent = e.message; });
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
  function newKey() {
    return crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random();
  }
  function yuan(fen) { return (fen / 100).toFixed(2); }
  function chosen(prefix) {
    return [prefix + 'notify-sms', prefix + 'notify-email'].filter((id) => $(id).checked).map((id) => $(id).value);
  }
  // A community → estate → building chooser; prefix '' is the grievance form's.
  function locationChooser(prefix, withBuildings) {
    const c = $(prefix + 'community'), e = $(prefix + 'estate'), b = withBuildings ? $(prefix + 'building') : null;
    function onEstate() {
      if (!b) return;
      const est = estatesOf(c.value).find((x) => x.code === e.value);
      fill(b, est ? est.buildings.map((x) => ({ code: x.code, label: x.label })) : [], '（不限楼栋）');
    }
    function onCommunity() {
      fill(e, estatesOf(c.value).map((x) => ({ code: x.code, label: x.name })), withBuildings ? '（不限小区）' : undefined);
      onEstate();
    }
    c.addEventListener('change', onCommunity);
    e.addEventListener('change', onEstate);
    return {
      init() {
        fill(c, options.communities.map((x) => ({ code: x.code, label: x.name })));
        // the community the link names, else the first of the list (the server lists the
        // community set up first first: the demo's 天府社区)
        const named = params.get('community') || hashParams.get('community');
        if (named && options.communities.some((x) => x.code === named)) c.value = named;
        onCommunity();
        if (params.get('estate')) { e.value = params.get('estate'); onEstate(); }
        if (b && params.get('building')) b.value = params.get('building');
      },
      reset: onCommunity
    };
  }
  function countdown(ms) {
    const late = ms < 0; let s = Math.floor(Math.abs(ms) / 1000);
    const d = Math.floor(s / 86400); s %= 86400;
    const h = Math.floor(s / 3600); s %= 3600;
    const m = Math.floor(s / 60); s %= 60;
    const p = (n) => String(n).padStart(2, '0');
    return (late ? '已超时 ' : '剩余 ') + (d ? d + '天 ' : '') + p(h) + ':' + p(m) + ':' + p(s);
  }

  // ---- report a grievance ----
  function estatesOf(code) {
    const c = options.communities.find((x) => x.code === code);
    return c ? c.estates : [];
  }
    const grievancePlace = locationChooser('', true);
  const orderPlace = locationChooser('so-', true);
  const topicPlace = locationChooser('yi-', false);
  async function loadOptions() {
    options = await api('GET', '/api/resident/options');
    fill($('category'), options.categories, '请选择');
    fill($('yi-category'), options.topicCategories, '请选择');
    grievancePlace.init(); orderPlace.init(); topicPlace.init();
    const catalogue = await api('GET', '/api/service-catalogue');
    const item = $('so-item'); item.replaceChildren(new Option('请选择', ''));
    for (const cat of catalogue.categories) {
      if (!cat.items.length) continue;
      const group = document.createElement('optgroup'); group.label = cat.name;
      for (const i of cat.items) {
        const o = new Option(i.name + '（' + (i.pricing === 'FREE' ? i.pricingLabel : i.referencePrice + '元/' + i.unit) + '）', i.code);
        o.dataset.info = i.pricingLabel + (i.pricing === 'FREE' ? '' : '，参考价 ' + i.referencePrice + ' 元/' + i.unit) +
          (i.description ? '。' + i.description : '');
        group.append(o);
      }
      item.append(group);
    }
  }
  $('so-item').addEventListener('change', () => {
    const o = $('so-item').selectedOptions[0];
    $('so-item-info').textContent = o && o.dataset.info ? o.dataset.info : '';
  });
  for (const prefix of ['', 'so-', 'yi-']) {
    $(prefix + 'notify-email').addEventListener('change', () => {
      $(prefix + 'contactEmail').hidden = !$(prefix + 'notify-email').checked;
    });
  }
  $('report-form').addEventListener('input', () => { idempotencyKey = null; });

  $('report-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('report-error').textContent = '';
    const notifyBy = chosen('');
    const body = {
      communityCode: $('community').value, estateCode: $('estate').value || null,
      buildingCode: $('building').value || null, category: $('category').value || null,
      description: $('description').value, contactName: $('contactName').value || null,
      contactPhone: $('contactPhone').value || null, notifyBy,
      contactEmail: $('notify-email').checked ? ($('contactEmail').value || null) : null,
      channel: params.get('qr') ? 'QR' : 'WEB'
    };
    if (!idempotencyKey) idempotencyKey = newKey();
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
    $('report-form').reset(); $('report-form').hidden = false; $('receipt').hidden = true; grievancePlace.reset();
  });

  // ---- order a service ----
  let orderKey = null;
  $('order-form').addEventListener('input', () => { orderKey = null; });
  $('order-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('order-error').textContent = '';
    const body = {
      communityCode: $('so-community').value, estateCode: $('so-estate').value || null,
      buildingCode: $('so-building').value || null, itemCode: $('so-item').value || null,
      description: $('so-description').value, contactName: $('so-contactName').value || null,
      contactPhone: $('so-contactPhone').value || null, notifyBy: chosen('so-'),
      contactEmail: $('so-notify-email').checked ? ($('so-contactEmail').value || null) : null,
      channel: 'WEB'
    };
    if (!orderKey) orderKey = newKey();
    $('submit-order').disabled = true;
    try {
      const r = await api('POST', '/api/service-orders', body, { 'Idempotency-Key': orderKey });
      orderKey = null;
      $('order-receipt-no').textContent = r.orderNo;
      $('order-form').hidden = true; $('order-receipt').hidden = false;
      $('track-case-no').value = r.orderNo; $('track-phone').value = body.contactPhone || '';
    } catch (e) {
      $('order-error').textContent = e.message;
    } finally {
      $('submit-order').disabled = false;
    }
  });
  $('order-track').addEventListener('click', () => { show('track'); $('track-form').requestSubmit(); });
  $('order-another').addEventListener('click', () => {
    $('order-form').reset(); $('order-form').hidden = false; $('order-receipt').hidden = true; orderPlace.reset();
  });

  // ---- consultation topics: support and propose ----
  async function loadTopics() {
    const q = new URLSearchParams({ community: $('yi-community').value, estate: $('yi-estate').value, state: 'COLLECTING' });
    const list = await api('GET', '/api/consultations?' + q);
    const ul = $('topic-list'); ul.replaceChildren();
    $('topics-empty').hidden = list.length > 0;
    for (const t of list) {
      const li = document.createElement('li'); li.className = 'card topic';
      const title = document.createElement('div'); title.className = 'topic-title';
      title.textContent = t.topicNo + ' ' + t.title;
      const meta = document.createElement('div'); meta.className = 'meta';
      meta.textContent = t.categoryLabel + ' · 附议 ' + t.supporters + ' 人 · 征集截止 ' + fmt(t.collectionEndsAt);
      const b = document.createElement('button'); b.type = 'button'; b.className = 'secondary support';
      b.textContent = '附议'; b.dataset.topic = t.topicNo;
      b.addEventListener('click', () => support(t, b, meta));
      li.append(title, meta, b); ul.append(li);
    }
  }
  async function support(t, button, meta) {
    $('support-error').textContent = '';
    if (!$('yi-phone').value) { $('support-error').textContent = '请先填写您的手机号码'; return; }
    button.disabled = true;
    try {
      const r = await api('POST', '/api/consultations/' + encodeURIComponent(t.topicNo) + '/supporters',
        { contactPhone: $('yi-phone').value });
      button.textContent = '已附议（' + r.supporters + ' 人）';
      meta.textContent = t.categoryLabel + ' · 附议 ' + r.supporters + ' 人 · 征集截止 ' + fmt(t.collectionEndsAt);
    } catch (e) {
      button.disabled = false;
      $('support-error').textContent = e.message;
    }
  }
  $('yi-community').addEventListener('change', () => loadTopics().catch(() => {}));
  $('yi-estate').addEventListener('change', () => loadTopics().catch(() => {}));
  $('propose-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('propose-error').textContent = '';
    const body = {
      communityCode: $('yi-community').value, estateCode: $('yi-estate').value || null,
      category: $('yi-category').value || null, title: $('yi-title').value,
      description: $('yi-description').value, proposerRole: 'RESIDENT',
      contactPhone: $('yi-phone').value || null, notifyBy: chosen('yi-'),
      contactEmail: $('yi-notify-email').checked ? ($('yi-contactEmail').value || null) : null
    };
    if (!body.contactPhone) { $('propose-error').textContent = '请填写您的手机号码'; return; }
    $('submit-propose').disabled = true;
    try {
      const r = await api('POST', '/api/consultations', body);
      $('propose-receipt-no').textContent = r.topicNo;
      $('propose-receipt-ends').textContent = '附议征集截止：' + fmt(r.collectionEndsAt);
      $('propose-form').hidden = true; $('propose-receipt').hidden = false;
      $('track-case-no').value = r.topicNo;
      loadTopics().catch(() => {});
    } catch (e) {
      $('propose-error').textContent = e.message;
    } finally {
      $('submit-propose').disabled = false;
    }
  });
  $('propose-track').addEventListener('click', () => { show('track'); $('track-form').requestSubmit(); });

  // ---- track: GR- grievances and SO- service orders by number + phone, YS- topics by number ----
  function kindOf(no) {
    return no.startsWith('SO-') ? 'order' : no.startsWith('YS-') ? 'topic' : 'grievance';
  }
  async function refresh() {
    const no = encodeURIComponent(tracked.caseNo);
    if (tracked.kind === 'topic') {
      renderTopic(await api('GET', '/api/consultations/' + no));
      return;
    }
    const t = tracked.kind === 'order'
      ? await api('POST', '/api/service-orders/' + no + '/track', { phone: tracked.phone })
      : await api('POST', '/api/grievances/' + no + '/track', { phone: tracked.phone });
    tracked.token = t.watchToken;
    if (tracked.kind === 'order') renderOrder(t.status); else render(t.status);
    if (tracked.kind === 'grievance') photos(t.watchToken).catch(() => {});
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
  function showCase(no, label, status) {
    $('status').hidden = false;
    $('status-case-no').textContent = no;
    $('status-label').textContent = label;
    $('status').dataset.status = status;
    for (const id of ['rate', 'rated', 'quote', 'confirm']) $(id).hidden = true;
    $('status-photos').replaceChildren();
  }
  function deadlines(list) {
    const dl = $('deadlines'); dl.replaceChildren();
    for (const d of list) {
      const li = document.createElement('li');
      li.className = 'state-' + d.state;
      const state = { OPEN: '进行中', MET: '已按时完成', BREACHED: '已超时，已督办', STOPPED: '已终止', LATE: '已完成（超时）', PAUSED: '等待您答复，暂停计时' }[d.state] || d.state;
      li.append(d.label + '：' + fmt(d.dueAt) + '（' + state + '）');
      if (d.state === 'OPEN') {
        const c = document.createElement('span');
        c.className = 'countdown'; c.dataset.due = d.dueAt;
        li.append(document.createElement('br'), c);
      }
      dl.append(li);
    }
    tick();
  }
  function history(list) {
    const h = $('history'); h.replaceChildren();
    for (const e of list) {
      const li = document.createElement('li');
      const what = document.createElement('div'); what.textContent = e.label + (e.note ? '：' + e.note : '');
      const meta = document.createElement('div'); meta.className = 'meta';
      meta.textContent = fmt(e.at) + (e.actorRole ? ' · ' + e.actorRole : '');
      li.append(what, meta); h.append(li);
    }
  }
  function render(s) {
    showCase(s.caseNo, s.statusLabel, s.status);
    $('status-tier').textContent = '类别：' + s.categoryLabel + (s.tierLabel ? '　分级：' + s.tierLabel : '');
    deadlines(s.deadlines);
    history(s.history);
    $('rate').hidden = s.status !== 'AWAITING_RATING';
    $('rated').hidden = !s.rating;
    $('rated').textContent = s.rating ? '您已评价，感谢！' : '';
  }
  function renderOrder(s) {
    showCase(s.orderNo, s.statusLabel, s.status);
    $('status-tier').textContent = '服务项目：' + s.itemName +
      (s.quoteFen != null ? '　报价：' + yuan(s.quoteFen) + ' 元' : '') +
      (s.committedFinish ? '　承诺完成：' + fmt(s.committedFinish) : '');
    deadlines(s.deadlines);
    history(s.history);
    if (s.status === 'AWAITING_QUOTE_DECISION') {
      $('quote').hidden = false;
      $('quote-text').textContent = '报价 ' + yuan(s.quoteFen || 0) + ' 元。接受后师傅开始服务。';
    }
    if (s.status === 'AWAITING_CONFIRMATION') {
      $('confirm').hidden = false;
      if (!$('paid-yuan').value) $('paid-yuan').value = yuan(s.quoteFen || 0);
    }
    $('rate').hidden = s.status !== 'AWAITING_RATING';
    $('rated').hidden = !s.rating || s.status === 'AWAITING_RATING';
    $('rated').textContent = s.rating ? '您已评价，感谢！' : '';
  }
  function renderTopic(d) {
    const t = d.topic;
    showCase(t.topicNo, t.stateLabel, t.state);
    $('status-tier').textContent = t.title + '　' + t.categoryLabel + ' · ' + t.estateName + ' · 附议 ' + t.supporters + ' 人';
    const due = [];
    if (t.state === 'COLLECTING') due.push({ label: '附议征集截止', dueAt: t.collectionEndsAt, state: 'OPEN' });
    for (const r of d.rounds) {
      if (r.closesAt && !r.outcome) due.push({ label: '第' + r.round + '轮表决截止', dueAt: r.closesAt, state: 'OPEN' });
    }
    deadlines(due);
    history(d.history);
  }
  async function act(errorId, url, body) {
    $(errorId).textContent = '';
    try {
      await api('POST', url, body, { 'X-Watch-Token': tracked.token });
      await refresh();
    } catch (e) {
      $(errorId).textContent = e.message;
    }
  }
  $('accept-quote').addEventListener('click', () => act('quote-error',
    '/api/service-orders/' + encodeURIComponent(tracked.caseNo) + '/quote-decision', { accept: true }));
  $('decline-quote').addEventListener('click', () => act('quote-error',
    '/api/service-orders/' + encodeURIComponent(tracked.caseNo) + '/quote-decision',
    { accept: false, reason: $('quote-reason').value || null }));
  $('confirm-done').addEventListener('click', () => {
    const v = $('paid-yuan').value.trim();
    if (!/^\d+(\.\d{1,2})?$/.test(v)) { $('confirm-error').textContent = '请填写实付金额，例如 80 或 80.50'; return; }
    const [y, f = ''] = v.split('.');
    act('confirm-error', '/api/service-orders/' + encodeURIComponent(tracked.caseNo) + '/completion',
      { paidFen: Number(y) * 100 + Number((f + '00').slice(0, 2)) });
  });
  function tick() {
    for (const c of document.querySelectorAll('.countdown')) c.textContent = countdown(new Date(c.dataset.due) - Date.now());
  }
  $('track-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('track-error').textContent = '';
    if (source) { source.close(); source = null; }
    const no = $('track-case-no').value.trim().toUpperCase();
    tracked = { caseNo: no, phone: $('track-phone').value, kind: kindOf(no), token: null };
    try {
      await refresh();
      location.hash = 'track=' + tracked.caseNo;
    } catch (e) {
      $('status').hidden = true;
      $('track-error').textContent = e.status === 404 ? '未找到：请核对编号和手机号码' : e.message;
    }
  });
  $('submit-rating').addEventListener('click', async () => {
    const choice = document.querySelector('input[name=rating]:checked');
    $('rate-error').textContent = '';
    if (!choice) { $('rate-error').textContent = '请选择评价'; return; }
    try {
      const path = tracked.kind === 'order' ? '/api/service-orders/' : '/api/grievances/';
      await api('POST', path + encodeURIComponent(tracked.caseNo) + '/evaluation',
        { rating: choice.value, comment: $('rating-comment').value || null }, { 'X-Watch-Token': tracked.token });
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
