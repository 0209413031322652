// 我的积分: plain JavaScript, no framework, nothing loaded from elsewhere. The wallet token (after
// the phone check with a case) stays in this browser's localStorage until it expires or 退出.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const KEY = 'linli.points.token';
  let token = localStorage.getItem(KEY);
  let options = [];
  let signupActivity = null;
  let codeTimer = null;

  async function api(method, url, body) {
    const headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (token) headers['X-Points-Token'] = token;
    const res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const data = await res.json().catch(() => ({}));
    if (!res.ok) {
      const fields = (data.errors || []).map((e) => e.message).join('；');
      const err = new Error(fields || data.title || ('请求失败（' + res.status + '）'));
      err.status = res.status;
      throw err;
    }
    return data;
  }

  function time(iso) {
    return new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false,
      month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' });
  }

  function li(text, cls) {
    const el = document.createElement('li');
    if (cls) el.className = cls;
    if (text !== undefined) el.textContent = text;
    return el;
  }

  function showLogin() {
    $('login').hidden = false;
    $('wallet').hidden = true;
  }

  async function load() {
    let me;
    try {
      me = await api('GET', '/api/points/me');
    } catch (e) {
      if (e.status === 403) {
        token = null;
        localStorage.removeItem(KEY);
        showLogin();
        return;
      }
      throw e;
    }
    $('login').hidden = true;
    $('wallet').hidden = false;
    $('balance').textContent = me.balance;
    $('earned-today').textContent = me.earnedToday;
    $('daily-cap').textContent = me.dailyCap;
    $('earned-month').textContent = me.earnedThisMonth;
    $('monthly-cap').textContent = me.monthlyCap;
    const list = $('history');
    list.replaceChildren();
    for (const h of me.history) {
      const item = li();
      const what = document.createElement('span');
      what.textContent = h.label + (h.note ? '（' + h.note + '）' : '') + ' · ' + time(h.at);
      const amount = document.createElement('span');
      amount.className = h.amount > 0 ? 'amount-plus' : 'amount-minus';
      amount.textContent = (h.amount > 0 ? '+' : '') + h.amount;
      item.append(what, amount);
      list.append(item);
    }
    $('history-empty').hidden = me.history.length > 0;
    if (options.length === 0) {
      options = (await api('GET', '/api/resident/options')).communities;
      const select = $('community');
      for (const c of options) select.add(new Option(c.name, c.code));
      if (me.communityCode) select.value = me.communityCode;
    }
    await loadCommunity();
  }

  async function loadCommunity() {
    const community = $('community').value;
    if (!community) return;
    const [activities, shops] = await Promise.all([
      api('GET', '/api/points/activities?community=' + encodeURIComponent(community)),
      api('GET', '/api/points/shops?community=' + encodeURIComponent(community))]);
    const list = $('activities');
    list.replaceChildren();
    for (const a of activities) {
      const item = li(undefined, 'topic card');
      const title = document.createElement('div');
      title.className = 'topic-title';
      title.textContent = a.title;
      const meta = document.createElement('div');
      meta.className = 'meta';
      meta.textContent = (a.estateName ? a.estateName + ' · ' : '') + time(a.startsAt) + ' 至 ' + time(a.endsAt) +
        ' · 组织者：' + a.organiser + ' · 已报名 ' + a.signedUp + '/' + a.capacity;
      const join = document.createElement('button');
      join.type = 'button';
      join.className = 'join';
      join.textContent = '我要报名';
      join.disabled = a.signedUp >= a.capacity;
      join.addEventListener('click', () => openSignup(a));
      item.append(title, meta);
      if (a.description) {
        const d = document.createElement('div');
        d.textContent = a.description;
        item.append(d);
      }
      item.append(join);
      list.append(item);
    }
    $('activities-empty').hidden = activities.length > 0;
    const shopList = $('shops');
    shopList.replaceChildren();
    for (const s of shops) shopList.append(li(s.name + (s.address ? ' · ' + s.address : ''), 'topic card'));
    $('shops-empty').hidden = shops.length > 0;
  }

  function openSignup(a) {
    signupActivity = a;
    $('signup-title').textContent = a.title;
    const estates = $('signup-estate');
    estates.replaceChildren(new Option('（不填）', ''));
    const c = options.find((o) => o.code === $('community').value);
    for (const e of (c ? c.estates : [])) estates.add(new Option(e.name, e.code));
    $('signup-error').textContent = '';
    $('signup-form').hidden = false;
    $('signup-name').focus();
  }

  $('signup-cancel').addEventListener('click', () => { $('signup-form').hidden = true; });

  $('signup-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('signup-error').textContent = '';
    try {
      await api('POST', '/api/points/activities/' + signupActivity.id + '/signups', {
        name: $('signup-name').value, phone: $('signup-phone').value,
        estateCode: $('signup-estate').value || null,
        buildingCode: $('signup-building').value || null, room: $('signup-room').value || null });
      $('signup-form').hidden = true;
      $('signup-done').textContent = '已报名“' + signupActivity.title + '”，活动结束后组织者记录时长即可获得积分。';
      await loadCommunity();
    } catch (e) {
      $('signup-error').textContent = e.message;
    }
  });

  $('community').addEventListener('change', () => loadCommunity().catch((e) => { $('signup-done').textContent = e.message; }));

  $('login-form').addEventListener('submit', async (ev) => {
    ev.preventDefault();
    $('login-error').textContent = '';
    try {
      const opened = await api('POST', '/api/points/wallet', { caseNo: $('login-case').value.trim(), phone: $('login-phone').value });
      token = opened.token;
      localStorage.setItem(KEY, token);
      await load();
    } catch (e) {
      $('login-error').textContent = e.status === 404 ? '案件编号与手机号码不符，请核对' : e.message;
    }
  });

  $('new-code').addEventListener('click', async () => {
    $('code-error').textContent = '';
    try {
      const c = await api('POST', '/api/points/me/codes');
      $('code').textContent = c.code.replace(/(\d{5})(\d{5})/, '$1 $2');
      $('code-qr').src = c.qr;
      $('code-expires').textContent = time(c.expiresAt);
      $('code-box').hidden = false;
      clearInterval(codeTimer);
      const tick = () => {
        const left = Math.max(0, Math.round((new Date(c.expiresAt) - Date.now()) / 1000));
        $('code-left').textContent = Math.floor(left / 60) + ' 分 ' + (left % 60) + ' 秒';
        if (left === 0) { clearInterval(codeTimer); $('code-left').textContent = '已过期'; }
      };
      tick();
      codeTimer = setInterval(tick, 1000);
    } catch (e) {
      $('code-error').textContent = e.message;
    }
  });

  $('logout').addEventListener('click', () => {
    token = null;
    localStorage.removeItem(KEY);
    $('code-box').hidden = true;
    showLogin();
  });

  const params = new URLSearchParams(location.search);
  if (params.get('case')) $('login-case').value = params.get('case');
  if (token) load().catch((e) => { $('login-error').textContent = e.message; showLogin(); });
  else showLogin();
})();
