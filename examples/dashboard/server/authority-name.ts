/** The demo authority's name in both languages (authority-run prints only the English). */
export const AUTHORITY = {
  he: 'רמת התאנים (רשות בדיונית)',
  en: "Ramat HaTe'enim (a fictional authority)",
};
