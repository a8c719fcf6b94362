'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import {
  changePlanAction,
  localCheckoutPaidAction,
  localPortalAction,
  openPortalAction,
  startCheckoutAction,
} from '@/lib/billing/actions';

// The Billing page's entry points; each body lives in lib/billing/actions.ts.
export const startCheckout = tenantAction(startCheckoutAction.def, startCheckoutAction.body);
export const changePlan = tenantAction(changePlanAction.def, changePlanAction.body);
export const openPortal = tenantAction(openPortalAction.def, openPortalAction.body);
export const payLocalCheckout = tenantAction(localCheckoutPaidAction.def, localCheckoutPaidAction.body);
export const localPortal = tenantAction(localPortalAction.def, localPortalAction.body);
