import { type Label, labelIn } from '@maslul/core';
import type { PlainDate, StepStatus } from '@maslul/timing';

// The page's two languages. The program's own words (steps, tracks, roles, rules, item events)
// come from its {he, en} labels; these are only the page's headings and connecting words.

/** The page's languages: Hebrew (right to left, the default) and English. */
export type Lang = 'he' | 'en';

export const LANGS: readonly Lang[] = ['he', 'en'];

/** Each language's name in itself, for the switch. */
export const LANG_NAMES: Record<Lang, string> = { he: 'עברית', en: 'English' };

const en = {
  dashboard: 'Dashboard',
  language: 'Language',
  today: 'Simulated today',
  recorded: (n: number, total: number) => `${n} of ${total} events recorded`,
  forecast: 'Forecast',
  channels: {
    social: 'social',
    educational: 'educational',
    urban: 'urban',
    economic: 'economic',
  } as Record<string, string>,
  forecastOf: { S9: 'Plan approved (S9)', C1: 'Initiatives decided (C1)' },
  forecastDates: (p50: string, p90: string) => `P50 ${p50} · P90 ${p90}`,
  actingAs: 'Acting as',
  timeline: 'Timeline',
  timelineNote: 'Planned dates from the facts so far; recorded dates where a step happened.',
  step: 'Step',
  status: 'Status',
  dates: 'Dates',
  todayLine: 'Today',
  held: (n: number, count: number) => `${n} of ${count} held`,
  statuses: {
    done: 'Done',
    skipped: 'Skipped',
    'in-progress': 'In progress',
    open: 'Open',
    overdue: 'Overdue',
    upcoming: 'Upcoming',
  } satisfies Record<StepStatus, string>,
  next: 'Next step',
  nextOn: 'on',
  by: 'by',
  record: 'Record it',
  recording: 'Recording…',
  offPlan: 'Off plan',
  allRecorded: 'Every event of the script is recorded: the program is over.',
  starts: 'begins',
  finishes: 'ends',
  created: 'set up',
  initiatives: 'Pilot initiatives and the decisions on them',
  initiativesNote:
    'Ideas selected at the hackathon (X1), supported (X2), measured (X3), then decided one by one by the shaping committee (C1, C2).',
  noInitiatives: 'No initiatives yet: they are set up after the hackathon (X1).',
  supported: 'In support',
  grant: 'Grant',
  measured: 'Measured',
  decision: 'Decision',
  reasons: 'Reasons',
  notDecided: (date: string) =>
    `Not decided yet: the shaping committee decides (C1), planned ${date}.`,
  advances: 'Advances',
  advancesNothing: 'Advances no objective',
  fitsPlan: 'fits the plan',
  doesNotFit: 'does not fit the plan',
  rule: 'Rule',
  loading: 'Loading…',
  failed: 'Could not load',
  nav: 'Views',
  overview: 'Overview',
  portfolio: 'Portfolio',
  thisWeek: 'This week',
  weekNote: (from: string, to: string) =>
    `Steps and items' planned events due or overdue from ${from} to ${to}, with who answers for each.`,
  nothingThisWeek: 'Nothing is due this week.',
  owner: 'Owner',
  late: 'Late',
  lateNote:
    'Steps whose window has closed, by how many working days, and the steps after them that move when each is recorded.',
  nothingLate: 'Nothing is late.',
  workingDaysLate: (n: number) => (n === 1 ? '1 working day late' : `${n} working days late`),
  windowClosed: (date: string) => `window closed ${date}`,
  waitsOnIt: 'Waiting on it',
  why: 'Why this date (explain())',
  meetingsOf: (team: string) => `Team work meeting: ${team}`,
  subscribe: 'Calendar and export',
  calendarFeed: 'Subscribe to the calendar (iCalendar)',
  calendarFile: 'Download the calendar file (.ics)',
  csvExport: 'Download the plan as CSV',
  forecastBand: (p50: string, p90: string) => `Forecast: P50 ${p50}, P90 ${p90}`,
  timelineScroll: 'Timeline (scrolls sideways)',
  initiativePage: 'Open the initiative page',
  backToOverview: 'Back to the overview',
  links: 'Tied to',
  challenge: 'Focus challenge',
  objective: 'Objective',
  measurements: 'Measurements over time',
  measurementsNote:
    'The baseline at the launch conference (S4), each measurement (X3), and the target.',
  baseline: 'Baseline',
  target: 'Target',
  value: 'Value',
  date: 'Date',
  noMeasurements:
    'Not measured yet: measurement and learning (X3) comes about six months after the hackathon.',
  share: 'Share of progress',
  refused: 'Refused attempts',
  refusedNote:
    'Events on this initiative that the program refused, from the refusal log: who tried, when, and the rule.',
  noRefusals: 'No attempt on this initiative was refused.',
  unknownInitiative: 'There is no such initiative in this run.',
  authorities: 'Authorities running the program',
  portfolioNote:
    'Every authority in the program, from the instance list of the HTTP API: where each stands, how many steps are overdue, and when its plan is forecast to be approved (S9).',
  authority: 'Authority',
  started: 'Started',
  currentStep: 'Strategy track at',
  overdueSteps: 'Overdue steps',
  approvalForecast: 'Plan approval (S9), forecast',
};

