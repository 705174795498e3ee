// Every text of the page itself in Chinese and English. The server's messages (plan errors, diagnostics, reasons a
// session is not placed, justifications, constraint display names) come from the server's catalogue in the language
// the page asks for (api.js sends Accept-Language); when the switch changes, app.js asks for them again.

const TEXTS = {
  zh: {
    title: '社区活动排期',
    subtitle: '社区服务中心场地与时间安排',
    'lang.other': 'English',
    'plan.heading': '1 · 周计划',
    'plan.demo': '示例计划',
    'plan.demoLoad': '载入',
    'plan.upload': '上传计划文件（JSON）',
    'plan.drop': '或把计划文件拖到页面上',
    'plan.none': '尚未载入计划',
    'plan.summary': '{sessions} 个场次 · {activities} 项活动 · {rooms} 间活动室 · {workers} 位社工',
    'plan.invalid': '计划有 {n} 处错误，需修改后才能排期：',
    'plan.notJson': '文件不是有效的 JSON',
    'plan.diagnostics': '提示',
    'plan.loading': '正在读取计划…',
    'solve.heading': '2 · 排期',
    'solve.limit': '时间上限',
    'solve.start': '开始排期',
    'solve.stop': '停止（保留最佳结果）',
    'solve.idle': '载入计划后即可开始排期',
    'solve.ready': '准备就绪',
    'solve.scheduled': '排队中…',
    'solve.active': '排期中… {elapsed} / {limit} 秒',
    'solve.done': '完成，用时 {elapsed} 秒',
    'solve.stopped': '已停止，保留了最佳结果',
    'solve.failed': '排期失败：{error}',
    'solve.best': '当前最佳',
    'solve.placed': '已安排 {placed} · 未安排 {unassigned}',
    'seconds': '{n} 秒',
    'minutes': '{n} 分钟',
    'export.heading': '3 · 导出',
    'export.json': 'JSON',
    'export.csv': 'CSV 表格',
    'export.ics': '日历（iCal）',
    'export.print': '打印',
    'export.edited': '本地修改只包含在 JSON 中；CSV 和日历为排期结果。',
    'view.rooms': '活动室周视图',
    'view.workers': '社工视图',
    'view.orgs': '机构视图',
    'view.site': '服务点',
    'view.worker': '社工',
    'view.org': '机构',
    'grid.empty': '载入计划并排期后，这里会显示一周的安排。',
    'grid.closedDay': '闭馆',
    'grid.capacity': '{n}人',
    'grid.noSessions': '本周没有安排',
    'legend.open': '开放时间',
    'legend.onRequest': '需预约开门',
    'legend.closed': '关闭',
    'legend.loud': '喧闹活动',
    'legend.quiet': '安静活动',
    'legend.pinned': '固定场次',
    'legend.overtime': '加班时段',
    'legend.offHours': '非工作时间',
    'summary.heading': '结果',
    'summary.hardOk': '所有硬性规则均满足',
    'summary.hardBroken': '{n} 处违反硬性规则',
    'summary.allPlaced': '所有场次都已安排',
    'summary.unassigned': '{n} 个场次未能安排',
    'summary.soft': '软性扣分 {n}',
    'summary.edited': '已在本地调整（尚未保存到服务器）',
    'unassigned.heading': '未安排的场次',
    'unassigned.none': '没有未安排的场次。',
    'unassigned.recommend': '找位置',
    'unassigned.noPlace': '找不到可行的位置',
    'recommend.apply': '采用',
    'recommend.diff': '分数变化 {diff}',
    'constraints.heading': '约束明细',
    'constraints.hint': '点击一项约束，在周视图中突出相关场次。',
    'constraints.clear': '取消突出显示',
    'constraints.matches': '{n} 处',
    'level.hard': '硬性',
    'level.medium': '中等',
    'level.soft': '软性',
    'workers.name': '社工',
    'workers.org': '机构',
    'workers.hours': '活动时长',
    'workers.overtime': '加班',
    'workers.none': '无机构',
    'orgs.name': '机构',
    'orgs.requested': '申请场次',
    'orgs.assigned': '已安排',
    'session.room': '活动室',
    'session.workers': '社工',
    'session.pinned': '固定',
    'session.loud': '喧闹',
    'session.quiet': '安静',
    'token.title': '需要访问令牌',
    'token.text': '服务器要求提供访问令牌（API token）。请输入管理员给你的令牌：',
    'token.ok': '确定',
    'token.cancel': '取消',
    'token.rejected': '服务器拒绝了这个令牌。',
    'error.network': '无法连接服务器：{error}',
    'error.server': '服务器返回错误：{error}',
    days: { MON: '周一', TUE: '周二', WED: '周三', THU: '周四', FRI: '周五', SAT: '周六', SUN: '周日' },
    constraints: {
      'Room clash': '活动室冲突',
      'Worker clash': '社工时间冲突',
      'Audience clash': '服务对象时间冲突',
      'Locked doors': '门未开放',
      'Room capacity': '活动室容量不足',
      'Missing feature': '缺少所需设施',
      'Worker unavailable': '社工不可用',
      'Outside allowed times': '不在允许时间内',
      'Wrong site': '服务点不符',
      'Unassigned session': '未安排的场次',
      'Noise beside quiet': '喧闹活动紧邻安静活动',
      'Noise during quiet hours': '安静时段内的喧闹活动',
      'Doors on request': '需预约开门',
      'Overtime outside working hours': '工作时间外加班',
      'Over daily limit': '超出每日工作上限',
      'Fair overtime': '加班分配公平',
      'Not preferred time': '非首选时间',
      'Room stability': '活动室稳定',
      'Same-day repeat': '同日重复',
      'Worker site changes': '社工当天换服务点',
      'Disruption': '与已发布安排的变动',
    },
  },
  en: {
    title: 'Community scheduler',
    subtitle: 'Rooms and times for a community service centre',
    'lang.other': '中文',
    'plan.heading': '1 · Weekly plan',
    'plan.demo': 'Sample plan',
    'plan.demoLoad': 'Load',
    'plan.upload': 'Upload a plan file (JSON)',
    'plan.drop': 'or drop a plan file on the page',
    'plan.none': 'No plan loaded yet',
    'plan.summary': '{sessions} sessions · {activities} activities · {rooms} rooms · {workers} workers',
    'plan.invalid': 'The plan has {n} problem(s) to fix before it can be scheduled:',
    'plan.notJson': 'The file is not valid JSON',
    'plan.diagnostics': 'Notes',
    'plan.loading': 'Reading the plan…',
    'solve.heading': '2 · Schedule',
    'solve.limit': 'Time limit',
    'solve.start': 'Solve',
    'solve.stop': 'Stop (keep the best)',
    'solve.idle': 'Load a plan to start scheduling',
    'solve.ready': 'Ready',
    'solve.scheduled': 'Waiting for a free solver…',
    'solve.active': 'Solving… {elapsed} / {limit} s',
    'solve.done': 'Done in {elapsed} s',
    'solve.stopped': 'Stopped; the best schedule is kept',
    'solve.failed': 'Solving failed: {error}',
    'solve.best': 'Best so far',
    'solve.placed': '{placed} placed · {unassigned} not placed',
    'seconds': '{n} s',
    'minutes': '{n} min',
    'export.heading': '3 · Take it away',
    'export.json': 'JSON',
    'export.csv': 'CSV table',
    'export.ics': 'Calendar (iCal)',
    'export.print': 'Print',
    'export.edited': 'Local changes are only in the JSON; CSV and calendar hold the solved schedule.',
    'view.rooms': 'Rooms week',
    'view.workers': 'Workers',
    'view.orgs': 'Organisations',
    'view.site': 'Site',
    'view.worker': 'Worker',
    'view.org': 'Organisation',
    'grid.empty': 'Load a plan and solve it to see the week here.',
    'grid.closedDay': 'closed',
    'grid.capacity': '{n} seats',
    'grid.noSessions': 'Nothing this week',
    'legend.open': 'Open',
    'legend.onRequest': 'Doors on request',
    'legend.closed': 'Closed',
    'legend.loud': 'Loud',
    'legend.quiet': 'Quiet',
    'legend.pinned': 'Pinned',
    'legend.overtime': 'Overtime',
    'legend.offHours': 'Outside working hours',
    'summary.heading': 'Result',
    'summary.hardOk': 'all hard rules hold',
    'summary.hardBroken': '{n} hard rule(s) broken',
    'summary.allPlaced': 'every session is placed',
    'summary.unassigned': '{n} session(s) could not be placed',
    'summary.soft': 'soft penalty {n}',
    'summary.edited': 'Adjusted here (not saved on the server)',
    'unassigned.heading': 'Sessions not placed',
    'unassigned.none': 'Every session is placed.',
    'unassigned.recommend': 'Find a place',
    'unassigned.noPlace': 'No possible placement',
    'recommend.apply': 'Apply',
    'recommend.diff': 'score change {diff}',
    'constraints.heading': 'Constraints',
    'constraints.hint': 'Choose a constraint to highlight the sessions it concerns.',
    'constraints.clear': 'Clear highlight',
    'constraints.matches': '{n}×',
    'level.hard': 'hard',
    'level.medium': 'medium',
    'level.soft': 'soft',
    'workers.name': 'Worker',
    'workers.org': 'Organisation',
    'workers.hours': 'Activity time',
    'workers.overtime': 'Overtime',
    'workers.none': 'none',
    'orgs.name': 'Organisation',
    'orgs.requested': 'Requested',
    'orgs.assigned': 'Placed',
    'session.room': 'Room',
    'session.workers': 'Workers',
    'session.pinned': 'pinned',
    'session.loud': 'loud',
    'session.quiet': 'quiet',
    'token.title': 'Access token needed',
    'token.text': 'The server asks for an access token (API token). Enter the token your administrator gave you:',
    'token.ok': 'OK',
    'token.cancel': 'Cancel',
    'token.rejected': 'The server refused this token.',
    'error.network': 'Cannot reach the server: {error}',
    'error.server': 'The server answered with an error: {error}',
    days: { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' },
    constraints: {},
  },
};

let language = pickLanguage();

function pickLanguage() {
  const saved = localStorage.getItem('language');
  if (saved === 'zh' || saved === 'en') {
    return saved;
  }
  return (navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en';
}

export function currentLanguage() {
  return language;
}

export function setLanguage(lang) {
  language = lang === 'zh' ? 'zh' : 'en';
  localStorage.setItem('language', language);
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : 'en';
}

/** The text for a key, with {name} placeholders filled in. */
export function t(key, values = {}) {
  const text = TEXTS[language][key] ?? TEXTS.en[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (all, name) => (name in values ? String(values[name]) : all));
}

export function dayName(day) {
  return TEXTS[language].days[day] ?? day;
}

/** A constraint's name in the page's language (the English name is the API's vocabulary). */
export function constraintName(name) {
  return TEXTS[language].constraints[name] ?? name;
}

/** Fills every element with data-i18n (text) or data-i18n-title / data-i18n-aria (attributes). */
export function translatePage(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-title]').forEach((element) => {
    element.title = t(element.dataset.i18nTitle);
  });
  document.title = t('title');
}

/** A calendar date ("2026-11-30") as a short date in the page's language; the date is the plan's own. */
export function formatDate(isoDate) {
  if (!isoDate) {
    return '';
  }
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    timeZone: 'UTC', month: 'short', day: 'numeric',
  }).format(new Date(Date.UTC(y, m - 1, d)));
}

/** An instant (ISO timestamp) as a time of day in the plan's time zone. */
export function formatInstant(iso, timeZone) {
  if (!iso) {
    return '';
  }
  try {
    return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
      timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit',
    }).format(new Date(iso));
  } catch (e) {
    return iso;
  }
}

export function formatNumber(n, digits = 0) {
  return new Intl.NumberFormat(language === 'zh' ? 'zh-CN' : 'en-GB', {
    minimumFractionDigits: digits, maximumFractionDigits: digits,
  }).format(n);
}

setLanguage(language);
