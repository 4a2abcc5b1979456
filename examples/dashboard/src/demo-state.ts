import type { Actor, ProgramEvent } from '@maslul/core';
import type { KehilaMetiva } from '@maslul/kehila-metiva';
import type { PlainDate } from '@maslul/timing';

// What the dashboard server says of its simulated run, besides the maslul API (`GET /demo`): the
// authority, the simulated day, and the next event of the authority's script for the page to
// record. Shared by the server (which answers it) and the page (which reads it).

/** The header the page names its role in; the server's `authenticate` reads it. */
export const ACTOR_HEADER = 'X-Demo-Actor';

/** The header that names the person holding the role (optional: one of the role's people otherwise). */
export const ACTOR_ID_HEADER = 'X-Demo-Actor-Id';

/** Where the maslul HTTP API is mounted on the dashboard server. */
export const API_BASE = '/api';

/** The next event of the script: what to send, on which day, by whom, with which key. */
export interface NextEvent {
  /** Its place in the script, from 1: the seq it is stored as. */
  readonly n: number;
  /** Its idempotency key, the same as the authority-run demo's. */
  readonly key: string;
  /** The simulated day it happens on. */
  readonly date: PlainDate;
  /** The instant it is recorded at (that day's morning). */
  readonly at: string;
  readonly actor: Actor;
  readonly event: ProgramEvent<KehilaMetiva>;
  /** Why it is off plan, when the script says so. */
  readonly why?: string | undefined;
}

/** `GET /demo`: the instance, its authority, the simulated now, and what comes next. */
export interface DemoState {
  readonly id: string;
  readonly authority: { readonly he: string; readonly en: string };
  /** The simulated clock's now, ISO. */
  readonly now: string;
  /** Its plain date in Israel. */
  readonly today: PlainDate;
  /** How many of the script's events are stored. */
  readonly recorded: number;
  readonly total: number;
  /** Undefined once the script is done. */
  readonly next?: NextEvent | undefined;
  /**
   * When the plan's approval (S9) and the decision on the initiatives (C1) finish, forecast from
   * the facts so far (`instance.forecast`): the median date and the date 9 runs in 10 make.
   */
  readonly forecast: {
    readonly [step in ForecastStep]: { readonly p50: PlainDate; readonly p90: PlainDate };
  };
}

/** Someone who answers for a step: the role the program names, and the authority's person in it. */
export interface Owner {
  readonly role: string;
  /** The authority's person holding the role (for a team's meetings: its domain head). */
  readonly actor?:
    | { readonly id: string; readonly name: { readonly he: string; readonly en: string } }
    | undefined;
}

/** A step, or an item's planned event, that is due or overdue in the week, with who owns it. */
export interface WeekItem {
  /** The step id, or the planned item event (`team-social.meet`). */
  readonly id: string;
  /** The day in the week it is planned on (an overdue one: the day its window closed). */
  readonly date: PlainDate;
  readonly status: 'open' | 'overdue' | 'upcoming' | 'in-progress';
  /** Its item, for an item's planned event (`team-social`). */
  readonly item?: string | undefined;
  readonly owners: readonly Owner[];
}

/** A step overdue today: since when, by how many working days, and the steps waiting on it. */
export interface LateStep {
  readonly id: string;
  /** The last day of its window. */
  readonly windowClosed: PlainDate;
  /** Working days after the window closed, today included (the authority's calendar). */
  readonly workingDaysLate: number;
  readonly owners: readonly Owner[];
  /** The steps after it (directly or not) that are not done: they move when it is recorded. */
  readonly moved: readonly {
    readonly id: string;
    readonly start: PlainDate;
    /** Why it is planned when it is: `explain()` of @maslul/timing, in English. */
    readonly explanation: string;
  }[];
}

/** `GET /demo/week?id=`: the week from the simulated today, and what is late. */
export interface WeekState {
  readonly id: string;
  readonly from: PlainDate;
  /** The last day of the week (inclusive). */
  readonly to: PlainDate;
  readonly items: readonly WeekItem[];
  readonly late: readonly LateStep[];
}

/** `GET /demo/portfolio`: the authorities running the program, and when each plan is approved. */
export interface PortfolioState {
  readonly today: PlainDate;
  readonly authorities: readonly {
    readonly id: string;
    readonly name: { readonly he: string; readonly en: string };
    readonly start: PlainDate;
    /** The forecast of the plan's approval (S9): median and 9 in 10. */
    readonly forecast: { readonly p50: PlainDate; readonly p90: PlainDate };
  }[];
}

/** The steps the page forecasts. */
export const FORECAST_STEPS = ['S9', 'C1'] as const;

/** A step the page forecasts. */
export type ForecastStep = (typeof FORECAST_STEPS)[number];
