'use server';

import { tenantAction } from '@/lib/actions/tenant-action';
import {
  addDomainAction,
  makePrimaryDomainAction,
  removeDomainAction,
  verifyDomainAction,
} from '@/lib/domains/actions';

// The Domains page's entry points; the bodies live in lib/domains/actions.ts.
export const addDomain = tenantAction(addDomainAction.def, addDomainAction.body);
export const verifyDomain = tenantAction(verifyDomainAction.def, verifyDomainAction.body);
export const removeDomain = tenantAction(removeDomainAction.def, removeDomainAction.body);
export const makePrimaryDomain = tenantAction(makePrimaryDomainAction.def, makePrimaryDomainAction.body);
