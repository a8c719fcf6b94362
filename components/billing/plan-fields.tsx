import { PLANS, type PlanId } from '@/lib/billing/plans';

type Props = { plans: readonly PlanId[]; plan: PlanId; seats: number; idPrefix: string; minSeats: number };

/** The plan and seat inputs of the checkout and change-plan forms. */
export function PlanFields({ plans, plan, seats, idPrefix, minSeats }: Props) {
  return (
    <>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-plan`} className="block text-sm font-medium">
          Plan
        </label>
        <select
          id={`${idPrefix}-plan`}
          name="plan"
          defaultValue={plan}
          className="h-9 rounded-md border border-input bg-background px-3 text-sm"
        >
          {plans.map((id) => (
            <option key={id} value={id}>
              {PLANS[id].name} — {PLANS[id].pricePerSeat}
            </option>
          ))}
        </select>
      </div>
      <div className="space-y-1">
        <label htmlFor={`${idPrefix}-seats`} className="block text-sm font-medium">
          Seats
        </label>
        <input
          id={`${idPrefix}-seats`}
          name="seats"
          type="number"
          min={minSeats}
          defaultValue={seats}
          className="h-9 w-24 rounded-md border border-input bg-background px-3 text-sm"
        />
      </div>
    </>
  );
}