/** The page's words in one language. */
export type Messages = typeof en;

const he: Messages = {
  dashboard: 'לוח מעקב',
  language: 'שפה',
  today: 'היום (מדומה)',
  recorded: (n, total) => `${n} מתוך ${total} אירועים תועדו`,
  forecast: 'תחזית',
  channels: { social: 'חברתי', educational: 'חינוכי', urban: 'אורבני', economic: 'כלכלי' },
  forecastOf: { S9: 'אישור התוכנית (S9)', C1: 'החלטה על היוזמות (C1)' },
  forecastDates: (p50, p90) => `P50 ${p50} · P90 ${p90}`,
  actingAs: 'פועלים בתפקיד',
  timeline: 'ציר הזמן',
  timelineNote: 'מועדים מתוכננים לפי מה שקרה עד כה; מועדים בפועל לצעדים שהתקיימו.',
  step: 'צעד',
  status: 'מצב',
  dates: 'מועדים',
  todayLine: 'היום',
  held: (n, count) => `${n} מתוך ${count} התקיימו`,
  statuses: {
    done: 'בוצע',
    skipped: 'דולג',
    'in-progress': 'בביצוע',
    open: 'פתוח לביצוע',
    overdue: 'באיחור',
    upcoming: 'עתידי',
  },
  next: 'הצעד הבא',
  nextOn: 'בתאריך',
  by: 'על ידי',
  record: 'לתעד',
  recording: 'מתעדים…',
  offPlan: 'חריגה מהתוכנית',
  allRecorded: 'כל אירועי התסריט תועדו: התוכנית הסתיימה.',
  starts: 'התחלה',
  finishes: 'סיום',
  created: 'הקמה',
  initiatives: 'יוזמות הפיילוט וההחלטות עליהן',
  initiativesNote:
    'רעיונות שנבחרו בהאקתון (X1), לוו (X2), נמדדו (X3), ואז הוועדה המעצבת החליטה על כל אחד (C1, C2).',
  noInitiatives: 'אין עדיין יוזמות: הן מוקמות אחרי ההאקתון (X1).',
  supported: 'בליווי',
  grant: 'מענק',
  measured: 'נמדדה',
  decision: 'החלטה',
  reasons: 'נימוקים',
  notDecided: (date) => `טרם הוחלט: הוועדה המעצבת תחליט (C1), מתוכנן ל־${date}.`,
  advances: 'מקדמת את',
  advancesNothing: 'אינה מקדמת יעד',
  fitsPlan: 'מתאימה לתוכנית',
  doesNotFit: 'אינה מתאימה לתוכנית',
  rule: 'כלל',
  loading: 'טוען…',
  failed: 'הטעינה נכשלה',
  nav: 'תצוגות',
  overview: 'סקירה',
  portfolio: 'כל הרשויות',
  thisWeek: 'השבוע',
  weekNote: (from, to) =>
    `צעדים ואירועים מתוכננים של פריטים שמועדם או איחורם בין ${from} ל־${to}, ומי אחראי לכל אחד.`,
  nothingThisWeek: 'אין השבוע דבר שמועדו הגיע.',
  owner: 'אחראי',
  late: 'באיחור',
  lateNote: 'צעדים שחלון הזמן שלהם נסגר, בכמה ימי עבודה, והצעדים שאחריהם שיזוזו כשיתועדו.',
  nothingLate: 'אין צעד באיחור.',
  workingDaysLate: (n) => (n === 1 ? 'יום עבודה אחד באיחור' : `${n} ימי עבודה באיחור`),
  windowClosed: (date) => `החלון נסגר ב־${date}`,
  waitsOnIt: 'ממתינים לו',
  why: 'למה המועד הזה (explain())',
  meetingsOf: (team) => `מפגש עבודה של הצוות: ${team}`,
  subscribe: 'לוח שנה וייצוא',
  calendarFeed: 'הרשמה ללוח השנה (iCalendar)',
  calendarFile: 'הורדת קובץ לוח השנה (‎.ics)',
  csvExport: 'הורדת התוכנית כ־CSV',
  forecastBand: (p50, p90) => `תחזית: P50 ${p50}, P90 ${p90}`,
  timelineScroll: 'ציר הזמן (נגלל לצדדים)',
  initiativePage: 'לדף היוזמה',
  backToOverview: 'חזרה לסקירה',
  links: 'קשורה אל',
  challenge: 'אתגר מוקד',
  objective: 'יעד',
  measurements: 'מדידות לאורך הזמן',
  measurementsNote: 'נקודת המוצא בכנס ההשקה (S4), כל מדידה (X3), והיעד.',
  baseline: 'נקודת מוצא',
  target: 'יעד',
  value: 'ערך',
  date: 'תאריך',
  noMeasurements: 'טרם נמדדה: מדידה ולמידה (X3) כחצי שנה אחרי ההאקתון.',
  share: 'שיעור ההתקדמות',
  refused: 'ניסיונות שנדחו',
  refusedNote: 'אירועים על היוזמה שהתוכנית דחתה, מיומן הדחיות: מי ניסה, מתי, ולפי איזה כלל.',
  noRefusals: 'לא נדחה אף ניסיון על היוזמה.',
  unknownInitiative: 'אין יוזמה כזו בהרצה הזו.',
  authorities: 'הרשויות בתוכנית',
  portfolioNote:
    'כל רשות בתוכנית, מרשימת המופעים של ה־HTTP API: היכן היא עומדת, כמה צעדים באיחור, ומתי צפוי אישור התוכנית שלה (S9).',
  authority: 'רשות',
  started: 'התחילה',
  currentStep: 'המסלול האסטרטגי ב־',
  overdueSteps: 'צעדים באיחור',
  approvalForecast: 'אישור התוכנית (S9), תחזית',
};

export const MESSAGES: Record<Lang, Messages> = { he, en };

/** A program label in the page's language. */
export const labelOf = (label: Label, lang: Lang): string => labelIn(label, lang);

const LOCALES: Record<Lang, string> = { he: 'he-IL', en: 'en-GB' };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatter(lang: Lang, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${lang} ${JSON.stringify(options)}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { ...options, timeZone: 'UTC' });
    dateFormats.set(key, format);
  }
  return format;
}

const utc = (date: PlainDate) => new Date(`${date}T00:00:00Z`);

/** "11 May 2027", "11 במאי 2027". */
export const formatDate = (date: PlainDate, lang: Lang): string =>
  formatter(lang, { day: 'numeric', month: 'short', year: 'numeric' }).format(utc(date));

/** A month on the axis: "May", "מאי". */
export const formatMonth = (date: PlainDate, lang: Lang): string =>
  formatter(lang, { month: 'short' }).format(utc(date));

/** Shekels from agorot: "₪12,500". */
export const formatShekels = (agorot: number, lang: Lang): string =>
  new Intl.NumberFormat(LOCALES[lang], {
    style: 'currency',
    currency: 'ILS',
    maximumFractionDigits: 0,
  }).format(agorot / 100);
