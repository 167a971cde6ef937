// 导入住户 (issue 14): a company's households from a CSV file, as a job. POST
// /api/v1/import/households?company=<code>&async=true with the file as the body (text/csv)
// answers 202 with a job of kind household-import at once (or refuses at once: 403, 404 or 400
// naming company); GET /api/v1/jobs/{id} then tells the households written of the file's, and
// once it ended its counts or, for a file with problems, every problem with its line and column
// (the import is all or nothing: nothing was written). What the modal needs, apart from React.
import { request } from '../../api/client';
import type { Job, Schemas } from '../../api/types';
import type { Role } from '../../auth';
import { jobFailureText } from '../../components/jobFailure';
import type { Translate } from '../../i18n';

/** Who imports (households and rooms writers, rules/access.cpp): the admin for any company, a
 * manager or an agent for their own. */
export const IMPORT_ROLES: readonly Role[] = ['admin', 'manager', 'agent'];

/** The file's columns (adapters/csv/household_import_csv.hpp), floor_tier optional. */
export const IMPORT_COLUMNS = ['building', 'partition', 'code', 'address', 'area_m2', 'floor', 'orientation', 'billing', 'agreed_temp', 'heating_status', 'phone', 'id_number', 'rooms'] as const;
export const OPTIONAL_COLUMN = 'floor_tier';

export const IMPORT_PATH = '/api/v1/import/households';

/** The job's result once it succeeded, as the synchronous route answers it. */
export type ImportCounts = Schemas['ImportCounts'];

/** Starts the import of `csv` into the company coded `company`: the job as the server answered it
 * (202), or the ApiError of a refusal. */
export function startImport(company: string, csv: string): Promise<Job> {
  return request<Job>('POST', IMPORT_PATH, { query: { company, async: 'true' }, raw: { body: csv, contentType: 'text/csv' } });
}

/** What a failed import says: a title, and the problems one a line when the server listed them. */
export interface ImportFailure {
  title: string;
  /** The file's problems ("line 3, column 5 (area_m2): …"), then "… and K more" when cut. */
  problems: string[];
  /** A failure without a list (the server stopped, the job could not be read): why. */
  detail?: string;
}

const PROBLEMS = /^the file has (\d+) problems?; nothing was imported:?$/;
const MORE = /^… and (\d+) more$/;

/** The failure of an import (a JobFailed, the poll's error): the message's first line as the title
 * (the server's "the file has N problems; nothing was imported:" in the user's words), each line
 * after it a problem. A message of one line is the detail under a plain title. */
export function importFailure(t: Translate, e: unknown): ImportFailure {
  const text = jobFailureText(t, e);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  if (lines.length < 2) return { title: t('householdImport.failed'), problems: [], detail: text };
  const [first, ...rest] = lines;
  const count = PROBLEMS.exec(first);
  return {
    title: count ? t('householdImport.problemsTitle', { n: Number(count[1]) }) : first,
    problems: rest.map((l) => {
      const more = MORE.exec(l);
      return more ? t('householdImport.moreProblems', { n: Number(more[1]) }) : l;
    }),
  };
}
