// The console's pages and menus (../shared/console/MENUS.md): each page names the roles that
// see it. A menu whose page does not exist yet is absent, and a role sees only its own menus;
// a path of another role's page answers "not found", as an unknown one does.
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { Role } from './auth';
import type { MessageKey } from './i18n';

export interface PageRoute {
  path: string;
  /** The menu's text; absent for pages reached by a link only (a detail page). */
  menu?: MessageKey;
  /** The menu group it sits under. */
  group?: MessageKey;
  roles: readonly Role[];
  component: LazyExoticComponent<ComponentType>;
}

const STAFF: Role[] = ['admin', 'manager', 'agent', 'technician'];

export const PAGES: PageRoute[] = [
  { path: '/dashboard', menu: 'menu.dashboard', roles: STAFF, component: lazy(() => import('./pages/Dashboard')) },
  {
    path: '/households',
    menu: 'menu.households',
    group: 'menu.monitoring',
    roles: [...STAFF, 'regulator'],
    component: lazy(() => import('./pages/Households')),
  },
  {
    path: '/households/:id',
    roles: [...STAFF, 'regulator'],
    component: lazy(() => import('./pages/HouseholdDetail')),
  },
  {
    path: '/monitoring/measurements',
    menu: 'menu.measurements',
    group: 'menu.monitoring',
    roles: STAFF,
    component: lazy(() => import('./pages/Measurements')),
  },
  {
    path: '/monitoring/sensors',
    menu: 'menu.sensors',
    group: 'menu.monitoring',
    roles: STAFF,
    component: lazy(() => import('./pages/Sensors')),
  },
  {
    path: '/monitoring/sensors/:code',
    roles: STAFF,
    component: lazy(() => import('./pages/SensorDetail')),
  },
  {
    path: '/work-orders',
    menu: 'menu.workOrderList',
    group: 'menu.workOrders',
    roles: STAFF,
    component: lazy(() => import('./pages/WorkOrders')),
  },
  {
    // Before /work-orders/:id (React Router ranks the static segment above the parameter anyway).
    path: '/work-orders/new',
    menu: 'menu.newWorkOrder',
    group: 'menu.workOrders',
    roles: ['admin', 'manager', 'agent'],
    component: lazy(() => import('./pages/NewWorkOrder')),
  },
  {
    path: '/work-orders/:id',
    roles: STAFF,
    component: lazy(() => import('./pages/WorkOrderDetail')),
  },
  {
    path: '/outages',
    menu: 'menu.outages',
    roles: [...STAFF, 'regulator'],
    component: lazy(() => import('./pages/Outages')),
  },
  {
    path: '/outages/:id',
    roles: [...STAFF, 'regulator'],
    component: lazy(() => import('./pages/OutageDetail')),
  },
  {
    path: '/energy',
    menu: 'menu.energy',
    roles: ['admin', 'manager', 'technician', 'regulator'],
    component: lazy(() => import('./pages/Energy')),
  },
  {
    path: '/refunds',
    menu: 'menu.refunds',
    roles: ['admin', 'manager'],
    component: lazy(() => import('./pages/Refunds')),
  },
  {
    path: '/connections',
    menu: 'menu.connections',
    group: 'menu.billing',
    roles: ['admin', 'manager', 'agent', 'regulator'],
    component: lazy(() => import('./pages/Connections')),
  },
  {
    path: '/heating-changes',
    menu: 'menu.heatingChanges',
    group: 'menu.billing',
    roles: ['admin', 'manager', 'agent', 'regulator'],
    component: lazy(() => import('./pages/HeatingChanges')),
  },
  {
    path: '/bills',
    menu: 'menu.bills',
    group: 'menu.billing',
    roles: ['admin', 'manager', 'agent', 'regulator'],
    component: lazy(() => import('./pages/Bills')),
  },
  {
    path: '/tariffs',
    menu: 'menu.tariffs',
    group: 'menu.billing',
    roles: ['admin', 'manager', 'agent', 'regulator'],
    component: lazy(() => import('./pages/Tariffs')),
  },
  {
    path: '/arrears',
    menu: 'menu.arrears',
    group: 'menu.billing',
    roles: ['admin', 'manager', 'agent', 'regulator'],
    component: lazy(() => import('./pages/Arrears')),
  },
  {
    path: '/reliefs',
    menu: 'menu.reliefs',
    group: 'menu.billing',
    roles: ['admin', 'manager', 'agent', 'regulator', 'technician'],
    component: lazy(() => import('./pages/Reliefs')),
  },
  {
    path: '/meter-disputes',
    menu: 'menu.meterDisputes',
    group: 'menu.billing',
    roles: [...STAFF, 'regulator'],
    component: lazy(() => import('./pages/MeterDisputes')),
  },
  {
    path: '/insurance-claims',
    menu: 'menu.insuranceClaims',
    group: 'menu.billing',
    roles: [...STAFF, 'regulator'],
    component: lazy(() => import('./pages/InsuranceClaims')),
  },
  {
    path: '/sampling',
    menu: 'menu.sampling',
    roles: ['admin', 'manager', 'technician', 'regulator'],
    component: lazy(() => import('./pages/SamplePlan')),
  },
  {
    path: '/reports/indicators',
    menu: 'menu.indicators',
    group: 'menu.reports',
    roles: ['admin', 'manager', 'agent', 'regulator'],
    component: lazy(() => import('./pages/Indicators')),
  },
  {
    path: '/regulator/companies',
    menu: 'menu.companyComparison',
    group: 'menu.regulatorCenter',
    roles: ['admin', 'regulator'],
    component: lazy(() => import('./pages/CompanyComparison')),
  },
  {
    path: '/regulator/subsidy',
    menu: 'menu.subsidyShares',
    group: 'menu.regulatorCenter',
    roles: ['admin', 'regulator'],
    component: lazy(() => import('./pages/SubsidyShares')),
  },
  {
    path: '/regulator/mass-complaints',
    menu: 'menu.massComplaints',
    group: 'menu.regulatorCenter',
    roles: ['admin', 'regulator', 'manager', 'agent'],
    component: lazy(() => import('./pages/MassComplaints')),
  },
  {
    path: '/regulator/licence',
    menu: 'menu.licenceCheck',
    group: 'menu.regulatorCenter',
    roles: ['admin', 'regulator', 'manager', 'agent'],
    component: lazy(() => import('./pages/LicenceCheck')),
  },
  {
    path: '/regulator/seasons',
    menu: 'menu.seasonDuties',
    group: 'menu.regulatorCenter',
    roles: ['admin', 'regulator', 'manager', 'agent'],
    component: lazy(() => import('./pages/SeasonDuties')),
  },
  {
    path: '/settings/calendar',
    menu: 'menu.calendar',
    group: 'menu.settings',
    roles: ['admin', 'regulator'],
    component: lazy(() => import('./pages/Calendar')),
  },
  {
    path: '/settings/policies',
    menu: 'menu.policies',
    group: 'menu.settings',
    roles: [...STAFF, 'regulator'],
    component: lazy(() => import('./pages/Policies')),
  },
  {
    path: '/settings/audit',
    menu: 'menu.audit',
    group: 'menu.settings',
    roles: ['admin', 'regulator'],
    component: lazy(() => import('./pages/Audit')),
  },
  {
    path: '/my/temperatures',
    menu: 'menu.myTemperatures',
    group: 'menu.myHeating',
    roles: ['household'],
    component: lazy(() => import('./pages/MyTemperatures')),
  },
  {
    path: '/my/refunds',
    menu: 'menu.myRefunds',
    group: 'menu.myHeating',
    roles: ['household'],
    component: lazy(() => import('./pages/MyRefunds')),
  },
  {
    path: '/my/notifications',
    menu: 'menu.myNotifications',
    group: 'menu.myHeating',
    roles: ['household'],
    component: lazy(() => import('./pages/MyNotifications')),
  },
  {
    path: '/my/insurance-claims',
    menu: 'menu.myInsuranceClaims',
    group: 'menu.myHeating',
    roles: ['household'],
    component: lazy(() => import('./pages/MyInsuranceClaims')),
  },
  {
    path: '/my/connections',
    menu: 'menu.myConnections',
    group: 'menu.myHeating',
    roles: ['household'],
    component: lazy(() => import('./pages/MyConnections')),
  },
  {
    path: '/my/heating-changes',
    menu: 'menu.myHeatingChanges',
    group: 'menu.myHeating',
    roles: ['household'],
    component: lazy(() => import('./pages/MyHeatingChanges')),
  },
  {
    path: '/my/bills',
    menu: 'menu.myBills',
    group: 'menu.myHeating',
    roles: ['household'],
    component: lazy(() => import('./pages/MyBills')),
  },
  {
    path: '/my/account',
    menu: 'menu.myAccount',
    group: 'menu.myHeating',
    roles: ['household'],
    component: lazy(() => import('./pages/MyAccount')),
  },
  {
    path: '/my/meter-disputes',
    menu: 'menu.myMeterDisputes',
    group: 'menu.myHeating',
    roles: ['household'],
    component: lazy(() => import('./pages/MyMeterDisputes')),
  },
];

/** The pages anyone opens without signing in (outside the frame, never sent to sign-in). React
 * Router ranks a static segment above a parameter, so /public/indicators is never a company code. */
export const PUBLIC_PAGES: Array<Pick<PageRoute, 'path' | 'component'>> = [
  { path: '/public/indicators', component: lazy(() => import('./pages/PublicIndicators')) },
  { path: '/public/:code', component: lazy(() => import('./pages/PublicCompany')) },
];

/** Where a role lands after signing in. */
export function homeOf(role: Role): string {
  const first = PAGES.find((p) => p.menu && p.roles.includes(role));
  return first ? first.path : '/not-found';
}
