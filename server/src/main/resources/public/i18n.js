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
    'plan.upload': '上传计划文件（JSON 或 Excel/WPS 工作簿）',
    'plan.drop': '或把计划文件拖到页面上',
    'plan.none': '尚未载入计划',
    'plan.summary': '{sessions} 个场次 · {activities} 项活动 · {rooms} 间活动室 · {workers} 位社工',
    'plan.invalid': '计划有 {n} 处错误，需修改后才能排期：',
    'plan.notJson': '文件不是有效的 JSON',
    'demo.generated-m': '生成的示例（中等规模，种子 1）· 滨州 2026-08-03 起一周',
    'demo.generated-s': '生成的示例（小规模，种子 1）· 滨州 2026-04-27 起一周',
    'plan.diagnostics': '提示',
    'path.week': '本周设置',
    'path.sites': '服务点“{name}”',
    'path.rooms': '活动室“{name}”',
    'path.organizations': '机构“{name}”',
    'path.workers': '社工“{name}”',
    'path.audiences': '服务对象“{name}”',
    'path.activities': '活动“{name}”',
    'path.pinned': '固定场次 {name}',
    'path.previous': '已发布排期中的 {name}',
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
    'solve.doneKept': '完成，用时 {elapsed} 秒；与原来的安排相比，{moved} 个场次换了位置',
    'solve.keepWeek': '保留当前的安排：固定场次不动，其余场次尽量不移动（取消勾选则从头排期）',
    'solve.keepPublished': '保留已发布的安排（{date} 这一周）：固定场次不动，其余场次尽量不移动',
    'confirm.solved': '当前这一周的排期结果会被丢弃，无法找回。确定继续吗？',
    'confirm.edited': '当前这一周的排期和尚未保存的手动调整会被丢弃，无法找回。确定继续吗？',
    'solve.stopped': '已停止，保留了最佳结果',
    'solve.failed': '排期失败：{error}',
    'solve.best': '当前最佳',
    'solve.placed': '已安排 {placed} · 未安排 {unassigned}',
    'solve.placing': '仍在安排，周视图会陆续显示已安排的场次',
    'seconds': '{n} 秒',
    'minutes': '{n} 分钟',
    'hours': '{n} 小时',
    'export.heading': '3 · 导出',
    'export.hint': '在 Excel、WPS 或 LibreOffice 里查看和打印，请用上面的 Excel 排期。CSV 适合导入其他软件；LibreOffice 打开 CSV 时要选 UTF-8 编码，否则中文会乱码。',
    'export.json': 'JSON',
    'export.csv': 'CSV 表格',
    'export.ics': '日历（iCal）',
    'export.scheduleXlsx': '下载排期（Excel）',
    'export.planXlsx': '下载计划（Excel）',
    'export.print': '打印',
    'export.printRooms': '按活动室打印',
    'export.printWorkers': '按社工打印',
    'nextWeek.plan': '规划下一周',
    'nextWeek.loaded': '已载入下一周（{week} 起）的计划：本周的安排作为“已发布排期”保留，排期时尽量少变动',
    'print.day': '日期',
    'print.time': '时间',
    'print.activity': '活动',
    'print.org': '机构',
    'print.workers': '社工',
    'print.room': '活动室',
    'print.none': '本周没有安排',
    'export.edited': '手动调整尚未保存：下载 CSV 或日历时会先保存到服务器；发布使用已保存的安排。',
    'view.tabs': '周视图',
    'view.rooms': '活动室周视图',
    'view.workers': '社工视图',
    'view.orgs': '机构视图',
    'view.site': '服务点',
    'view.worker': '社工',
    'view.org': '机构',
    'grid.empty': '载入计划并排期后，这里会显示一周的安排。',
    'grid.closedDay': '闭馆',
    'grid.worksAs': '调休：按{day}上班',
    'grid.capacity': '{n}人',
    'grid.noSessions': '本周没有安排',
    'legend.open': '开放时间',
    'legend.onRequest': '需预约开门',
    'legend.closed': '关闭',
    'legend.loud': '喧闹活动',
    'legend.quiet': '安静活动',
    'legend.pinned': '固定场次',
    'legend.breaks': '违反硬性规则',
    'legend.overtime': '加班时段',
    'legend.offHours': '非工作时间',
    'summary.heading': '结果',
    'summary.hardOk': '所有硬性规则均满足',
    'summary.hardBroken': '{n} 处违反硬性规则',
    'summary.allPlaced': '所有场次都已安排',
    'summary.unassigned': '{n} 个场次未能安排',
    'summary.soft': '软性扣分 {n}',
    'summary.edited': '已在本地调整（尚未保存到服务器）',
    'summary.editedSaved': '已手动调整，并已保存到服务器',
    'edit.undo': '↶ 撤销',
    'edit.redo': '↷ 重做',
    'edit.undoKeys': '撤销（Ctrl+Z）',
    'edit.redoKeys': '重做（Ctrl+Y）',
    'edit.hint': '点击一个场次选中它，再点击一个格子把它移过去（也可以直接拖动）。键盘：Tab 到场次按回车选中，方向键选格子，回车放下；P 固定，Delete 移出，Esc 取消。',
    'edit.scoring': '正在重新评分…',
    'edit.saving': '正在保存…',
    'edit.save': '保存修改',
    'edit.saved': '修改已保存',
    'edit.picked': '已选中：{name}（{where}）',
    'edit.unplaced': '未安排',
    'edit.pin': '固定',
    'edit.unpin': '取消固定',
    'edit.takeOut': '移出排期',
    'edit.takenOut': '已手动移出排期',
    'edit.cancel': '取消选择',
    'edit.suggested': '建议位置：',
    'edit.suggesting': '正在查找建议位置…',
    'edit.noSuggestion': '没有建议位置',
    'edit.noHardRuleBroken': '不违反硬性规则',
    'edit.pickUnassigned': '手动安排',
    'edit.free': '可以放在这里',
    'edit.why.locked': '{room}此时不开门',
    'edit.why.capacity': '{n} 人参加，{room}只有 {seats} 个座位',
    'edit.why.feature': '{room}缺少 {features}',
    'edit.why.site': '该活动或其社工不能去{site}',
    'edit.why.allowed': '不在该活动或其服务对象允许的时间内',
    'edit.why.unavailable': '{worker}此时不可用',
    'edit.why.room': '{room}此时已有 {other}',
    'edit.why.worker': '{worker}此时在 {other}',
    'edit.why.audience': '服务对象“{audience}”此时在 {other}',
    'edit.why.after': '它应排在 {other} 之后，那时 {other} 还没结束',
    'edit.why.before': '{other} 应排在它之后，却在它结束前开始',
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
    'level.medium': '未安排',
    'level.soft': '软性',
    'workers.name': '社工',
    'workers.org': '机构',
    'workers.hours': '活动时长',
    'workers.overtime': '加班',
    'workers.none': '无机构',
    'orgs.name': '机构',
    'orgs.requested': '申请场次',
    'orgs.assigned': '已安排',
    'session.label': '{name} 第{n}场',
    'session.room': '活动室',
    'session.workers': '社工',
    'session.pinned': '固定',
    'session.breaks': '违反硬性规则',
    'session.loud': '喧闹',
    'session.quiet': '安静',
    'token.title': '需要访问令牌',
    'token.text': '服务器要求提供访问令牌（API token）。请输入管理员给你的令牌：',
    'token.ok': '确定',
    'token.cancel': '取消',
    'token.rejected': '服务器拒绝了这个令牌。',
    'error.network': '无法连接服务器：{error}',
    'error.server': '服务器返回错误：{error}',
    'publish.heading': '4 · 发布到日历',
    'publish.button': '发布本周安排',
    'publish.noDate': '计划没有开始日期（week.startDate），无法发布到日历。',
    'publish.done': '已发布 {date} 这一周：{sessions} 个场次（新增 {added}，变动 {changed}，取消 {removed}）。订阅的日历会自动更新。',
    'publish.edited': '发布的是服务器上的排期结果，不含本地修改。',
    'feeds.show': '日历订阅链接',
    'feeds.heading': '日历订阅',
    'feeds.hint': '把链接发给社工：在手机日历里订阅（或扫描二维码）后，每次发布新的一周都会自动更新，不需要访问令牌。',
    'feeds.weeks': '已发布的周：{weeks}',
    'feeds.none': '还没有发布任何一周。',
    'feeds.all': '全部场次',
    'feeds.workers': '按社工',
    'feeds.rooms': '按活动室',
    'feeds.orgs': '按机构',
    'feeds.link': '{name} 的订阅链接',
    'feeds.local': '这些链接指向 {host}，也就是这台电脑自己：手机打不开。请用手机能访问的地址打开本页（例如 http://192.168.1.20:7070/）再复制链接，或者用 --public-url 启动服务器（./scheduler serve --public-url http://192.168.1.20:7070）。',
    'feeds.copy': '复制链接',
    'feeds.copied': '已复制',
    'feeds.subscribe': '订阅',
    'feeds.qr': '二维码',
    'feeds.rotate': '更换全部链接',
    'feeds.rotateConfirm': '更换后，所有已发出的订阅链接都会失效，需要把新链接重新发给大家。确定要更换吗？',
    listSeparator: '、',
    sentenceSeparator: '；',
    days: { MON: '周一', TUE: '周二', WED: '周三', THU: '周四', FRI: '周五', SAT: '周六', SUN: '周日' },
    features: { kitchen: '厨房', projector: '投影仪', private: '私密空间', mats: '地垫', 'ground-floor': '一楼',
      'wheelchair-access': '无障碍通道', piano: '钢琴', computers: '电脑', sink: '水池', stage: '舞台' },
  },
  en: {
    title: 'Community scheduler',
    subtitle: 'Rooms and times for a community service centre',
    'lang.other': '中文',
    'plan.heading': '1 · Weekly plan',
    'plan.demo': 'Sample plan',
    'plan.demoLoad': 'Load',
    'plan.upload': 'Upload a plan file (JSON or an Excel/WPS workbook)',
    'plan.drop': 'or drop a plan file on the page',
    'plan.none': 'No plan loaded yet',
    'plan.summary': '{sessions} sessions · {activities} activities · {rooms} rooms · {workers} workers',
    'plan.invalid': 'The plan has {n} problem(s) to fix before it can be scheduled:',
    'plan.notJson': 'The file is not valid JSON',
    'demo.generated-m': 'Generated example (medium, seed 1) · Binzhou, week of 3 Aug 2026',
    'demo.generated-s': 'Generated example (small, seed 1) · Binzhou, week of 27 Apr 2026',
    'plan.diagnostics': 'Notes',
    'path.week': 'The week',
    'path.sites': 'Site "{name}"',
    'path.rooms': 'Room "{name}"',
    'path.organizations': 'Organisation "{name}"',
    'path.workers': 'Worker "{name}"',
    'path.audiences': 'Audience "{name}"',
    'path.activities': 'Activity "{name}"',
    'path.pinned': 'Pinned {name}',
    'path.previous': 'Published {name}',
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
    'solve.doneKept': 'Done in {elapsed} s; {moved} session(s) moved from where they were',
    'solve.keepWeek': 'Keep the week as it is: pinned sessions stay, the others move as little as they can (untick to start afresh)',
    'solve.keepPublished': 'Keep the published week (week of {date}): pinned sessions stay, the others move as little as they can',
    'confirm.solved': 'The week solved on this page will be thrown away, for good. Go on?',
    'confirm.edited': 'The week on this page and its edits not saved yet will be thrown away, for good. Go on?',
    'solve.stopped': 'Stopped; the best schedule is kept',
    'solve.failed': 'Solving failed: {error}',
    'solve.best': 'Best so far',
    'solve.placed': '{placed} placed · {unassigned} not placed',
    'solve.placing': 'still placing: the week below fills in as sessions are placed',
    'seconds': '{n} s',
    'minutes': '{n} min',
    'hours': '{n} h',
    'export.heading': '3 · Take it away',
    'export.hint': 'To read or print the week in Excel, WPS or LibreOffice, take the Excel schedule above. The CSV is for other programs; LibreOffice opens it right only when told it is UTF-8.',
    'export.json': 'JSON',
    'export.csv': 'CSV table',
    'export.ics': 'Calendar (iCal)',
    'export.scheduleXlsx': 'Download the schedule as Excel',
    'export.planXlsx': 'Download the plan as Excel',
    'export.print': 'Print',
    'export.printRooms': 'Print per room',
    'export.printWorkers': 'Print per worker',
    'nextWeek.plan': 'Plan next week',
    'nextWeek.loaded': 'Next week\'s plan (week of {week}) is loaded: this week\'s placements are kept as the published schedule, so solving moves as little as it can',
    'print.day': 'Day',
    'print.time': 'Time',
    'print.activity': 'Activity',
    'print.org': 'Organisation',
    'print.workers': 'Workers',
    'print.room': 'Room',
    'print.none': 'Nothing this week',
    'export.edited': 'Edits not saved yet: downloading the CSV or calendar saves them first; publishing uses the saved week.',
    'view.tabs': 'The week',
    'view.rooms': 'Rooms week',
    'view.workers': 'Workers',
    'view.orgs': 'Organisations',
    'view.site': 'Site',
    'view.worker': 'Worker',
    'view.org': 'Organisation',
    'grid.empty': 'Load a plan and solve it to see the week here.',
    'grid.closedDay': 'closed',
    'grid.worksAs': 'make-up workday: worked as {day}',
    'grid.capacity': '{n} seats',
    'grid.noSessions': 'Nothing this week',
    'legend.open': 'Open',
    'legend.onRequest': 'Doors on request',
    'legend.closed': 'Closed',
    'legend.loud': 'Loud',
    'legend.quiet': 'Quiet',
    'legend.pinned': 'Pinned',
    'legend.breaks': 'Breaks a hard rule',
    'legend.overtime': 'Overtime',
    'legend.offHours': 'Outside working hours',
    'summary.heading': 'Result',
    'summary.hardOk': 'all hard rules hold',
    'summary.hardBroken': '{n} hard rule(s) broken',
    'summary.allPlaced': 'every session is placed',
    'summary.unassigned': '{n} session(s) could not be placed',
    'summary.soft': 'soft penalty {n}',
    'summary.edited': 'Adjusted here (not saved on the server)',
    'summary.editedSaved': 'Adjusted by hand and saved on the server',
    'edit.undo': '↶ Undo',
    'edit.redo': '↷ Redo',
    'edit.undoKeys': 'Undo (Ctrl+Z)',
    'edit.redoKeys': 'Redo (Ctrl+Y)',
    'edit.hint': 'Click a session to pick it, then click a cell to move it there (or drag it). By keyboard: Tab to a session, Enter picks it, the arrows choose a cell, Enter puts it there; P pins, Delete takes out, Esc lets go.',
    'edit.scoring': 'Scoring…',
    'edit.saving': 'Saving…',
    'edit.save': 'Save edits',
    'edit.saved': 'Edits saved',
    'edit.picked': 'Picked: {name} ({where})',
    'edit.unplaced': 'not placed',
    'edit.pin': 'Pin',
    'edit.unpin': 'Unpin',
    'edit.takeOut': 'Take out',
    'edit.takenOut': 'taken out by hand',
    'edit.cancel': 'Cancel',
    'edit.suggested': 'Suggested places:',
    'edit.suggesting': 'Finding places…',
    'edit.noSuggestion': 'No place to suggest',
    'edit.noHardRuleBroken': 'no hard rule broken',
    'edit.pickUnassigned': 'Place by hand',
    'edit.free': 'it can go here',
    'edit.why.locked': 'the doors of {room} are locked then',
    'edit.why.capacity': '{n} participants; {room} seats {seats}',
    'edit.why.feature': '{room} lacks {features}',
    'edit.why.site': 'the activity or its workers may not go to {site}',
    'edit.why.allowed': 'outside the allowed times of the activity or its audiences',
    'edit.why.unavailable': '{worker} is unavailable then',
    'edit.why.room': '{room} is taken by {other}',
    'edit.why.worker': '{worker} is at {other} then',
    'edit.why.audience': 'the audience "{audience}" is at {other} then',
    'edit.why.after': 'it comes after {other}, which has not ended by then',
    'edit.why.before': '{other} comes after it but starts before it would end',
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
    'level.medium': 'not placed',
    'level.soft': 'soft',
    'workers.name': 'Worker',
    'workers.org': 'Organisation',
    'workers.hours': 'Activity time',
    'workers.overtime': 'Overtime',
    'workers.none': 'none',
    'orgs.name': 'Organisation',
    'orgs.requested': 'Requested',
    'orgs.assigned': 'Placed',
    'session.label': '{name} #{n}',
    'session.room': 'Room',
    'session.workers': 'Workers',
    'session.pinned': 'pinned',
    'session.breaks': 'Breaks a hard rule',
    'session.loud': 'loud',
    'session.quiet': 'quiet',
    'token.title': 'Access token needed',
    'token.text': 'The server asks for an access token (API token). Enter the token your administrator gave you:',
    'token.ok': 'OK',
    'token.cancel': 'Cancel',
    'token.rejected': 'The server refused this token.',
    'error.network': 'Cannot reach the server: {error}',
    'error.server': 'The server answered with an error: {error}',
    'publish.heading': '4 · Publish to calendars',
    'publish.button': 'Publish this week',
    'publish.noDate': 'The plan has no start date (week.startDate), so it cannot be published to calendars.',
    'publish.done': 'Published the week of {date}: {sessions} sessions ({added} new, {changed} changed, {removed} cancelled). Subscribed calendars update by themselves.',
    'publish.edited': 'Publishes the solved schedule on the server, without the changes made here.',
    'feeds.show': 'Calendar feed links',
    'feeds.heading': 'Calendar feeds',
    'feeds.hint': 'Send each social worker their link: subscribed in a phone\'s calendar (or by scanning the QR code), it updates by itself whenever a week is published, with no access token.',
    'feeds.weeks': 'Published weeks: {weeks}',
    'feeds.none': 'No week is published yet.',
    'feeds.all': 'All sessions',
    'feeds.workers': 'By worker',
    'feeds.rooms': 'By room',
    'feeds.orgs': 'By organisation',
    'feeds.link': 'Feed link of {name}',
    'feeds.local': 'These links point at {host}, this computer itself: a phone cannot open them. Open this page at an address phones reach (such as http://192.168.1.20:7070/) and copy the links again, or start the server with --public-url (./scheduler serve --public-url http://192.168.1.20:7070).',
    'feeds.copy': 'Copy link',
    'feeds.copied': 'Copied',
    'feeds.subscribe': 'Subscribe',
    'feeds.qr': 'QR code',
    'feeds.rotate': 'Replace all links',
    'feeds.rotateConfirm': 'Every link handed out so far will stop working, and everyone will need the new one. Replace all links?',
    listSeparator: ', ',
    sentenceSeparator: '; ',
    days: { MON: 'Mon', TUE: 'Tue', WED: 'Wed', THU: 'Thu', FRI: 'Fri', SAT: 'Sat', SUN: 'Sun' },
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

/** Names in a row, as the page's language writes a list: 甲、乙 or A, B. */
export function list(names) {
  return names.join(TEXTS[language].listSeparator);
}

/** Clauses as one sentence: "所有场次都已安排；软性扣分 3。" or "Every session is placed; soft penalty 3." */
export function sentence(clauses) {
  const text = clauses.join(TEXTS[language].sentenceSeparator);
  return language === 'zh' ? `${text}。` : `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** Minutes as hours with one decimal: "1.5 小时" or "1.5 h". */
export function hours(minutesCount) {
  return t('hours', { n: formatNumber(minutesCount / 60, 1) });
}

/** A constraint as a person reads it: the server's displayName (in the language the page asked for), else its name. */
export function constraintName(constraint) {
  return constraint.displayName ?? constraint.name;
}

/** Fills every element with data-i18n (text) or data-i18n-title / data-i18n-aria (attributes). */
export function translatePage(root = document) {
  root.querySelectorAll('[data-i18n]').forEach((element) => {
    element.textContent = t(element.dataset.i18n);
  });
  root.querySelectorAll('[data-i18n-title]').forEach((element) => {
    element.title = t(element.dataset.i18nTitle);
  });
  root.querySelectorAll('[data-i18n-aria]').forEach((element) => {
    element.setAttribute('aria-label', t(element.dataset.i18nAria));
  });
  document.title = t('title');
}

/** A time zone as people name it: "中国标准时间", "China Standard Time" (Asia/Shanghai); its id when unknown. */
export function timeZoneName(timeZone) {
  try {
    return new Intl.DateTimeFormat(language === 'zh' ? 'zh-CN' : 'en-GB', { timeZone, timeZoneName: 'long' })
      .formatToParts(new Date()).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
  } catch (e) {
    return timeZone;
  }
}

/** A room feature (a plan's free tag: kitchen, projector…) in the page's language, or the tag as written. */
export function featureName(tag) {
  return TEXTS[language].features?.[tag] ?? tag;
}

/** The page's own text for a key, or {@code fallback} when it has none (a sample's title it knows, say). */
export function textOr(key, fallback) {
  return key in TEXTS[language] ? t(key) : fallback;
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
