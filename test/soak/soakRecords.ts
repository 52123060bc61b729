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
