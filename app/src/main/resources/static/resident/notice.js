// 邻里 resident page, 公示 tab: 红黑榜, 物业定星·小区定级 with their basis, the annual evaluation results
// and the quarterly 双晒 of the chosen community. Plain JavaScript; everything read without an account.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const esc = (s) => String(s == null ? '' : s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c]));
  const pct = (r) => (r == null ? '—' : (r * 100).toFixed(1) + '%');
  const yuan = (fen) => (fen / 100).toFixed(2);
  let options = null;

  async function get(url) {
    const res = await fetch(url, { headers: { 'Accept': 'application/json' } });
    if (res.status === 429) {
      const wait = res.headers.get('Retry-After');
      throw new Error('访问过于频繁，请' + (wait ? wait + '秒后' : '稍后') + '再试');
    }
    if (!res.ok) { const e = new Error('请求失败（' + res.status + '）'); e.status = res.status; throw e; }
    return res.json();
  }

  // the last four complete quarters, newest first
  function quarters() {
    const now = new Date(new Date().toLocaleString('en-US', { timeZone: 'Asia/Shanghai' }));
    let y = now.getFullYear(), q = Math.floor(now.getMonth() / 3);  // q: the current quarter − 1
    const out = [];
    for (let i = 0; i < 4; i++) {
      if (q === 0) { y -= 1; q = 4; }
      out.push({ code: y + '-Q' + q, y, q });
      q -= 1;
    }
    return out;
  }

  function show(panel) {
    $('notice').hidden = panel !== 'notice';
    if (panel === 'notice') load().catch((e) => { $('notice-error').textContent = '加载失败：' + e.message; });
  }

  function ranking(r) {
    const rows = [].concat(r.companies.map((e) => ['物业', e]), r.estates.map((e) => ['小区', e]))
      .filter(([, e]) => e.list);
    $('gs-ranking').innerHTML = (rows.length ? rows.map(([kind, e]) =>
      '<div class="notice-item"><span class="mark-' + e.list + '">' + (e.list === 'RED' ? '红榜' : '黑榜') + '</span> ' +
      kind + ' ' + esc(e.name) + '：按时办结率 ' + pct(e.onTimeClosureRate) + '，居民满意率 ' + pct(e.satisfactionRate) +
      '</div>').join('') : '<p class="hint">本季度没有上榜的物业或小区。</p>') +
      '<p class="hint">' + esc(r.rule) + '</p>';
  }

  function basis(r) {
    return '<details><summary>评定依据：综合得分 ' + (r.points == null ? '—' : r.points) + '</summary><ul>' +
      r.basis.parts.map((p) => '<li>' + esc(p.label) + '：' + esc(p.value) + '，得分 ' + p.points + '，权重 ' + p.weight + '</li>').join('') +
      '</ul><p class="hint">' + esc(r.basis.formula) + '</p>' +
      r.overrides.map((o) => '<p class="hint">人工调整：' + esc(o.from || '—') + ' → ' + esc(o.to) + '，理由：' + esc(o.reason) + '</p>').join('') +
      '</details>';
  }

  function ratings(year, list) {
    if (!list.length) { $('gs-ratings').innerHTML = '<p class="hint">尚未评定。</p>'; return; }
    $('gs-ratings').innerHTML = '<p class="hint">' + year + '年度</p>' + list.map((r) =>
      '<div class="notice-item rating-' + r.kind + '" data-name="' + esc(r.name) + '"><strong>' + esc(r.name) + '</strong> ' +
      (r.kind === 'COMPANY'
        ? (r.stars ? '<span class="stars">' + '★'.repeat(r.stars) + '</span> ' + r.stars + '星' : '暂无数据')
        : (r.grade ? r.grade + '级' : '暂无数据')) +
      (r.overridden ? '（经督查调整，计算结果' + (r.kind === 'COMPANY' ? r.computedStars + '星' : r.computedGrade + '级') + '）' : '') +
      basis(r) + '</div>').join('');
  }

  function serviceStars(b) {
    $('gs-stars').innerHTML = (b.stars.length ? b.stars.map((s) => '<div class="notice-item star">' + s.rank + '. <strong>' +
      esc(s.name) + '</strong>：完成办理时限 ' + s.stopped + ' 个，按时 ' + pct(s.onTimeRate) + '，督办 ' + s.supervised + ' 次</div>').join('')
      : '<p class="hint">' + b.year + '年暂无参评人员。</p>') + '<p class="hint">' + b.year + '年度。' + esc(b.rule) + '</p>';
  }

  function evaluations(year, list) {
    if (!list.length) { $('gs-evaluations').innerHTML = '<p class="hint">' + (year + 1) + '年、' + year + '年暂无已公布的考评结果。</p>'; return; }
    $('gs-evaluations').innerHTML = list.map((v) =>
      '<div class="notice-item evaluation"><strong>' + esc(v.estateName) + ' · ' + esc(v.companyName) + '</strong> ' + v.year +
      '年度，' + v.answered + '/' + v.eligible + '名楼栋代表评分，综合得分 <strong>' + Number(v.overall).toFixed(2) + '</strong>' +
      '<table class="aspects">' + v.aspects.map((a) => '<tr><td>' + a.aspect + '. ' + esc(a.name) + '</td><td>' +
        (a.average == null ? '—' : Number(a.average).toFixed(2)) + (a.rectify ? '（整改中）' : '') + '</td></tr>').join('') + '</table></div>').join('');
  }

  function shuangshai(estates) {
    $('gs-shuangshai').innerHTML = estates.map((e) => {
      const f = e.books;
      return '<div class="notice-item shuangshai" data-estate="' + esc(e.code) + '"><strong>' + esc(e.name) + '</strong> ' +
        '<a href="' + esc(e.pageUrl) + '" target="_blank">服务和收支季报（网页）</a> · <a href="' + esc(e.pdfUrl) + '" target="_blank">PDF</a><br>' +
        (f ? '收支（社区党委审核后公布，' + esc(f.entryNo) + (f.correctsEntryNo ? '，更正 ' + esc(f.correctsEntryNo) : '') +
          '）：物业费应收 ' + yuan(f.billedFen) + ' 元，实收 <span class="collected">' + yuan(f.collectedFen) + '</span> 元；支出 ' +
          yuan(f.expenseFen) + ' 元（' + Object.entries(f.expensesByCategory).map(([k, v]) => esc(k) + ' ' + yuan(v)).join('、') + '）'
          : '<span class="hint">本季度收支尚未经审核公布。</span>') + '</div>';
    }).join('');
  }

  async function load() {
    $('notice-error').textContent = '';
    if (!options) {
      options = await get('/api/resident/options');
      const c = $('gs-community');
      c.replaceChildren(...options.communities.map((x) => new Option(x.name, x.code)));
      const named = new URLSearchParams(location.search).get('community');
      if (named && options.communities.some((x) => x.code === named)) c.value = named;
      $('gs-quarter').replaceChildren(...quarters().map((q) => new Option(q.y + '年第' + '一二三四'[q.q - 1] + '季度', q.code)));
      const asked = new URLSearchParams(location.search).get('quarter');
      if (asked && /^\d{4}-Q[1-4]$/.test(asked)) {
        if (![...$('gs-quarter').options].some((o) => o.value === asked)) $('gs-quarter').add(new Option(asked, asked));
        $('gs-quarter').value = asked;
      }
    }
    const community = $('gs-community').value, quarter = $('gs-quarter').value;
    // one public, read-only answer for the community and quarter (no account in any profile)
    const n = await get('/api/public-notice/communities/' + encodeURIComponent(community) + '/' + encodeURIComponent(quarter));
    ranking(n.ranking);
    ratings(n.ratingYear, n.ratings);
    serviceStars(n.serviceStars);
    evaluations(n.evaluationYear, n.evaluations);
    shuangshai(n.estates);
    $('notice').dataset.loaded = community + '/' + quarter;
  }

  for (const t of document.querySelectorAll('.tab')) t.addEventListener('click', () => show(t.dataset.panel));
  $('gs-community').addEventListener('change', () => load().catch((e) => { $('notice-error').textContent = e.message; }));
  $('gs-quarter').addEventListener('change', () => load().catch((e) => { $('notice-error').textContent = e.message; }));
  if (/(^|[#&])notice\b/.test(location.hash.replace(/^#/, ''))) {
    document.querySelectorAll('.tab').forEach((t) => t.classList.toggle('active', t.dataset.panel === 'notice'));
    for (const id of ['report', 'order', 'topics', 'track']) $(id).hidden = true;
    show('notice');
  }
})();
