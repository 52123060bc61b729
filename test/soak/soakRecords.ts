/** What the soak's scripted user reports to the runner (as records, test/bench/records.ts). */

export interface FaultPhaseRecord {
  seconds: number;
  actions: number;
  posted: number;
  requests: number;
  /** Injected faults by kind ("status 429", "drop", …). */
  faults: Record<string, number>;
  browse: number;
  open: number;
  older: number;
  refresh: number;
  tabPosts: number;
  commandPosts: number;
  tabRetries: number;
  commandRetries: number;
  reopened: number;
  /** Times the user looked in the space before sending again (the extension could not check). */
  looked: number;
  /** …and found the message already there (a blind resend would have posted it twice). */
  foundByLooking: number;
  gaveUp: number[];
}

export interface SeriesRecord {
  posted: number;
  inSpace: number;
  duplicates: number;
  gaveUp: number[];
}

export interface AfterRecord {
  errorNotifications: number;
  distinctErrors: string[];
  repeatedTexts: number;
  surprises: string[];
  lost: string[];
  tabs: string[];
  spacesRight: boolean;
  teamsRight: boolean;
}

export interface CorpusRecord {
  input: string;
  via: string;
  result: string;
  requests?: number;
}
