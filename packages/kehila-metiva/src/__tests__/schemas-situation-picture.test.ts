import { describe, expect, it } from 'vitest';
import { challengeFindingsSchema, dataSourceSchema, situationPictureSchema } from '../index.js';

const youth = {
  challengeId: 'youth',
  findings: ['18% מבני 15-17 בשכונות המיקוד אינם לומדים'],
  dataSources: [
    { name: 'נתוני נשירה, משרד החינוך', url: 'https://data.gov.il', asOf: '2026-06-30' },
  ],
};
const picture = {
  asOf: '2026-12-22',
  challenges: [
    youth,
    { ...youth, challengeId: 'elderly', findings: ['1 in 3 over 75 live alone'] },
  ],
  public: true,
  publishedOn: '2026-12-29',
};

describe('dataSourceSchema', () => {
  it('refuses a web address that is not http(s)', () => {
    const source = { name: 'Survey', url: 'javascript:alert(1)' };
    expect(dataSourceSchema.safeParse(source).error?.issues).toMatchObject([
      { path: ['url'], message: 'expected a web address starting with "https://" or "http://"' },
    ]);
  });
});

describe('challengeFindingsSchema', () => {
  it('S2: refuses a challenge with no finding', () => {
    expect(
      challengeFindingsSchema.safeParse({ ...youth, findings: [] }).error?.issues,
    ).toMatchObject([
      {
        path: ['findings'],
        message: 'S2: record at least one finding for challenge "youth"',
        params: { rule: 'S2' },
      },
    ]);
  });

  it('S2: refuses findings without a data source', () => {
    expect(
      challengeFindingsSchema.safeParse({ ...youth, dataSources: [] }).error?.issues,
    ).toMatchObject([
      {
        path: ['dataSources'],
        message:
          'S2: name at least one data source for challenge "youth"; the mapping is data-based',
      },
    ]);
  });
});

describe('situationPictureSchema', () => {
  it('S2: parses a public situation picture', () => {
    const parsed = situationPictureSchema.parse(picture);
    expect(parsed).toEqual(picture);
    expect(JSON.parse(JSON.stringify(parsed))).toEqual(parsed);
  });

  it('S2: accepts a draft that is not public yet', () => {
    const { publishedOn: _, ...draft } = picture;
    expect(situationPictureSchema.safeParse({ ...draft, public: false }).success).toBe(true);
  });

  it('S2: requires the public flag', () => {
    const { public: _, ...withoutFlag } = picture;
    expect(situationPictureSchema.safeParse(withoutFlag).error?.issues).toMatchObject([
      {
        path: ['public'],
        message: 'S2: say whether the situation picture is public (true or false)',
      },
    ]);
  });

  it('S2: refuses a publication date on a picture that is not public', () => {
    expect(
      situationPictureSchema.safeParse({ ...picture, public: false }).error?.issues,
    ).toMatchObject([
      {
        path: ['publishedOn'],
        message:
          'S2: the situation picture has a publication date "2026-12-29" but is not public; set public: true or remove publishedOn',
      },
    ]);
  });

  it('S2: refuses a picture of no challenge and one of six', () => {
    expect(
      situationPictureSchema.safeParse({ ...picture, challenges: [] }).error?.issues,
    ).toMatchObject([
      {
        path: ['challenges'],
        message:
          'S2: the situation picture covers one to five focus challenges (those of S1), not 0',
      },
    ]);
    const six = ['a', 'b', 'c', 'd', 'e', 'f'].map((challengeId) => ({ ...youth, challengeId }));
    expect(situationPictureSchema.safeParse({ ...picture, challenges: six }).success).toBe(false);
  });

  it('refuses two entries for one challenge', () => {
    const twice = { ...picture, challenges: [youth, youth] };
    expect(situationPictureSchema.safeParse(twice).error?.issues).toMatchObject([
      {
        path: ['challenges', 1, 'challengeId'],
        message: 'challenge id "youth" is used twice; give each one its own',
      },
    ]);
  });
});
