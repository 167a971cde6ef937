// The data of a season's adopted plan (R-SAMPLE-3): the company's plan for the season (GET
// /api/v1/sample_plans?company_id=&season=, at most one), its follow-up (GET
// /api/v1/sample_plans/{id}/follow-up[?staff=]), and the technicians a visit may go to (GET
// /api/v1/staff?role=technician, for the adoption and 调整).
import type { Page } from '../../api/client';
import type { AdoptedPlan, SamplePlanFollowUp, StaffList, StaffMember } from '../../api/types';
import { useApi, type ApiState } from '../../api/useApi';
import { SAMPLE_PLANS_PATH, STAFF_PATH } from './adopted';

export interface SeasonPlan {
  plans: ApiState<Page<AdoptedPlan>>;
  /** The season's plan; null once read and none adopted; undefined while not known. */
  plan: AdoptedPlan | null | undefined;
  followUp: ApiState<SamplePlanFollowUp>;
}

/** `company` undefined: nothing asked yet (the admin and the regulator choose one first). `staff`:
 * the follow-up narrowed to one technician's points (a technician's own). */
export function useSeasonPlan(company: number | undefined, season: number, staff?: string): SeasonPlan {
  const plans = useApi<Page<AdoptedPlan>>(company === undefined ? null : SAMPLE_PLANS_PATH, { company_id: company, season, limit: 1 });
  const listed = company !== undefined && !plans.loading && !plans.error && plans.data ? plans.data : undefined;
  // The answer of another company or season (while the new one loads) is not this one's.
  const current = listed?.items.find((p) => p.company_id === company && p.season === season);
  const plan = listed ? (current ?? null) : undefined;
  const followUp = useApi<SamplePlanFollowUp>(plan ? `${SAMPLE_PLANS_PATH}/${plan.id}/follow-up` : null, { staff });
  return { plans, plan, followUp };
}

/** The company's enabled technicians; `company` for the admin (who must name one); null: none
 * asked (the form is not open). */
export function useTechnicians(enabled: boolean, company: number | undefined, cross: boolean): ApiState<StaffList> & { items: StaffMember[] } {
  const asked = enabled && (!cross || company !== undefined);
  const state = useApi<StaffList>(asked ? STAFF_PATH : null, { role: 'technician', company_id: cross ? company : undefined });
  return { ...state, items: asked && !state.error ? (state.data?.items ?? []) : [] };
}
