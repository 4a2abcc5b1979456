// Migration files are bundled as text (tsup's `.sql` loader; a vitest plugin in tests).
declare module '*.sql' {
  const text: string;
  export default text;
}
